import HTTPTypes
public import Hummingbird
public import InterchangeRuntime
public import Logging
import Metrics

extension Router {
    /// Serves `dispatcher` under `prefix` (`/evcs/v1.0`): every POST and GET below it becomes a
    /// `WireRequest` whose path is relative to the prefix, and the dispatcher's answer is sent
    /// back as it is. A body larger than the binding's profile allows is refused in the
    /// protocol's terms without being read further. Each request is counted and timed through
    /// swift-metrics (`interchange_requests`, `interchange_request_duration`, by route and
    /// status); use `DispatchRefusal.log(to:)` as the dispatcher's `onRefusal` to log why.
    /// `onExchange`, when given, sees each request as received and the answer as sent (an audit
    /// trail, a recorder), after the answer is built and before it is sent.
    @discardableResult
    public func addInterchange(
        _ dispatcher: Dispatcher, at prefix: String = "", onExchange: (@Sendable (WireRequest, WireResponse) async -> Void)? = nil
    ) -> Self {
        let base = prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
        let handler: @Sendable (Request, Context) async throws -> Response = { request, _ in
            let started = ContinuousClock.now
            let response = await Self.serve(request, dispatcher: dispatcher, base: base, onExchange: onExchange)
            let status = String(response.status.code)
            Counter(label: "interchange_requests", dimensions: [("route", base.isEmpty ? "/" : base), ("status", status)]).increment()
            let elapsed = ContinuousClock.now - started
            Timer(label: "interchange_request_duration", dimensions: [("route", base.isEmpty ? "/" : base), ("status", status)])
                .recordNanoseconds(elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
            return response
        }
        // The prefix itself too: a protocol told apart by body, not path, posts to it (Tomda).
        for path in [base.isEmpty ? "/" : base, "\(base)/**"] {
            post(RouterPath(path), use: handler)
            get(RouterPath(path), use: handler)
        }
        return self
    }

    private static func serve(
        _ request: Request, dispatcher: Dispatcher, base: String, onExchange: (@Sendable (WireRequest, WireResponse) async -> Void)?
    ) async -> Response {
        let limit = dispatcher.binding.profile.maxMessageBytes
        let wire: WireRequest
        do {
            let body = try await request.body.collect(upTo: limit)
            var path = String(request.uri.path.dropFirst(base.count))
            if let query = request.uri.query, !query.isEmpty { path += "?" + query }
            wire = WireRequest(
                method: request.method.rawValue, path: path.isEmpty ? "/" : path,
                headers: request.headers.map { (name: $0.name.rawName, value: $0.value) }, body: Array(buffer: body))
        } catch {
            let failure = DispatchFailure(.tooLarge, "the body is larger than \(limit) bytes")
            return response(dispatcher.binding.refuse(failure, caller: nil, now: dispatcher.now()))
        }
        let answer = await dispatcher.handle(wire)
        await onExchange?(wire, answer)
        return response(answer)
    }

    private static func response(_ answer: WireResponse) -> Response {
        var headers = HTTPFields()
        for header in answer.headers {
            if let name = HTTPField.Name(header.name) { headers.append(HTTPField(name: name, value: header.value)) }
        }
        return Response(status: .init(code: answer.status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}

extension DispatchRefusal {
    /// Logs this refusal at `level`: the interface, the partner the envelope named and the full
    /// reason, with a failing handler's error. Tokens, secrets and business data are never
    /// logged. Pass it as a dispatcher's `onRefusal`: `onRefusal: { $0.log(to: logger) }`.
    public func log(to logger: Logger, level: Logger.Level = .info) {
        var metadata: Logger.Metadata = ["interface": "\(interface?.code ?? interface?.name ?? "unknown")", "reason": "\(failure.message)"]
        if let caller { metadata["partner"] = "\(caller)" }
        if let underlyingError { metadata["error"] = "\(type(of: underlyingError)): \(underlyingError)" }
        logger.log(level: level, "interchange refused a request", metadata: metadata)
    }
}
