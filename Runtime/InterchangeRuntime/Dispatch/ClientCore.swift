/// Why a call failed, on the client side.
public struct ClientError: Error, Sendable, CustomStringConvertible {
    /// The kinds of client failure.
    public enum Kind: Sendable {
        /// The peer answered with its own error code.
        case refused(code: String)
        /// The answer could not be read or verified (bad signature, not JSON, wrong shape).
        case malformedAnswer
        /// The answer's data does not decode into the response model.
        case decoding
        /// The request could not be built (a time the protocol cannot write, a key OpenSSL
        /// refuses); nothing was sent.
        case unsendable
        /// The request breaks its interface's table (the message lists every problem);
        /// nothing was sent.
        case invalidRequest
    }

    /// What went wrong.
    public let kind: Kind
    /// The peer's message, or what could not be read.
    public let message: String

    /// A client failure of `kind`, explained by `message`.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String {
        switch kind {
        case .refused(let code): "refused with \(code): \(message)"
        case .malformedAnswer: "malformed answer: \(message)"
        case .decoding: "answer does not decode: \(message)"
        case .unsendable: "request not sent: \(message)"
        case .invalidRequest: "request not sent, it breaks its table: \(message)"
        }
    }
}

/// A protocol's envelope from the caller's side: build requests, read answers.
public protocol ClientBinding: Sendable {
    /// How the peer deviates from the document: its spellings are applied to outgoing data
    /// and undone on answers.
    var profile: PeerProfile { get }
    /// The request carrying `data` (none when the interface has no request table).
    func request(_ interface: InterfaceSchema, data: [JSONValue], token: String?, now: EpochSeconds) throws -> WireRequest
    /// The business data of an answer; throws `TokenRejected` when the peer refused the token,
    /// `ClientError` for other refusals and unreadable answers.
    func answer(_ response: WireResponse, interface: InterfaceSchema) throws -> [JSONValue]
}

/// What generated clients call: build, send, read, with the token cache's rules (one retry
/// after a token error, and none for calls that are not idempotent).
public struct ClientCore: Sendable {
    /// Carries requests to the peer.
    public let transport: any ClientTransport
    /// Builds requests and reads answers in the protocol's envelope.
    public let binding: any ClientBinding
    /// Supplies and refreshes the access token; nil for calls without one.
    public let tokens: TokenCache?
    /// The wall clock (envelope timestamps).
    public let now: @Sendable () -> EpochSeconds
    /// Whether requests are checked against their interface's table before they are sent
    /// (a request the peer would refuse is not sent at all).
    public let validatesRequests: Bool

    /// A client core sending through `transport`, in `binding`'s envelope, with `tokens` when
    /// the peer requires a token; requests are validated first unless `validatesRequests` is
    /// false (to test what a peer does with a bad one).
    public init(
        transport: any ClientTransport, binding: any ClientBinding, tokens: TokenCache? = nil, validatesRequests: Bool = true,
        now: @escaping @Sendable () -> EpochSeconds = { .now }
    ) {
        self.transport = transport
        self.binding = binding
        self.tokens = tokens
        self.validatesRequests = validatesRequests
        self.now = now
    }

    /// Calls `interface` with `request` and decodes the answer as `Response`; an answer that
    /// does not decode is a `ClientError` of kind `decoding`.
    public func call<Response: JSONDecodable>(_ interface: InterfaceSchema, _ request: (any JSONEncodable)?, decoding _: Response.Type) async throws -> Response {
        let answer = try await call(interface, request?.json)
        do {
            return try Response(json: answer)
        } catch {
            throw ClientError(.decoding, error.description)
        }
    }

    /// Calls `interface` with `data` (a request object, a list, or nil) and returns the
    /// answer's business data: the first object, or the list when the interface answers one.
    public func call(_ interface: InterfaceSchema, _ data: JSONValue?) async throws -> JSONValue {
        let profile = binding.profile
        let business: [JSONValue] = data.map { value in
            if interface.requestIsList, case .array(let elements) = value { return elements }
            return [value]
        } ?? []
        if validatesRequests, let table = interface.request {
            let problems = business.flatMap { Validator().validate($0, against: table) }
            if problems.containsErrors {
                throw ClientError(.invalidRequest, problems.filter { $0.severity == .error }.map(\.description).joined(separator: "; "))
            }
        }
        let objects = business.map { profile.renamesKeys ? profile.adaptedOutgoing($0) : $0 }
        let send: @Sendable (String?) async throws -> [JSONValue] = { [transport, binding, now] token in
            let request = try binding.request(interface, data: objects, token: token, now: now())
            let answers = try binding.answer(try await transport.send(request), interface: interface)
            return profile.renamesKeys ? answers.map { profile.normalizedIncoming($0, table: interface.response) } : answers
        }
        let answers: [JSONValue]
        if let tokens, interface.authenticated {
            answers = try await tokens.withToken(idempotent: interface.idempotent, send)
        } else {
            answers = try await send(nil)
        }
        if interface.responseIsList { return answers.count == 1 && answers[0].isArray ? answers[0] : .array(answers) }
        return answers.first ?? .null
    }
}

extension JSONValue {
    var isArray: Bool {
        if case .array = self { return true }
        return false
    }
}

/// Decodes a request's business data for a route, as a `RequestDecodingFailure` (which the
/// dispatcher answers as `undecodable`, not as a handler failure). For generated routes only
/// (`@_spi(Generated) import InterchangeRuntime`).
@_spi(Generated)
public func decodeRequest<Model: JSONDecodable>(_ value: JSONValue?, as _: Model.Type) throws(RequestDecodingFailure) -> Model {
    do {
        return try Model(json: value ?? .null)
    } catch {
        throw RequestDecodingFailure(underlying: error)
    }
}

/// Business data that passed validation but does not decode into the interface's request
/// model (a spec and its generated module out of step, a number past Swift's range).
public struct RequestDecodingFailure: Error, Sendable {
    /// Why the data did not decode, with its path.
    public let underlying: DecodingFailure
}

/// Decodes an answer, as a `ClientError` naming what did not fit. For generated clients only
/// (`@_spi(Generated) import InterchangeRuntime`).
@_spi(Generated)
public func decodeAnswer<Model: JSONDecodable>(_ value: JSONValue, as _: Model.Type) throws -> Model {
    do {
        return try Model(json: value)
    } catch {
        throw ClientError(.decoding, error.description)
    }
}
