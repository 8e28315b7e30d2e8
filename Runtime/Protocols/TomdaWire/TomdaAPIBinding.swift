import InterchangeRuntime
import Tomda

/// Tomda's own API (4.1): GET with query parameters or POST with a form body, `token` among
/// the parameters (except for the token call), answered `{errorCode, errorDesc, data}` with
/// 200 on success, 1300 for a token error and 1401 for bad parameters (naming the field).
/// Form values are text; they are typed by the interface's request table (numbers, booleans,
/// and `jsonObject`/`JSONArray` members as JSON text).
public struct TomdaAPIBinding: ProtocolBinding {
    public let profile: PeerProfile

    /// A binding for a peer described by `profile`.
    public init(profile: PeerProfile = PeerProfile()) {
        self.profile = profile
    }

    public func interface(for request: WireRequest, among interfaces: [InterfaceSchema]) -> InterfaceSchema? {
        let path = request.path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? request.path
        return interfaces.first { $0.path == path }
    }

    /// The `token` parameter of the query or form body.
    public func presentedToken(in request: WireRequest) -> String? {
        (try? parameters(request))?.first { $0.0 == "token" }?.1
    }

    public func open(_ request: WireRequest, interface: InterfaceSchema, now: EpochSeconds) throws(DispatchFailure) -> OpenedRequest {
        let pairs = try parameters(request)
        guard let model = interface.request else { return OpenedRequest(object: nil, caller: nil) }
        var object = JSONObject()
        for (name, text) in pairs {
            let type = model.field(forKey: name)?.type ?? .builtin(.string)
            object.append(name, Self.typed(text, as: type))
        }
        return OpenedRequest(object: .object(object), caller: nil)
    }

    /// The query's parameters for GET, the form body's otherwise.
    private func parameters(_ request: WireRequest) throws(DispatchFailure) -> [(String, String)] {
        let query = request.path.split(separator: "?", maxSplits: 1).dropFirst().first.map { Array($0.utf8) } ?? []
        do {
            return try TomdaEnvelope.formParameters(request.method == "GET" ? query : request.body)
        } catch {
            throw DispatchFailure(error)
        }
    }

    public func respond(_ data: [JSONValue], to opened: OpenedRequest, interface: InterfaceSchema, now: EpochSeconds) -> WireResponse {
        TomdaAnswers.success(data)
    }

    public func refuse(_ failure: DispatchFailure, caller: String?, now: EpochSeconds) -> WireResponse {
        TomdaAnswers.refusal(failure, handlerFailed: .controlFailed)
    }

    /// A form value as the table's type wants it; text that does not fit stays text, for
    /// validation to report.
    static func typed(_ text: String, as type: FieldType) -> JSONValue {
        switch type {
        case .builtin(let builtin) where builtin.isNumeric:
            return ExactNumber(text).map(JSONValue.number) ?? .string(text)
        case .builtin(.boolean):
            return text == "true" ? .bool(true) : text == "false" ? .bool(false) : .string(text)
        case .object, .builtin(.anyObject), .list:
            return (try? JSONReader().read(text)) ?? .string(text)
        default:
            return .string(text)
        }
    }

    /// A request table's value as form text: scalars as their text, objects and lists as JSON.
    static func formText(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        case .number(let number): number.text
        case .bool(let flag): flag ? "true" : "false"
        case .null: ""
        case .array, .object: JSONWriter().string(value)
        }
    }
}

extension TomdaAPIBinding: ClientBinding {
    public func request(_ interface: InterfaceSchema, data: [JSONValue], token: String?, now: EpochSeconds) throws -> WireRequest {
        var pairs: [(String, String)] = []
        if case .object(let object)? = data.first {
            pairs = object.members.filter { $0.key != "token" }.map { ($0.key, Self.formText($0.value)) }
        }
        // The token call's table has no token parameter: it is the call that obtains one.
        if let token, interface.request?.field(forKey: "token") != nil { pairs.append(("token", token)) }
        let path = profile.path(of: interface)
        if interface.method == "GET" {
            return WireRequest(method: "GET", path: path + (pairs.isEmpty ? "" : "?" + TomdaEnvelope.formEncoded(pairs)), body: [])
        }
        return WireRequest(path: path, headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")], body: Array(TomdaEnvelope.formEncoded(pairs).utf8))
    }

    public func answer(_ response: WireResponse, interface: InterfaceSchema) throws -> [JSONValue] {
        let answer = try TomdaEnvelope.openResponse(response.body, limit: profile.maxMessageBytes)
        guard answer.isSuccess else {
            if answer.errorCode == ErrorCode.tokenExpired.rawValue { throw TokenRejected(code: answer.errorCode) }
            throw ClientError(.refused(code: answer.errorCode), answer.errorDesc ?? "")
        }
        return answer.data.map { [$0] } ?? []
    }
}
