import InterchangeRuntime
import Yinli

/// Yinli (印力商户用能系统): requests `{data: [...], mallCode, version}` and responses
/// `{code, error{appName, errorDetail, errorTime, instance, traceId}, msg, success, data}`
/// (1.1, the one interface published with its body). No signing or encryption is published.
public enum YinliEnvelope {
    /// A request as received.
    public struct Request: Sendable, Hashable {
        /// The readings, as received.
        public let data: [JSONValue]
        /// The mall's code.
        public let mallCode: String
        /// The sender's version text.
        public let version: String
    }

    /// An answer as received.
    public struct Response: Sendable, Hashable {
        /// The answer's code ("200" on success).
        public let code: String
        /// Whether the call succeeded.
        public let success: Bool
        /// The message, when sent.
        public let msg: String?
        /// The `error` object as received, when present.
        public let error: JSONValue?
        /// The data, when sent.
        public let data: JSONValue?
    }

    /// A request carrying `data`.
    public static func request(data: [JSONValue], mallCode: String, version: String) -> JSONValue {
        ["data": .array(data), "mallCode": .string(mallCode), "version": .string(version)]
    }

    /// Reads a request; `data`, `mallCode` and `version` are required.
    public static func openRequest(_ body: some Collection<UInt8>, limit: Int = JSONReader.defaultMaxBytes) throws(EnvelopeError) -> Request {
        let object = try EnvelopeError.readJSON(body, limit: limit).envelopeObject("a Yinli request")
        guard case .array(let data)? = object["data"] else { throw EnvelopeError(.missingMember, "'data' must be an array") }
        return Request(data: data, mallCode: try object.envelopeString("mallCode"), version: try object.envelopeString("version"))
    }

    /// An answer; `error` and `data` are left out when nil.
    public static func response(code: String, success: Bool, msg: String?, error: JSONValue? = nil, data: JSONValue? = nil) -> JSONValue {
        var object = JSONObject()
        object.append("code", .string(code))
        if let error { object.append("error", error) }
        if let msg { object.append("msg", .string(msg)) }
        object.append("success", .bool(success))
        if let data { object.append("data", data) }
        return .object(object)
    }

    /// Reads an answer; `code` and `success` are required.
    public static func openResponse(_ body: some Collection<UInt8>, limit: Int = JSONReader.defaultMaxBytes) throws(EnvelopeError) -> Response {
        let object = try EnvelopeError.readJSON(body, limit: limit).envelopeObject("a Yinli response")
        guard case .bool(let success)? = object["success"] else { throw EnvelopeError(.missingMember, "'success' must be true or false") }
        var msg: String?
        if case .string(let text)? = object["msg"] { msg = text }
        return Response(code: try object.envelopeScalarText("code"), success: success, msg: msg, error: object["error"], data: object["data"])
    }
}
