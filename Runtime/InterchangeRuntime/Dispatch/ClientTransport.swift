#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import Foundation

/// Sends a request and returns the answer: HTTP, an in-memory dispatcher, a simulator.
public protocol ClientTransport: Sendable {
    /// Sends `request` to the peer and returns its answer, whatever its status. Throws only when no answer arrived (connection, timeout, cancellation); never retries.
    func send(_ request: WireRequest) async throws -> WireResponse
}

/// Hands requests straight to a `Dispatcher`: for tests, simulators and local wiring.
public struct InMemoryTransport: ClientTransport {
    /// The dispatcher that answers.
    public let dispatcher: Dispatcher

    /// A transport handing every request to `dispatcher`.
    public init(dispatcher: Dispatcher) {
        self.dispatcher = dispatcher
    }

    public func send(_ request: WireRequest) async throws -> WireResponse {
        await dispatcher.handle(request)
    }
}

/// HTTP(S) over URLSession (FoundationNetworking on Linux): `baseURL` + the request's path
/// (and query).
public struct URLSessionTransport: ClientTransport {
    /// Where the peer serves; a request's path is appended to it.
    public let baseURL: URL
    /// The session that sends.
    public let session: URLSession
    /// 20 s, as several documents ask.
    public let timeout: TimeInterval

    /// A transport to `baseURL`, giving up on a request after `timeout` seconds.
    public init(baseURL: URL, session: URLSession = .shared, timeout: TimeInterval = 20) {
        self.baseURL = baseURL
        self.session = session
        self.timeout = timeout
    }

    /// A transport to the peer's `baseURL` as its profile gives it.
    public init(profile: PeerProfile, session: URLSession = .shared, timeout: TimeInterval = 20) throws(ClientError) {
        guard let text = profile.baseURL, let url = URL(string: text), url.scheme != nil else {
            throw ClientError(.unsendable, "the peer profile gives no baseURL (an absolute http(s) URL)")
        }
        self.init(baseURL: url, session: session, timeout: timeout)
    }

    public func send(_ request: WireRequest) async throws -> WireResponse {
        // The path may carry a query (GET form calls): joined as text, never path-encoded.
        let base = baseURL.absoluteString.hasSuffix("/") ? String(baseURL.absoluteString.dropLast()) : baseURL.absoluteString
        guard let url = URL(string: base + (request.path.hasPrefix("/") ? "" : "/") + request.path) else { throw URLError(.badURL) }
        var urlRequest = URLRequest(url: url, timeoutInterval: timeout)
        urlRequest.httpMethod = request.method
        for header in request.headers { urlRequest.addValue(header.value, forHTTPHeaderField: header.name) }
        if request.method != "GET" { urlRequest.httpBody = Data(request.body) }
        let (data, response) = try await session.data(for: urlRequest)
        let http = response as? HTTPURLResponse
        let headers = (http?.allHeaderFields ?? [:]).compactMap { key, value -> (name: String, value: String)? in
            guard let name = key as? String else { return nil }
            return (name, "\(value)")
        }
        return WireResponse(status: http?.statusCode ?? 0, headers: headers, body: Array(data))
    }
}
