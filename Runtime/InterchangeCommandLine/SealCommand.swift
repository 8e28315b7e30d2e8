import InterchangeCompiler
import InterchangeRuntime

/// `interchange seal|open PROTOCOL`: whole messages of every protocol, both directions, with
/// the business data's text kept verbatim (what a partner's published vectors need).
enum SealCommand {
    static let usage = """
        usage: interchange seal PROTOCOL [--response --code C [--message M]] [--operator-id ID]
                                [--timestamp T] [--seq S] [--token T] [--type T] [--member NAME=VALUE...]
                                [--profile FILE] [secrets] [FILE|-]
               interchange open PROTOCOL [--response] [--raw] [--profile FILE] [secrets] [FILE|-]

        seal: FILE holds the business data's JSON text, encrypted and signed exactly as it is
        (no re-serialising); prints the whole message. A request takes its envelope members
        from the flags (EVCS: --operator-id is required, --timestamp yyyyMMddHHmmss and --seq
        default to now and 0001; DB4403: --timestamp in epoch seconds; Youxing: --token; Tomda
        pushes: --type, and --member time=...); --member NAME=VALUE gives any member by the
        document's name. An answer (--response) takes its status from --code and --message.
        open: checks a whole message's signature over the text received and decrypts it;
        prints the business data (its decrypted text as the peer wrote it, --raw without a
        line break) on standard output and an answer's status on standard error.
        Secrets: as `interchange validate` (--data-secret, --data-iv, --sig-secret, --key, --iv,
        or their INTERCHANGE_* variables); never printed.
        Exit status: 0 ok, 1 a message that does not open, 2 usage or I/O error.
        """

    static func seal(_ arguments: inout Arguments, _ tool: InterchangeTool) throws -> ExitStatus {
        if arguments.wantsHelp {
            tool.console.out(usage)
            return .ok
        }
        let profile = try tool.profile(&arguments)
        let secrets = try tool.secretValues(&arguments)
        let response = arguments.flag("--response")
        let code = try arguments.option("--code")
        let message = try arguments.option("--message")
        var members: [String: String] = [:]
        for (flag, names) in [("--operator-id", ["OperatorID"]), ("--timestamp", ["TimeStamp", "timestamp"]), ("--seq", ["Seq"]), ("--token", ["token"]), ("--type", ["type"])] {
            if let value = try arguments.option(flag) { for name in names { members[name] = value } }
        }
        for pair in try arguments.options("--member") {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else { throw UsageError("--member takes NAME=VALUE, not '\(pair)'") }
            members[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        let (file, rest) = try Input.file(&arguments, extra: 1)
        guard let name = rest.first else { throw UsageError("expected PROTOCOL [FILE]") }
        let descriptor = try tool.descriptor(name)
        if response, code == nil { throw UsageError("--response needs --code (the answer's status)") }
        if !response, code != nil || message != nil { throw UsageError("--code and --message are for --response") }
        let status = code.map { OpenedMessage.Status(code: $0, message: message, isSuccess: $0 == "0" || $0 == "200") }
        let plaintext = try tool.bytes(file, limit: profile.maxMessageBytes)
        do {
            let sealed = try descriptor.sealMessage(SealRequest(plaintext: plaintext, status: status, members: members), profile: profile, secrets: secrets)
            tool.console.out(JSONWriter().string(sealed))
            return .ok
        } catch let error as EnvelopeError where error.kind == .missingMember || error.kind == .undecryptable {
            throw UsageError(error.message)
        } catch let error as EnvelopeError {
            tool.console.error("\(file ?? "<stdin>"): error: \(error)")
            return .invalidInput
        } catch let error as CryptoError {
            throw UsageError(error.description)
        }
    }

    static func open(_ arguments: inout Arguments, _ tool: InterchangeTool) throws -> ExitStatus {
        if arguments.wantsHelp {
            tool.console.out(usage)
            return .ok
        }
        let profile = try tool.profile(&arguments)
        let secrets = try tool.secretValues(&arguments)
        let response = arguments.flag("--response")
        let raw = arguments.flag("--raw")
        let (file, rest) = try Input.file(&arguments, extra: 1)
        guard let name = rest.first else { throw UsageError("expected PROTOCOL [FILE]") }
        let descriptor = try tool.descriptor(name)
        let opened: OpenedMessage
        do {
            opened = try descriptor.openMessage(try tool.bytes(file, limit: profile.maxMessageBytes), response: response, profile: profile, secrets: secrets)
        } catch {
            tool.console.error("\(file ?? "<stdin>"): error: \(error)")
            return .invalidInput
        }
        if let status = opened.status {
            tool.console.error("\(status.isSuccess ? "answer" : "error answer"): code \(status.code)\(status.message.map { " (\($0))" } ?? "")")
        }
        let text = opened.plaintext ?? opened.data.map { Array(JSONWriter().string($0).utf8) } ?? []
        if raw { tool.console.writeOutput(text) } else { tool.console.out(String(decoding: text, as: UTF8.self)) }
        return .ok
    }

    /// `interchange crc16 [--hex] [FILE|-]`: the CRC-16/XMODEM of bytes, as 4 hex digits.
    static func crc16(_ arguments: inout Arguments, _ tool: InterchangeTool) throws -> ExitStatus {
        if arguments.wantsHelp {
            tool.console.out("""
                usage: interchange crc16 [--hex] [FILE|-]

                Prints the CRC-16/XMODEM (polynomial 0x1021, initial 0; 表33's crc16) of the bytes in
                FILE, or of the hexadecimal digits in it with --hex, as four hex digits.
                Exit status: 0 ok, 1 bad hex, 2 usage or I/O error.
                """)
            return .ok
        }
        let hex = arguments.flag("--hex")
        let (file, _) = try Input.file(&arguments)
        var bytes = try tool.bytes(file)
        if hex {
            let digits = bytes.filter { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
            guard digits.count.isMultiple(of: 2), let decoded = Hex.decode(digits) else {
                tool.console.error("\(file ?? "<stdin>"): error: not an even number of hexadecimal digits")
                return .invalidInput
            }
            bytes = decoded
        }
        let crc = CRC16.xmodem(bytes)
        tool.console.out(Hex.encode([UInt8(crc >> 8), UInt8(crc & 0xFF)], uppercase: true))
        return .ok
    }
}

extension Hex {
    /// The bytes of hexadecimal digits (an even number of them); nil for anything else.
    static func decode(_ digits: [UInt8]) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index + 1 < digits.count {
            guard let high = Hex.digitValue(digits[index]), let low = Hex.digitValue(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }
}
