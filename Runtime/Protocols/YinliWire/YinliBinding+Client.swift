import InterchangeRuntime
import Yinli

extension YinliBinding: ClientBinding {
    public func request(_ interface: InterfaceSchema, data: [JSONValue], token: String?, now: EpochSeconds) throws -> WireRequest {
        WireRequest(path: profile.path(of: interface), body: JSONWriter().bytes(data.first ?? [:]))
    }

    /// The whole answer is the response table; `success: false` is a refusal.
    public func answer(_ response: WireResponse, interface: InterfaceSchema) throws -> [JSONValue] {
        let body = try EnvelopeError.readJSON(response.body, limit: profile.maxMessageBytes)
        if case .bool(false)? = body["success"] {
            let code = body["code"].flatMap { if case .string(let text) = $0 { text } else { nil } } ?? "?"
            let message = body["msg"].flatMap { if case .string(let text) = $0 { text } else { nil } } ?? ""
            throw ClientError(.refused(code: code), message)
        }
        return [body]
    }
}
