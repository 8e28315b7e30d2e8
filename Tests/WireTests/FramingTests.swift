import DB4403Wire
import InterchangeRuntime
import Testing

@Suite struct FramingTests {
    let frame = SZTCFrame(
        versionMajor: 1, versionMinor: 0, packetNo: 42, direction: .request, command: 1004,
        data: Array(#"{"userId":"cadre01","password":"HUX+7VtHgb0="}"#.utf8))

    @Test func crc16XmodemCheckValue() {
        #expect(CRC16.xmodem(Array("123456789".utf8)) == 0x31C3)
    }

    @Test func frameLayoutIsBigEndianWithTrailingCRC() {
        let bytes = SZTCFrame(packetNo: 0x0102_0304, direction: .response, command: 0x03EE, data: [0x7B, 0x7D]).encoded
        #expect(Array(bytes.prefix(17)) == [0x53, 0x5A, 0x54, 0x43, 1, 0, 1, 2, 3, 4, 0, 0, 0, 2, 1, 0x03, 0xEE])
        #expect(Array(bytes[17..<19]) == [0x7B, 0x7D])
        let crc = CRC16.xmodem(bytes.prefix(19))
        #expect(Array(bytes.suffix(2)) == [UInt8(crc >> 8), UInt8(crc & 0xFF)])
    }

    @Test func frameRoundTrips() throws {
        var decoder = FrameDecoder()
        decoder.append(frame.encoded)
        #expect(try decoder.next() == frame)
        #expect(try decoder.next() == nil)
        #expect(decoder.bufferedCount == 0)
    }

    @Test func oneByteChunksDecode() throws {
        var decoder = FrameDecoder()
        var frames: [SZTCFrame] = []
        let second = SZTCFrame(packetNo: 43, direction: .response, command: 1006, data: [])
        for byte in frame.encoded + second.encoded {
            decoder.append([byte])
            while let decoded = try decoder.next() { frames.append(decoded) }
        }
        #expect(frames == [frame, second])
    }

    @Test func aFlippedBitIsACRCError() throws {
        var bytes = frame.encoded
        bytes[20] ^= 0x04
        var decoder = FrameDecoder()
        decoder.append(bytes)
        #expect(throws: FrameError.self) { try decoder.next() }
        do {
            _ = try decoder.next()
        } catch {
            guard case .badCRC = error else {
                Issue.record("expected a CRC error, got \(error)")
                return
            }
        }
    }

    @Test func badFlagOversizeAndDirectionAreReported() throws {
        var garbage = FrameDecoder()
        garbage.append(Array("GET ".utf8))
        #expect(throws: FrameError.badHeadFlag(found: Array("GET ".utf8))) { try garbage.next() }

        var early = FrameDecoder()
        early.append([0x53, 0x5A, 0x00])
        #expect(throws: FrameError.badHeadFlag(found: [0x53, 0x5A, 0x00])) { try early.next() }

        var small = FrameDecoder(maxDataLength: 8)
        small.append(frame.encoded)
        #expect(throws: FrameError.dataTooLong(length: UInt32(frame.data.count), limit: 8)) { try small.next() }

        var bytes = frame.encoded
        bytes[14] = 7
        var direction = FrameDecoder()
        direction.append(bytes)
        #expect(throws: FrameError.badDirection(7)) { try direction.next() }
        #expect(FrameError.badCRC(expected: 0x31C3, actual: 0x0001).description == "CRC mismatch: frame says 0x31C3, data gives 0x0001")
    }

    @Test func packetNumbersCycleThroughInt32Max() {
        var numbers = PacketNumbers()
        #expect(numbers.next() == 1)
        #expect(numbers.next() == 2)
        var nearEnd = PacketNumbers(startingAfter: UInt32(Int32.max) - 1)
        #expect(nearEnd.next() == UInt32(Int32.max))
        #expect(nearEnd.next() == 1)
    }
}
