import DB4403
import InterchangeRuntime

/// Turns a TCP byte stream, received in chunks of any size, into whole SZTC frames.
///
/// Sans-IO: feed it what the socket delivers with `append`, then take frames with `next()`
/// until it returns `nil` (more bytes needed). Any `FrameError` is final for the stream.
public struct FrameDecoder: Sendable {
    /// Largest data section accepted (DB4403 6.1.1 i: 10M bytes). A server session keeps it
    /// small until the client has logged in.
    public var maxDataLength: Int
    private var buffer: [UInt8] = []
    private var start = 0

    /// A decoder refusing frames whose data is longer than `maxDataLength` bytes.
    public init(maxDataLength: Int = JSONReader.defaultMaxBytes) {
        self.maxDataLength = maxDataLength
    }

    /// Bytes received but not yet part of a returned frame.
    public var bufferedCount: Int { buffer.count - start }

    /// Adds bytes received, in order; `next()` then returns the frames they complete.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        if start > 0, start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next whole frame, or `nil` until enough bytes have arrived.
    public mutating func next() throws(FrameError) -> SZTCFrame? {
        let available = buffer.count - start
        // Check the flag as soon as its bytes arrive, so garbage fails fast.
        let flagBytes = min(available, 4)
        if flagBytes > 0, buffer[start..<start + flagBytes].elementsEqual(SZTCFrame.headFlag.prefix(flagBytes)) == false {
            throw .badHeadFlag(found: Array(buffer[start..<start + flagBytes]))
        }
        guard available >= SZTCFrame.headerLength else { return nil }
        guard buffer[start + 4] == 1 else { throw .badVersion(major: buffer[start + 4], minor: buffer[start + 5]) }
        let length = readUInt32(at: start + 10)
        guard length <= maxDataLength else { throw .dataTooLong(length: length, limit: maxDataLength) }
        let directionByte = buffer[start + 14]
        guard let direction = SZTCFrame.Direction(rawValue: directionByte) else { throw .badDirection(directionByte) }
        let total = SZTCFrame.headerLength + Int(length) + SZTCFrame.trailerLength
        guard available >= total else { return nil }
        let crcOffset = start + total - SZTCFrame.trailerLength
        let expected = UInt16(buffer[crcOffset]) << 8 | UInt16(buffer[crcOffset + 1])
        let actual = CRC16.xmodem(buffer[start..<crcOffset])
        guard expected == actual else { throw .badCRC(expected: expected, actual: actual) }
        let frame = SZTCFrame(
            versionMajor: buffer[start + 4], versionMinor: buffer[start + 5], packetNo: readUInt32(at: start + 6),
            direction: direction, command: UInt16(buffer[start + 15]) << 8 | UInt16(buffer[start + 16]),
            data: Array(buffer[start + SZTCFrame.headerLength..<crcOffset]))
        start += total
        return frame
    }

    private func readUInt32(at offset: Int) -> UInt32 {
        buffer[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }
}
