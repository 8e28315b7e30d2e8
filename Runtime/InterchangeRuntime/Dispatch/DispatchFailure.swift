/// Why the dispatcher refused a request. Each binding answers it in its protocol's terms.
public struct DispatchFailure: Error, Sendable {
    /// The kinds of refusal, each answered with the protocol's own code.
    public enum Kind: Sendable {
        /// The body is larger than the profile allows.
        case tooLarge
        /// The envelope was refused (malformed, missing member, signature, decryption, time).
        case envelope(EnvelopeError.Kind)
        /// The access token is missing, unknown or expired (checked before the envelope).
        case token
        /// No interface of this service answers the path or command.
        case unknownInterface
        /// The business data broke the interface's tables; the diagnostics say where.
        case invalid([Diagnostic])
        /// The business data passed validation but does not decode into the request model.
        case undecodable
        /// The handler failed or overran its deadline; nothing of it is shown to the peer.
        case handlerFailed
        /// Too many requests are in flight; the caller may try again later.
        case busy
        /// The service declined the request with a code of the protocol's list (the handler
        /// threw `ServiceRefusal`): EVCS Ret, DB4403 表A.2 code, Youxing/Tomda/Yinli status.
        case declined(code: Int)
    }

    /// What failed.
    public let kind: Kind
    /// The full reason, for the service's logs; the peer gets `answerText`.
    public let message: String

    /// A failure of `kind`, explained by `message`.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// A refused envelope, with its kind and full reason.
    public init(_ error: EnvelopeError) {
        self.init(.envelope(error.kind), error.message)
    }

    /// The first error diagnostic, for messages naming a field.
    public var firstProblem: Diagnostic? {
        if case .invalid(let diagnostics) = kind { return diagnostics.first { $0.severity == .error } }
        return nil
    }

    /// What a refusal may tell the peer. It never contains text the peer chose (a member's
    /// value, an unknown key's name, the reader's view of a malformed body): answers are often
    /// signed with a shared secret, and a signed echo of chosen text is a signature oracle.
    /// `message` keeps the full reason for the service's own logs.
    public var answerText: String {
        switch kind {
        case .tooLarge: return "the message is larger than the limit"
        case .unknownInterface: return "no such interface"
        case .handlerFailed: return "the service could not handle the request"
        case .busy: return "the service is busy; try again later"
        case .declined: return message
        case .token: return "the access token is missing, unknown or expired"
        case .undecodable: return "the business data does not fit the interface's table"
        case .envelope(let kind):
            switch kind {
            case .malformed: return "the message is not a well-formed envelope"
            case .missingMember: return "a required envelope member is missing or empty"
            case .badSignature: return "the signature does not match"
            case .undecryptable: return "the data could not be decrypted"
            case .staleTimestamp: return "the timestamp is outside the allowed clock skew"
            case .replayed: return "the message was already received"
            }
        case .invalid:
            guard let problem = firstProblem else { return "invalid business data" }
            return Self.answerText(for: problem)
        }
    }

    /// A diagnostic told in the schema's words only: the field's label, what the table
    /// expects, counts the validator computed, and the path (whose keys are the table's).
    static func answerText(for problem: Diagnostic) -> String {
        let path = problem.locationText.map { " (\($0))" } ?? ""
        let label = problem.label ?? "a field"
        switch problem.rule {
        case .required?: return "\(label) is required\(path)"
        case .maxLength?, .exactLength?, .itemCount?:
            return "\(label) expects \(problem.expected ?? "another length"), got \(problem.actual ?? "another")\(path)"
        case .crossField?, .aliasConflict?: return problem.message + path
        case .unknownField?: return "a member is not a field of the table"
        case .type?, .enumeration?, .range?, .scale?, .format?, nil:
            return "\(label) expects \(problem.expected ?? "another value")\(path)"
        }
    }
}

/// Thrown by a handler to answer with one of the protocol's codes and the service's own
/// message (DB4403 1101 停车场不存在, EVCS Ret 4004), instead of a result. The message is the
/// service's text: never put the peer's text in it, answers are signed.
public struct ServiceRefusal: Error, Sendable, Hashable {
    /// The code, from the protocol's list.
    public let code: Int
    /// What the answer says.
    public let message: String

    /// A refusal answering `code` with `message`.
    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }
}

/// A protocol's envelope as the dispatcher uses it: read the business data of a request,
/// write a response, and answer a failure with the protocol's own codes.
public protocol ProtocolBinding: Sendable {
    /// How the peer deviates from the document; the one profile a dispatcher serving this
    /// binding uses (size limit, the handlers' `CallContext.profile`).
    var profile: PeerProfile { get }
    /// The interface `request` asks for, among `interfaces`.
    func interface(for request: WireRequest, among interfaces: [InterfaceSchema]) -> InterfaceSchema?
    /// The access token `request` presents. The dispatcher checks it before `open`, so an
    /// unauthenticated request costs no signature or decryption work and learns nothing from
    /// it. The default reads an `Authorization: Bearer` header.
    func presentedToken(in request: WireRequest) -> String?
    /// Checks the envelope (signature over the text received, decryption) and returns the
    /// business data objects and the caller's identity.
    func open(_ request: WireRequest, interface: InterfaceSchema, now: EpochSeconds) throws(DispatchFailure) -> OpenedRequest
    /// The response carrying `data` (one object per request object; empty for none).
    func respond(_ data: [JSONValue], to opened: OpenedRequest, interface: InterfaceSchema, now: EpochSeconds) -> WireResponse
    /// The refusal of a failed request, in the protocol's terms, to `caller` when the envelope
    /// named one (a binding serving several partners seals it with that partner's secrets).
    func refuse(_ failure: DispatchFailure, caller: String?, now: EpochSeconds) -> WireResponse
}

extension ProtocolBinding {
    public func presentedToken(in request: WireRequest) -> String? { request.bearerToken }
}

/// A request's content once its envelope is open: the business data objects, and whether
/// the protocol carries them as a list (problems reported at `$[i]`) or as one object
/// (reported at `$`).
public struct OpenedRequest: Sendable {
    /// The business data objects, exactly as received.
    public let data: [JSONValue]
    /// Whether the protocol carries the data as a list.
    public let isList: Bool
    /// The caller's identity the envelope names (an operator ID, say), when it does.
    public let caller: String?
    /// What makes this message unique (its signature with the members it covers), and when
    /// it says it was sent, for the dispatcher's replay guard; nil for protocols whose
    /// messages carry neither.
    public let replay: Replay?

    /// A message's identity for the replay guard.
    public struct Replay: Sendable, Hashable {
        /// The signature and what it covers, e.g. `OperatorID|Seq|TimeStamp|Sig`.
        public let key: String
        /// The time the message says it was sent.
        public let sentAt: EpochSeconds

        /// A message identified by `key`, sent at `sentAt`.
        public init(key: String, sentAt: EpochSeconds) {
            self.key = key
            self.sentAt = sentAt
        }
    }

    /// Business data carried as a list of objects.
    public init(list: [JSONValue], caller: String?, replay: Replay? = nil) {
        data = list
        isList = true
        self.caller = caller
        self.replay = replay
    }

    /// Business data carried as one object; nil when the request carries none.
    public init(object: JSONValue?, caller: String?, replay: Replay? = nil) {
        data = object.map { [$0] } ?? []
        isList = false
        self.caller = caller
        self.replay = replay
    }
}
