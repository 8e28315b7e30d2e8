import Foundation
import InterchangeCompiler
import InterchangeRuntime

/// `interchange sign|verify db4403|evcs`: signatures and sealed envelopes.
enum SignCommand {
    static let usage = """
        usage: interchange sign db4403 [--envelope] [--timestamp N] [--profile FILE] [FILE|-]
               interchange sign evcs --operator-id ID [--timestamp yyyyMMddHHmmss] [--seq NNNN] [FILE|-]
               interchange verify db4403|evcs [--profile FILE] [FILE|-]

        sign db4403: FILE holds the business data (an object or an array of objects); prints the
          6.1.1 g sign (lower-case SHA1 of the canonical JSON), or with --envelope the whole
          {timestamp, sign, data} request.
        sign evcs: FILE holds the plaintext JSON; prints the sealed {OperatorID, Data, TimeStamp,
          Seq, Sig} request (AES-128-CBC + HMAC-MD5, Annex B.3).
        verify: FILE holds a received request envelope; checks its sign/Sig over the text as
          received (evcs also decrypts). Prints `ok` or the error.

        EVCS secrets: --data-secret / INTERCHANGE_EVCS_DATA_SECRET, --data-iv /
        INTERCHANGE_EVCS_DATA_IV (default: the data secret), --sig-secret /
        INTERCHANGE_EVCS_SIG_SECRET. Secrets are never printed.
        Exit status: 0 ok, 1 invalid input or signature, 2 usage or I/O error.
        """

    static func sign(_ arguments: inout Arguments) throws -> ExitStatus {
        if arguments.wantsHelp {
            print(usage)
            return .ok
        }
        let profile = try Input.profile(&arguments)
        let envelopeWanted = arguments.flag("--envelope")
        let timestamp = try arguments.option("--timestamp")
        let operatorID = try arguments.option("--operator-id")
        let seq = try arguments.option("--seq")
        let flags = try SecretFlags(&arguments)
        let (file, protocolName) = try fileAndProtocol(&arguments)
        let secrets = protocolName == "evcs" ? try flags.evcsSecrets(operatorID: operatorID) : nil
        guard let value = Input.json(try Input.bytes(file), name: file) else { return .invalidInput }
        switch protocolName {
        case "db4403":
            let data: [JSONValue] = if case .array(let objects) = value { objects } else { [value] }
            let envelope = DB4403Envelope(profile: profile)
            if envelopeWanted {
                let seconds = try timestamp.map { text -> Int64 in
                    guard let number = Int64(text) else { throw UsageError("--timestamp must be epoch seconds") }
                    return number
                } ?? Int64(Date().timeIntervalSince1970)
                print(JSONWriter().string(envelope.request(data: data, timestamp: seconds)))
            } else {
                print(envelope.sign(data))
            }
        default:
            guard let secrets else { return .usageOrIO }
            var sequencer = EVCSSequencer()
            let generated = sequencer.next(epochSeconds: Int64(Date().timeIntervalSince1970))
            let envelope = EVCSEnvelope(secrets: secrets, profile: profile)
            let request = try envelope.request(
                data: JSONWriter().bytes(value), timeStamp: timestamp ?? generated.timeStamp, seq: seq ?? generated.seq)
            print(JSONWriter().string(request))
        }
        return .ok
    }

    static func verify(_ arguments: inout Arguments) throws -> ExitStatus {
        if arguments.wantsHelp {
            print(usage)
            return .ok
        }
        let profile = try Input.profile(&arguments)
        let flags = try SecretFlags(&arguments)
        let (file, protocolName) = try fileAndProtocol(&arguments)
        let secrets = protocolName == "evcs" ? try flags.evcsSecrets(operatorID: nil) : nil
        switch check(try Input.bytes(file), secrets: secrets, profile: profile) {
        case .success(let summary):
            print(summary)
            return .ok
        case .failure(let error):
            printError("\(file ?? "<stdin>"): error: \(error)")
            return .invalidInput
        }
    }

    /// Opens a request envelope; EVCS when `secrets` are given, else DB4403.
    private static func check(_ bytes: [UInt8], secrets: EVCSSecrets?, profile: PeerProfile) -> Result<String, EnvelopeError> {
        do {
            if let secrets {
                let request = try EVCSEnvelope(secrets: secrets, profile: profile).openRequest(bytes)
                return .success("ok: OperatorID \(request.operatorID), TimeStamp \(request.timeStamp), Seq \(request.seq)")
            }
            let request = try DB4403Envelope(profile: profile).openRequest(bytes)
            return .success("ok: sign \(request.sign) over \(request.data.count) data objects")
        } catch {
            return .failure(error)
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

/// The EVCS secret flags, read with the other options; the environment fills what is missing.
struct SecretFlags {
    let dataSecret: String?
    let dataIV: String?
    let sigSecret: String?

    init(_ arguments: inout Arguments) throws {
        dataSecret = try arguments.option("--data-secret")
        dataIV = try arguments.option("--data-iv")
        sigSecret = try arguments.option("--sig-secret")
    }

    func evcsSecrets(operatorID: String?) throws -> EVCSSecrets {
        let environment = ProcessInfo.processInfo.environment
        guard let data = dataSecret ?? environment["INTERCHANGE_EVCS_DATA_SECRET"], !data.isEmpty else {
            throw UsageError("give --data-secret or set INTERCHANGE_EVCS_DATA_SECRET")
        }
        guard let sig = sigSecret ?? environment["INTERCHANGE_EVCS_SIG_SECRET"], !sig.isEmpty else {
            throw UsageError("give --sig-secret or set INTERCHANGE_EVCS_SIG_SECRET")
        }
        let iv = dataIV ?? environment["INTERCHANGE_EVCS_DATA_IV"] ?? data
        return EVCSSecrets(operatorID: operatorID ?? "", dataSecret: data, dataSecretIV: iv, sigSecret: sig)
    }
}
