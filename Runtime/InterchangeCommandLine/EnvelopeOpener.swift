import InterchangeRuntime

/// Opens a whole message of a protocol for `validate --envelope`, through its descriptor:
/// checks its signature over the text received, decrypts, and returns the business data.
struct EnvelopeOpener {
    let protocolName: String
    /// Nil for a protocol loaded from specs that no registered descriptor serves.
    let descriptor: (any ProtocolDescriptor)?
    let profile: PeerProfile
    let secrets: SecretValues
    let response: Bool

    func open(_ bytes: [UInt8]) -> Result<OpenedMessage, EnvelopeError> {
        guard let descriptor else { return .failure(EnvelopeError(.malformed, "no envelope is known for \(protocolName)")) }
        do {
            return .success(try descriptor.openMessage(bytes, response: response, profile: profile, secrets: secrets))
        } catch {
            return .failure(error)
        }
    }
}
