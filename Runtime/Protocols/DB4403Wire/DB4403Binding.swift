import DB4403
import InterchangeRuntime

/// DB4403 over https (6.1.1, 6.1.2): URL base + "/" + interface code, `{timestamp, sign, data}`
/// requests with a bearer token, `{resultCode, resultMsg, timestamp, data}` answers.
///
/// Refusals answer resultCode 1 (表A.1) with, in data, the 表A.2 code and a message naming
/// the field: too long → 1004 超出规定长度, wrong type or format or missing → 1005 字段类型错误,
/// out of the documented values or range → 1007 超出规定值范围, token → 3002 访问令牌错误.
public struct DB4403Binding: ProtocolBinding {
    /// The envelope that signs, checks and writes messages.
    public let envelope: DB4403Envelope

    public var profile: PeerProfile { envelope.profile }

    /// A binding for a peer described by `profile`.
    public init(profile: PeerProfile = PeerProfile()) {
        envelope = DB4403Envelope(profile: profile)
    }

    public func interface(for request: WireRequest, among interfaces: [InterfaceSchema]) -> InterfaceSchema? {
        if let command = request.command { return interfaces.first { $0.command == Int(command) } }
        let path = Self.normalized(request.path)
        guard !path.isEmpty else { return nil }
        return interfaces.first { interface in
            guard let code = interface.code else { return false }
            // The document's code as the last component, or the peer's own path for it
            // (profile), matched whole components at the end.
            if path.split(separator: "/").last.map(String.init) == code { return true }
            guard let override = envelope.profile.interfacePaths[code].map(Self.normalized), !override.isEmpty else { return false }
            return path == override || path.hasSuffix("/" + override)
        }
    }

    /// A path without query, leading or trailing slashes: `/api/1.0/login/` → `api/1.0/login`.
    private static func normalized(_ path: String) -> String {
        let withoutQuery = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return withoutQuery.split(separator: "/").joined(separator: "/")
    }

    public func open(_ request: WireRequest, interface: InterfaceSchema, now: EpochSeconds) throws(DispatchFailure) -> OpenedRequest {
        do {
            let opened = try envelope.openRequest(request.body, now: now)
            let replay = OpenedRequest.Replay(key: "\(opened.timestamp)|\(opened.sign)", sentAt: EpochSeconds(opened.timestamp))
            return OpenedRequest(list: opened.data, caller: nil, replay: replay)
        } catch {
            throw DispatchFailure(error)
        }
    }

    public func respond(_ data: [JSONValue], to opened: OpenedRequest, interface: InterfaceSchema, now: EpochSeconds) -> WireResponse {
        WireResponse(body: JSONWriter().bytes(envelope.response(resultCode: ResultCode.success.rawValue, resultMsg: "成功", timestamp: now.value, data: data)))
    }

    public func refuse(_ failure: DispatchFailure, caller: String?, now: EpochSeconds) -> WireResponse {
        let code = Self.businessCode(failure)
        let message = failure.answerText
        var data: [JSONValue] = []
        if let code { data.append(["code": code.json, "message": .string(message)]) }
        let status: Int =
            switch failure.kind {
            case .unknownInterface: 404
            case .tooLarge: 413
            case .busy: 503
            default: 200
            }
        return WireResponse(status: status, body: JSONWriter().bytes(envelope.response(resultCode: ResultCode.failure.rawValue, resultMsg: message, timestamp: now.value, data: data)))
    }

    /// The 表A.2 business code for a failure, when 表A.2 has one.
    public static func businessCode(_ failure: DispatchFailure) -> BusinessCode? {
        switch failure.kind {
        case .declined(let code): return BusinessCode(rawValue: code)
        case .tooLarge: return .tooLong
        case .token: return .invalidAccessToken
        case .envelope(.malformed), .envelope(.missingMember), .undecodable: return .wrongFieldType
        case .invalid:
            switch failure.firstProblem?.rule {
            case .maxLength?, .exactLength?: return .tooLong
            case .enumeration?, .range?, .scale?, .itemCount?: return .outOfRange
            default: return .wrongFieldType
            }
        default: return nil
        }
    }
}
