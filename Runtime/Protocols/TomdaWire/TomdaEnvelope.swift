import InterchangeRuntime
import Tomda

/// Tomda (汤姆达云服务对接指引 V1.0), both directions.
///
/// Calls to Tomda (4.1): `GET /api/sys/token/get?apiId=…&apiKey=…`, then form-encoded
/// requests carrying `token`; answers `{errorCode, errorDesc, data}` with errorCode "200" on
/// success (6.4: 1300 token expired, 1401 bad parameters). Pushes to the third party (5.2):
/// one POST endpoint receiving `{type, time, content}`, answered the same way.
/// Money is in 分 and energy in 0.001 kWh: see `ExactNumber.shiftingDecimalPoint(by:)`.
///
/// The document leaves two things open: 附录 1 (push-server verification) has a heading and
/// no content, and the push "密文传输" option names no algorithm. Neither is implemented as a
/// guess; the verification token's published form (5-20 letters or digits) is checked.
public enum TomdaEnvelope {
    /// The path of the token call (4.4.1).
    public static let tokenPath = "/api/sys/token/get"
    /// Tokens live 7200 s unless the token answer's `timeout` says otherwise (4.4.1).
    public static let defaultTokenLifetimeSeconds = 7200

    /// An answer from Tomda, or the answer to one of its pushes.
    public struct Response: Sendable, Hashable {
        /// 6.4 errorCode: "200" success.
        public let errorCode: String
        /// errorDesc, when sent.
        public let errorDesc: String?
        /// The data, when sent.
        public let data: JSONValue?

        /// Whether errorCode is 200.
        public var isSuccess: Bool { errorCode == ErrorCode.success.rawValue }
    }

    /// A push received from Tomda.
    public struct Push: Sendable, Hashable {
        /// WORK_DATA, EVENT_DATA, ORDER_DATA, DEVICE_INFO, QUERY_ORDER_BALANCE_INFO,
        /// QUERY_CHARGER_ELEC_FEE, PUSH_ELEC_FEE_RESULT; other types are kept as received.
        public let type: String
        /// When Tomda sent it (Beijing time).
        public let time: LocalDateTime
        /// The pushed data.
        public let content: JSONValue
    }

    /// The token request's query: `apiId` and `apiKey` (the seed's "apild" is a conversion slip).
    public static func tokenQuery(apiId: String, apiKey: String) -> String {
        formEncoded([("apiId", apiId), ("apiKey", apiKey)])
    }

    /// A form body (`application/x-www-form-urlencoded`, UTF-8) with the token added.
    public static func formBody(_ parameters: [(String, String)], token: String) -> [UInt8] {
        Array(formEncoded(parameters + [("token", token)]).utf8)
    }

    /// Reads a form body into its pairs, in order; malformed escapes are errors.
    public static func formParameters(_ body: some Collection<UInt8>) throws(EnvelopeError) -> [(String, String)] {
        let text = String(decoding: Array(body), as: UTF8.self)
        var pairs: [(String, String)] = []
        for part in text.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = percentDecoded(pieces[0]), let value = percentDecoded(pieces.count > 1 ? pieces[1] : "") else {
                throw EnvelopeError(.malformed, "form parameter '\(part)' has a bad %-escape")
            }
            pairs.append((name, value))
        }
        return pairs
    }

    /// Reads an answer `{errorCode, errorDesc, data}`.
    public static func openResponse(_ body: some Collection<UInt8>, limit: Int = JSONReader.defaultMaxBytes) throws(EnvelopeError) -> Response {
        let object = try EnvelopeError.readJSON(body, limit: limit).envelopeObject("a Tomda answer")
        var description: String?
        if case .string(let text)? = object["errorDesc"] { description = text }
        return Response(errorCode: try object.envelopeScalarText("errorCode"), errorDesc: description, data: object["data"])
    }

    /// An answer; errorDesc and data are left out when nil.
    public static func response(errorCode: String, errorDesc: String? = nil, data: JSONValue? = nil) -> JSONValue {
        var object = JSONObject()
        object.append("errorCode", .string(errorCode))
        if let errorDesc { object.append("errorDesc", .string(errorDesc)) }
        if let data { object.append("data", data) }
        return .object(object)
    }

    /// A push of `type` sent at `time`, carrying `content`.
    public static func push(type: String, time: LocalDateTime, content: JSONValue) -> JSONValue {
        ["type": .string(type), "time": .string(time.description), "content": content]
    }

    /// Reads a push `{type, time, content}`; all three are required.
    public static func openPush(_ body: some Collection<UInt8>, limit: Int = JSONReader.defaultMaxBytes) throws(EnvelopeError) -> Push {
        let object = try EnvelopeError.readJSON(body, limit: limit).envelopeObject("a Tomda push")
        let timeText = try object.envelopeString("time")
        guard let time = LocalDateTime(timeText) else {
            throw EnvelopeError(.malformed, "time '\(timeText)' is not yyyy-MM-dd HH:mm:ss")
        }
        guard let content = object["content"], content != .null else { throw EnvelopeError(.missingMember, "'content' is missing") }
        return Push(type: try object.envelopeString("type"), time: time, content: content)
    }

    /// Whether a push-server verification token has the published form: 5-20 letters or digits (5.1).
    public static func isValidVerificationToken(_ token: String) -> Bool {
        (5...20).contains(token.utf8.count) && token.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        }
    }

    static func formEncoded(_ parameters: [(String, String)]) -> String {
        parameters.map { percentEncoded($0.0) + "=" + percentEncoded($0.1) }.joined(separator: "&")
    }

    private static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + Hex.encode([byte], uppercase: true)
            }
        }
        return out
    }

    private static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(0x20)
            case UInt8(ascii: "%"):
                guard let high = iterator.next(), let low = iterator.next(),
                    let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
                else { return nil }
                bytes.append(value)
            default: bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
