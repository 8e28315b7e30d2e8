import Foundation
import InterchangeCompiler
import InterchangeRuntime

/// `interchange frame|unframe`: DB4403 TCP frames (表33).
enum FrameCommand {
    static let usage = """
        usage: interchange frame --command N [--packet N] [--response] [--version M.m] [--hex] [FILE|-]
               interchange unframe [--hex] [FILE|-]

        frame wraps FILE (the JSON the frame carries) in an SZTC frame and writes its bytes
        (with --hex, as hexadecimal text). unframe reads a byte stream of frames (with --hex,
        hexadecimal text) and prints one JSON line per frame:
        {"version","packetNo","direction","command","data"}; a bad flag, CRC or length is
        reported with the byte offset of the frame.
        Exit status: 0 ok, 1 invalid frames, 2 usage or I/O error.
        """

    static func frame(_ arguments: inout Arguments) throws -> ExitStatus {
        if arguments.wantsHelp {
            print(usage)
            return .ok
        }
        guard let commandText = try arguments.option("--command"), let command = UInt16(commandText) else {
            throw UsageError("--command N (0-65535) is required")
        }
        let packetText = try arguments.option("--packet") ?? "1"
        guard let packetNo = UInt32(packetText), packetNo >= 1, packetNo <= UInt32(Int32.max) else {
            throw UsageError("--packet must be 1...\(Int32.max)")
        }
        let version = try arguments.option("--version") ?? "1.0"
        let parts = version.split(separator: ".").compactMap { UInt8($0) }
        guard parts.count == 2 else { throw UsageError("--version must be major.minor, e.g. 1.0") }
        let direction: SZTCFrame.Direction = arguments.flag("--response") ? .response : .request
        let hex = arguments.flag("--hex")
        let (file, _) = try Input.file(&arguments)
        let frame = SZTCFrame(
            versionMajor: parts[0], versionMinor: parts[1], packetNo: packetNo, direction: direction, command: command,
            data: try Input.bytes(file))
        if hex { print(Hex.encode(frame.encoded)) } else { writeOut(frame.encoded) }
        return .ok
    }

    static func unframe(_ arguments: inout Arguments) throws -> ExitStatus {
        if arguments.wantsHelp {
            print(usage)
            return .ok
        }
        let hex = arguments.flag("--hex")
        let (file, _) = try Input.file(&arguments)
        var input = try Input.bytes(file)
        if hex {
            guard let decoded = hexBytes(String(decoding: input, as: UTF8.self)) else {
                printError("\(file ?? "<stdin>"): error: not hexadecimal text")
                return .invalidInput
            }
            input = decoded
        }
        var decoder = FrameDecoder()
        decoder.append(input)
        var offset = 0
        do {
            while let frame = try decoder.next() {
                print(JSONWriter().string(describe(frame)))
                offset = input.count - decoder.bufferedCount
            }
        } catch {
            printError("\(file ?? "<stdin>"): error: frame at byte \(offset): \(error)")
            return .invalidInput
        }
        if decoder.bufferedCount > 0 {
            printError("\(file ?? "<stdin>"): error: \(decoder.bufferedCount) bytes at byte \(offset) are an incomplete frame (truncated?)")
            return .invalidInput
        }
        return .ok
    }

    private static func describe(_ frame: SZTCFrame) -> JSONValue {
        let data: JSONValue = String(validating: frame.data, as: UTF8.self).map(JSONValue.string) ?? .string(Base64.encode(frame.data))
        return [
            "version": .string("\(frame.versionMajor).\(frame.versionMinor)"), "packetNo": .number(ExactNumber(Int(frame.packetNo))),
            "direction": .string(frame.direction == .request ? "request" : "response"),
            "command": .number(ExactNumber(Int(frame.command))), "data": data,
        ]
    }

    private static func hexBytes(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8.filter { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) })
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        var index = 0
        while index < digits.count {
            guard let byte = UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
            index += 2
        }
        return bytes
    }
}
