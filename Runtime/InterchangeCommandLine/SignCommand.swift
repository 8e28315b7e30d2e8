import Foundation
import InterchangeCompiler
import DB4403Wire
import EVCSWire
import InterchangeRuntime

/// `interchange sign|verify db4403|evcs`: signatures and sealed envelopes.
enum SignCommand {
    static let usage = """
        usage: interchange sign db4403 [--envelope] [--timestamp N] [--profile FILE] [FILE|-]
               interchange sign evcs --operator-id ID [--timestamp yyyyMMddHHmmss] [--seq NNNN] [FILE|-]
               interchange verify db4403|evcs [--response] [--profile FILE] [FILE|-]

        sign db4403: FILE holds the business data (an object or an array of objects); prints the
          6.1.1 g sign (lower-case SHA1 of the canonical JSON), or with --envelope the whole
          {timestamp, sign, data} request.
        sign evcs: FILE holds the plaintext JSON, sealed as written; prints the {OperatorID, Data,
          TimeStamp, Seq, Sig} request (AES-128-CBC + HMAC-MD5, Annex B.3). `seal` does the same
          for every protocol and for answers.
        verify: FILE holds a received request envelope (evcs --response: an answer); checks its
          sign/Sig over the text as received (evcs also decrypts). Prints `ok` or the error.

        EVCS secrets: --data-secret / INTERCHANGE_EVCS_DATA_SECRET, --data-iv /
        INTERCHANGE_EVCS_DATA_IV (default: the data secret), --sig-secret /
        INTERCHANGE_EVCS_SIG_SECRET. Secrets are never printed.
        Exit status: 0 ok, 1 invalid input or signature, 2 usage or I/O error.
        """

    static func sign(_ arguments: inout Arguments, _ tool: InterchangeTool) throws -> ExitStatus {
        if arguments.wantsHelp {
            tool.console.out(usage)
            return .ok
        }
        let profile = try tool.profile(&arguments)
        let envelopeWanted = arguments.flag("--envelope")
        let timestamp = try arguments.option("--timestamp")
        let operatorID = try arguments.option("--operator-id")
        let seq = try arguments.option("--seq")
        let values = try tool.secretValues(&arguments)
        let (file, protocolName) = try fileAndProtocol(&arguments)
        if protocolName == "evcs", (operatorID ?? "").isEmpty { throw UsageError("sign evcs needs --operator-id (the sender's OperatorID)") }
        let secrets = protocolName == "evcs" ? try evcsSecrets(values, operatorID: operatorID) : nil
        let bytes = try tool.bytes(file)
        guard let value = tool.json(bytes, name: file) else { return .invalidInput }
        switch protocolName {
        case "db4403":
            let data: [JSONValue] = if case .array(let objects) = value { objects } else { [value] }
            let envelope = DB4403Envelope(profile: profile)
            if envelopeWanted {
                let seconds = try timestamp.map { text -> Int64 in
                    guard let number = Int64(text) else { throw UsageError("--timestamp must be epoch seconds") }
                    return number
                } ?? EpochSeconds.now.value
                tool.console.out(JSONWriter().string(try envelope.request(data: data, timestamp: seconds)))
            } else {
                tool.console.out(try envelope.sign(data))
            }
        default:
            guard let secrets else { return .usageOrIO }
            var sequencer = EVCSSequencer()
            let generated = try sequencer.next(at: .now)
            let envelope = EVCSEnvelope(secrets: secrets, profile: profile)
            // The plaintext is sealed as written (checked to be JSON, never re-serialised).
            _ = value
            let request = try envelope.request(data: bytes, timeStamp: timestamp ?? generated.timeStamp, seq: seq ?? generated.seq)
            tool.console.out(JSONWriter().string(request))
        }
        return .ok
    }

    static func verify(_ arguments: inout Arguments, _ tool: InterchangeTool) throws -> ExitStatus {
        if arguments.wantsHelp {
            tool.console.out(usage)
            return .ok
        }
        let profile = try tool.profile(&arguments)
        let values = try tool.secretValues(&arguments)
        let response = arguments.flag("--response")
        let (file, protocolName) = try fileAndProtocol(&arguments)
        let secrets = protocolName == "evcs" ? try evcsSecrets(values, operatorID: nil) : nil
        if response {
            guard let secrets else { throw UsageError("DB4403 answers carry no sign; --response is for evcs") }
            do {
                let answer = try EVCSEnvelope(secrets: secrets, profile: profile).openResponse(try tool.bytes(file))
                tool.console.out("ok: Ret \(answer.ret), Msg \(answer.msg), \(answer.plaintext.count) bytes of Data")
                return .ok
            } catch {
                tool.console.error("\(file ?? "<stdin>"): error: \(error)")
                return .invalidInput
            }
        }
        switch check(try tool.bytes(file), secrets: secrets, profile: profile) {
        case .success(let summary):
            tool.console.out(summary)
            return .ok
        case .failure(let error):
            tool.console.error("\(file ?? "<stdin>"): error: \(error)")
            return .invalidInput
        }
    }

    /// Opens a request envelope; EVCS when `secrets` are given, else DB4403.
    private static func check(_ bytes: [UInt8], secrets: EVCSSecrets?, profile: PeerProfile) -> Result<String, EnvelopeError> {
        do throws(EnvelopeError) {
            if let secrets {
                let request = try EVCSEnvelope(secrets: secrets, profile: profile).openRequest(bytes)
                // A wrong IV garbles only the first block and the padding still checks: the
                // plaintext must also be the JSON the Data carries.
                guard (try? JSONReader(maxBytes: profile.maxMessageBytes).read(request.plaintext)) != nil else {
                    return .failure(EnvelopeError(.undecryptable, "Data does not decrypt to JSON (wrong data secret or IV?)"))
                }
                return .success("ok: OperatorID \(request.operatorID), TimeStamp \(request.timeStamp), Seq \(request.seq)")
            }
            let request = try DB4403Envelope(profile: profile).openRequest(bytes)
            return .success("ok: sign \(request.sign) over \(request.data.count) data objects")
        } catch {
            return .failure(error)
        }
    }

    /// The EVCS secrets, or a usage error saying which one is missing.
    private static func evcsSecrets(_ values: SecretValues, operatorID: String?) throws -> EVCSSecrets {
        do {
            return try EVCSDescriptor.secrets(values, operatorID: operatorID ?? "")
        } catch {
            throw UsageError(error.message)
        }
    }

    /// The PROTOCOL (db4403 or evcs) and FILE positionals.
    private static func fileAndProtocol(_ arguments: inout Arguments) throws -> (file: String?, protocolName: String) {
        let (file, rest) = try Input.file(&arguments, extra: 1)
        guard let name = rest.first?.lowercased(), ["db4403", "evcs"].contains(name) else {
            throw UsageError("expected db4403 or evcs")
        }
        return (file, name)
    }
}
