import Foundation
import InterchangeCompiler
import DB4403Wire
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

    static func frame(_ arguments: inout Arguments, _ tool: InterchangeTool) throws -> ExitStatus {
        if arguments.wantsHelp {
            tool.console.out(usage)
            return .ok
        }
        guard let commandText = try arguments.option("--command") else { throw UsageError("--command N (0-65535) is required") }
        guard let command = UInt16(commandText) else { throw UsageError("--command must be 0-65535, got '\(commandText)'") }
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
        // At most what `unframe` and every session accept (DB4403 6.1.1 i: 10M bytes).
        let frame = SZTCFrame(
            versionMajor: parts[0], versionMinor: parts[1], packetNo: packetNo, direction: direction, command: command,
            data: try tool.bytes(file, limit: FrameDecoder().maxDataLength))
        if hex { tool.console.out(Hex.encode(frame.encoded)) } else { tool.console.writeOutput(frame.encoded) }
        return .ok
    }

    static func unframe(_ arguments: inout Arguments, _ tool: InterchangeTool) throws -> ExitStatus {
        if arguments.wantsHelp {
            tool.console.out(usage)
            return .ok
        }
        let hex = arguments.flag("--hex")
        let (file, _) = try Input.file(&arguments)
        let input = try tool.input(file)
        var reader = FrameStreamReader(hex: hex)
        do {
            try input.forEachChunk { chunk in
                for frame in try reader.frames(in: chunk) { tool.console.out(JSONWriter().string(describe(frame))) }
            }
        } catch let error as FrameStreamReader.Failure {
            tool.console.error("\(input.display): error: \(error.message)")
            return .invalidInput
        }
        if let problem = reader.leftover {
            tool.console.error("\(input.display): error: \(problem)")
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
}

/// Frames from a byte stream read in chunks (hexadecimal text with `--hex`), so `unframe`
/// keeps at most one frame in memory however long the stream.
struct FrameStreamReader {
    struct Failure: Error {
        let message: String
    }

    let hex: Bool
    private var decoder = FrameDecoder()
    private var pendingNibble: UInt8?
    /// Bytes taken from the stream so far (after hex decoding), for error offsets.
    private var consumed = 0
    private var textOffset = 0

    init(hex: Bool) {
        self.hex = hex
    }

    mutating func frames(in chunk: ArraySlice<UInt8>) throws(Failure) -> [SZTCFrame] {
        let bytes = hex ? try decodeHex(chunk) : Array(chunk)
        decoder.append(bytes)
        consumed += bytes.count
        var frames: [SZTCFrame] = []
        do {
            while let frame = try decoder.next() { frames.append(frame) }
        } catch {
            throw Failure(message: "frame at byte \(consumed - decoder.bufferedCount): \(error)")
        }
        return frames
    }

    /// What is wrong with the end of the stream, if anything.
    var leftover: String? {
        if pendingNibble != nil { return "an odd number of hexadecimal digits" }
        guard decoder.bufferedCount > 0 else { return nil }
        return "\(decoder.bufferedCount) bytes at byte \(consumed - decoder.bufferedCount) are an incomplete frame (truncated?)"
    }

    /// Hexadecimal digits to bytes; white space is skipped, anything else (`+`, `-`, `x`) is an error.
    private mutating func decodeHex(_ chunk: ArraySlice<UInt8>) throws(Failure) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(chunk.count / 2)
        for character in chunk {
            defer { textOffset += 1 }
            if character == 0x20 || character == 0x0A || character == 0x0D || character == 0x09 { continue }
            guard let value = Hex.digitValue(character) else {
                let shown = character > 0x20 && character < 0x7F ? "'\(Character(Unicode.Scalar(character)))'" : "byte 0x\(Hex.encode([character]))"
                throw Failure(message: "not hexadecimal text: \(shown) at character \(textOffset)")
            }
            if let high = pendingNibble {
                bytes.append(high << 4 | value)
                pendingNibble = nil
            } else {
                pendingNibble = value
            }
        }
        return bytes
    }
}
