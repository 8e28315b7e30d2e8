import DB4403
import InterchangeRuntime

extension DB4403Binding: ClientBinding {
    public func request(_ interface: InterfaceSchema, data: [JSONValue], token: String?, now: EpochSeconds) throws -> WireRequest {
        let path = profile.path(of: interface)
        var headers: [(name: String, value: String)] = [("Content-Type", "application/json; charset=utf-8")]
        if let token { headers.append(WireRequest.bearerAuthorization(token)) }
        // The command lets a TCP transport frame the request (6.1.3); HTTP goes by the path.
        let command = interface.command.flatMap { UInt16(exactly: $0) }
        return WireRequest(path: path, command: command, headers: headers, body: JSONWriter().bytes(try envelope.request(data: data, timestamp: now.value)))
    }

    public func answer(_ response: WireResponse, interface: InterfaceSchema) throws -> [JSONValue] {
        let answer = try envelope.openResponse(response.body)
        guard answer.resultCode == 0 else {
            let code = answer.data.first?["code"].flatMap { if case .number(let n) = $0 { n.text } else { nil } }
            if let code, Int(code) == BusinessCode.invalidAccessToken.rawValue { throw TokenRejected(code: code) }
            throw ClientError(.refused(code: code ?? String(answer.resultCode)), answer.resultMsg ?? "")
        }
        return answer.data
    }
}
