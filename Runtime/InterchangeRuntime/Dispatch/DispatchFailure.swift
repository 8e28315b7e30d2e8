/// Why the dispatcher refused a request. Each binding answers it in its protocol's terms.
public struct DispatchFailure: Error, Sendable {
    public enum Kind: Sendable {
        /// The body is larger than the profile allows.
        case tooLarge
        /// The envelope was refused (malformed, missing member, signature, token, decryption, time).
        case envelope(EnvelopeError.Kind)
        /// No interface of this service answers the path or command.
        case unknownInterface
        /// The business data broke the interface's tables; the diagnostics say where.
        case invalid([Diagnostic])
        /// The handler failed; nothing of it is shown to the peer.
        case handlerFailed
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    init(_ error: EnvelopeError) {
        self.init(.envelope(error.kind), error.message)
    }

    /// The first error diagnostic, for messages naming a field.
    var firstProblem: Diagnostic? {
        if case .invalid(let diagnostics) = kind { return diagnostics.first { $0.severity == .error } }
        return nil
    }
}

/// A protocol's envelope as the dispatcher uses it: read the business data of a request,
/// write a response, and answer a failure with the protocol's own codes.
public protocol ProtocolBinding: Sendable {
    /// The interface `request` asks for, among `interfaces`.
    func interface(for request: WireRequest, among interfaces: [InterfaceSchema]) -> InterfaceSchema?
    /// Checks the envelope (signature over the text received, decryption) and returns the
    /// business data objects, the token and the caller's identity.
    func open(_ request: WireRequest, interface: InterfaceSchema, now: Int64) throws(DispatchFailure) -> OpenedRequest
    /// The response carrying `data` (one object per request object; empty for none).
    func respond(_ data: [JSONValue], to opened: OpenedRequest, interface: InterfaceSchema, now: Int64) -> WireResponse
    /// The refusal of a failed request, in the protocol's terms.
    func refuse(_ failure: DispatchFailure, now: Int64) -> WireResponse
}

/// A request's content once its envelope is open.
public struct OpenedRequest: Sendable {
    public let data: [JSONValue]
    public let token: String?
    public let caller: String?
    /// Whatever the binding needs to answer in kind (e.g. a TCP packet number).
    public let replyTo: String?

    public init(data: [JSONValue], token: String?, caller: String?, replyTo: String? = nil) {
        self.data = data
        self.token = token
        self.caller = caller
        self.replyTo = replyTo
    }
}
