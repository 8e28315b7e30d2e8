import DB4403
import InterchangeRuntime

/// One DB4403 TCP message (6.1.3, 表33), big-endian:
///
/// | headFlag 4 `SZTC` | version 2 (major, minor) | packetNo 4 | length 4 | direction 1 | command 2 | data N | crc16 2 |
///
/// The CRC-16/XMODEM covers everything from headFlag through data.
public struct SZTCFrame: Sendable, Hashable {
    /// 表33 direction.
    public enum Direction: UInt8, Sendable {
        /// 0: a request.
        case request = 0
        /// 1: a response.
        case response = 1
    }

    /// The four bytes every frame starts with: `SZTC`.
    public static let headFlag: [UInt8] = Array("SZTC".utf8)
    /// Bytes before the data: headFlag, version, packetNo, length, direction, command.
    public static let headerLength = 17
    /// Bytes after the data: the CRC.
    public static let trailerLength = 2

    /// Protocol version, major part (1).
    public var versionMajor: UInt8
    /// Protocol version, minor part (0).
    public var versionMinor: UInt8
    /// 1…Int32.max, cycling; a response carries its request's number.
    public var packetNo: UInt32
    /// Request or response.
    public var direction: Direction
    /// The interface code, e.g. 1004 login, 1006 heartbeat.
    public var command: UInt16
    /// The business data: JSON in UTF-8, as for https.
    public var data: [UInt8]

    /// A frame; version 1.0 unless told otherwise.
    public init(
        versionMajor: UInt8 = 1, versionMinor: UInt8 = 0, packetNo: UInt32, direction: Direction, command: UInt16,
        data: [UInt8]
    ) {
        self.versionMajor = versionMajor
        self.versionMinor = versionMinor
        self.packetNo = packetNo
        self.direction = direction
        self.command = command
        self.data = data
    }

    /// The frame's bytes, CRC included.
    public var encoded: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(Self.headerLength + data.count + Self.trailerLength)
        out += Self.headFlag
        out += [versionMajor, versionMinor]
        out += bigEndian(packetNo)
        out += bigEndian(UInt32(data.count))
        out.append(direction.rawValue)
        out += bigEndian(command)
        out += data
        out += bigEndian(CRC16.xmodem(out))
        return out
    }
}

/// Why a byte stream is not a valid SZTC frame. The stream cannot be resynchronised
/// safely after any of these: the session closes the connection.
public enum FrameError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bytes where a frame should start are not `SZTC`.
    case badHeadFlag(found: [UInt8])
    /// The length field announces more data than the limit.
    case dataTooLong(length: UInt32, limit: Int)
    /// The direction byte is neither 0 nor 1.
    case badDirection(UInt8)
    /// The version is not 1.x, the only one 表33 defines.
    case badVersion(major: UInt8, minor: UInt8)
    /// The CRC does not match the frame.
    case badCRC(expected: UInt16, actual: UInt16)

    public var description: String {
        switch self {
        case .badHeadFlag(let found): "bad head flag \(Hex.encode(found)): expected 'SZTC' (53545a43)"
        case .dataTooLong(let length, let limit): "frame announces \(length) bytes of data, more than the limit of \(limit)"
        case .badDirection(let value): "bad direction byte \(value): expected 0 (request) or 1 (response)"
        case .badVersion(let major, let minor): "version \(major).\(minor): 表33 defines 1.x only"
        case .badCRC(let expected, let actual):
            "CRC mismatch: frame says \(hex16(expected)), data gives \(hex16(actual))"
        }
    }
}

/// Hands out packet numbers 1, 2, … Int32.max, then 1 again (表33 packetNo).
public struct PacketNumbers: Sendable {
    private var last: UInt32

    /// Numbers starting after `last`.
    public init(startingAfter last: UInt32 = 0) {
        self.last = last
    }

    public mutating func next() -> UInt32 {
        last = last >= UInt32(Int32.max) ? 1 : last + 1
        return last
    }
}

func bigEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
    withUnsafeBytes(of: value.bigEndian) { Array($0) }
}

private func hex16(_ value: UInt16) -> String {
    "0x" + Hex.encode(bigEndian(value), uppercase: true)
}
