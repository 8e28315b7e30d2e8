import InterchangeRuntime
import Yinli

/// Yinli (印力商户用能系统): requests `{data: [...], mallCode, version}` and responses
/// `{code, error{appName, errorDetail, errorTime, instance, traceId}, msg, success, data}`
/// (1.1, the one interface published with its body). No signing or encryption is published.
public enum YinliEnvelope {
    public struct Request: Sendable, Hashable {
        public let data: [JSONValue]
        public let mallCode: String
        public let version: String
    }

    public struct Response: Sendable, Hashable {
        public let code: String
        public let success: Bool
        public let msg: String?
        /// The `error` object as received, when present.
        public let error: JSONValue?
        public let data: JSONValue?
    }

    public static func request(data: [JSONValue], mallCode: String, version: String) -> JSONValue {
        ["data": .array(data), "mallCode": .string(mallCode), "version": .string(version)]
    }

    public static func openRequest(_ body: some Collection<UInt8>, limit: Int = JSONReader.defaultMaxBytes) throws(EnvelopeError) -> Request {
        let object = try EnvelopeError.readJSON(body, limit: limit).envelopeObject("a Yinli request")
        guard case .array(let data)? = object["data"] else { throw EnvelopeError(.missingMember, "'data' must be an array") }
        return Request(data: data, mallCode: try object.envelopeString("mallCode"), version: try object.envelopeString("version"))
    }

    public static func response(code: String, success: Bool, msg: String?, error: JSONValue? = nil, data: JSONValue? = nil) -> JSONValue {
        var object = JSONObject()
        object.append("code", .string(code))
        if let error { object.append("error", error) }
        if let msg { object.append("msg", .string(msg)) }
        object.append("success", .bool(success))
        if let data { object.append("data", data) }
        return .object(object)
    }

    public static func openResponse(_ body: some Collection<UInt8>, limit: Int = JSONReader.defaultMaxBytes) throws(EnvelopeError) -> Response {
        let object = try EnvelopeError.readJSON(body, limit: limit).envelopeObject("a Yinli response")
        guard case .bool(let success)? = object["success"] else { throw EnvelopeError(.missingMember, "'success' must be true or false") }
        var msg: String?
        if case .string(let text)? = object["msg"] { msg = text }
        return Response(code: try object.envelopeScalarText("code"), success: success, msg: msg, error: object["error"], data: object["data"])
    }
}
