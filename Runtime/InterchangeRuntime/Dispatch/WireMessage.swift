/// A request as any transport delivers it: HTTP (method, path, headers, body) or a TCP
/// frame (command, body). The dispatcher needs nothing else.
public struct WireRequest: Sendable, Hashable {
    /// The HTTP method (`POST`, `GET`), or `TCP` for a frame.
    public var method: String
    /// The path relative to the service's base, e.g. `/5004`; empty for TCP.
    public var path: String
    /// The command of a framed TCP request.
    public var command: UInt16?
    /// Header names compare case-insensitively (`header(_:)`).
    public var headers: [(name: String, value: String)]
    /// The body's bytes, exactly as received.
    public var body: [UInt8]

    /// A request as a transport received it.
    public init(method: String = "POST", path: String, command: UInt16? = nil, headers: [(name: String, value: String)] = [], body: [UInt8]) {
        self.method = method
        self.path = path
        self.command = command
        self.headers = headers
        self.body = body
    }

    /// The value of the first header named `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The token of an `Authorization: Bearer x` header. Also accepts `bearer x` and
    /// `bearerx` (some documents' examples write it so).
    public var bearerToken: String? {
        guard let trimmed = header("Authorization")?.trimmingSpaces, trimmed.lowercased().hasPrefix("bearer") else { return nil }
        let token = String(trimmed.dropFirst("bearer".count)).trimmingSpaces
        return token.isEmpty ? nil : token
    }

    /// The header presenting `token` as `Authorization: Bearer token`.
    public static func bearerAuthorization(_ token: String) -> (name: String, value: String) {
        ("Authorization", "Bearer " + token)
    }

    public static func == (a: WireRequest, b: WireRequest) -> Bool {
        a.method == b.method && a.path == b.path && a.command == b.command && a.body == b.body
            && a.headers.map(\.name) == b.headers.map(\.name) && a.headers.map(\.value) == b.headers.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(method)
        hasher.combine(path)
        hasher.combine(body)
    }
}

/// The answer the dispatcher gives, for the transport to send.
public struct WireResponse: Sendable {
    /// The HTTP status (TCP transports ignore it).
    public var status: Int
    /// The response headers, in order.
    public var headers: [(name: String, value: String)]
    /// The body to send.
    public var body: [UInt8]

    /// An answer; JSON with status 200 unless told otherwise.
    public init(status: Int = 200, headers: [(name: String, value: String)] = [("Content-Type", "application/json; charset=utf-8")], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// Who is calling and how, for handlers.
public struct CallContext: Sendable {
    /// The interface being served.
    public let interface: InterfaceSchema
    /// The access token the caller presented, when the protocol carries one.
    public let token: String?
    /// The caller's identity the envelope names (an operator ID, say), when it does.
    public let caller: String?
    /// How the peer deviates from the document.
    public let profile: PeerProfile

    /// The context of one call.
    public init(interface: InterfaceSchema, token: String?, caller: String?, profile: PeerProfile) {
        self.interface = interface
        self.token = token
        self.caller = caller
        self.profile = profile
    }
}

/// One interface a service serves: its schema and the handler that decodes the request,
/// calls the service and encodes the response. Generated route tables build these.
public struct Route: Sendable {
    /// The interface this route serves.
    public let interface: InterfaceSchema
    /// Business data object in (nil when the interface carries none), response object out
    /// (nil for an empty answer).
    public let handle: @Sendable (JSONValue?, CallContext) async throws -> JSONValue?

    /// A route serving `interface` with `handle`.
    public init(interface: InterfaceSchema, handle: @escaping @Sendable (JSONValue?, CallContext) async throws -> JSONValue?) {
        self.interface = interface
        self.handle = handle
    }
}
