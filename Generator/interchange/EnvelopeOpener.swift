import InterchangeCompiler
import InterchangeRuntime

/// Opens a whole message of a protocol for `validate --envelope`: checks its signature over
/// the text received, decrypts, and returns the business data.
struct EnvelopeOpener {
    let protocolName: String
    let profile: PeerProfile
    let secrets: EnvelopeSecrets
    let response: Bool

    func open(_ bytes: [UInt8]) -> Result<JSONValue, EnvelopeError> {
        do {
            switch protocolName {
            case "DB4403":
                if response { return .success(.array(try DB4403Envelope(profile: profile).openResponse(bytes).data)) }
                return .success(.array(try DB4403Envelope(profile: profile).openRequest(bytes).data))
            case "EVCS":
                let secrets = try evcsSecrets()
                let envelope = EVCSEnvelope(secrets: secrets, profile: profile)
                let plaintext = response ? try envelope.openResponse(bytes).plaintext : try envelope.openRequest(bytes).plaintext
                return .success(try decrypted(plaintext))
            case "Youxing":
                guard let key = secrets.key else { throw EnvelopeError(.undecryptable, "give --key or set INTERCHANGE_KEY") }
                let envelope = YouxingEnvelope(key: key, iv: secrets.iv, profile: profile)
                let opened = response ? try envelope.openResponse(bytes).data : try envelope.openRequest(bytes, requiresToken: false).data
                guard let opened else { return .success(.null) }
                return .success(try decrypted(opened.plaintext))
            case "Tomda":
                return .success(try TomdaEnvelope.openPush(bytes, limit: profile.maxMessageBytes).content)
            case "Yinli":
                if response { return .success(try YinliEnvelope.openResponse(bytes, limit: profile.maxMessageBytes).data ?? .null) }
                return .success(.array(try YinliEnvelope.openRequest(bytes, limit: profile.maxMessageBytes).data))
            default:
                throw EnvelopeError(.malformed, "no envelope is known for \(protocolName)")
            }
        } catch let error as EnvelopeError {
            return .failure(error)
        } catch {
            return .failure(EnvelopeError(.malformed, "\(error)"))
        }
    }

    private func evcsSecrets() throws -> EVCSSecrets {
        do {
            return try secrets.evcs.evcsSecrets(operatorID: nil)
        } catch {
            throw EnvelopeError(.undecryptable, "\(error)")
        }
    }

    private func decrypted(_ plaintext: [UInt8]) throws -> JSONValue {
        do {
            return try JSONReader(maxBytes: profile.maxMessageBytes).read(plaintext)
        } catch {
            throw EnvelopeError(.malformed, "the decrypted data is not JSON: \(error)")
        }
    }
}
