import InterchangeRuntime
import Youxing

/// Youxing (优行, 桩企对接技术接口规范 V1.0.6): requests `{data, token}` and responses
/// `{data, msg, status}`, `data` = Base64(AES/CBC/PKCS5(JSON)) (1.1). queryToken has no
/// token, and the document's queryToken examples carry `data` as a plain object, not
/// encrypted: with `PeerProfile.acceptsUnencryptedData` such data is returned as received,
/// marked `wasEncrypted == false`; without it, it is refused like undecryptable data.
public struct YouxingEnvelope: Sendable {
    /// AES-128 key and IV (1.1: both `1234567890abcdef` in the example).
    public var key: String
    /// The AES IV (the key unless the partner assigned another).
    public var iv: String
    /// How the peer deviates (unencrypted data, size limit).
    public var profile: PeerProfile

    /// Tokens live 7200 s (1.2).
    public static let tokenLifetimeSeconds = 7200
    /// The order callback (3.3) is answered with this text.
    public static let callbackAcknowledgement = "success"
    /// The order callback is resent 10 s apart, at most 3 times (3.3).
    public static let callbackResendDelays: [Int] = [10, 10, 10]

    /// An envelope under `key` and `iv` for a peer described by `profile`.
    public init(key: String, iv: String? = nil, profile: PeerProfile = PeerProfile()) {
        self.key = key
        self.iv = iv ?? key
        self.profile = profile
    }

    /// Decoded business data.
    public struct Opened: Sendable, Hashable {
        /// The JSON text of the data.
        public let plaintext: [UInt8]
        /// Whether the data arrived encrypted (else as plain JSON, which the profile allowed).
        public let wasEncrypted: Bool
    }

    /// A request as received.
    public struct Request: Sendable, Hashable {
        /// The token, when sent.
        public let token: String?
        /// The business data.
        public let data: Opened
    }

    /// An answer as received.
    public struct Response: Sendable, Hashable {
        /// 4.1: 200 success, 302 empty parameters, 303 bad format, 304 token mismatch, …
        public let status: Int
        /// The message.
        public let msg: String
        /// The business data, when sent.
        public let data: Opened?
    }

    /// A request carrying the JSON text `data`, encrypted, with `token` when given.
    public func request(data: some Collection<UInt8>, token: String?) throws(CryptoError) -> JSONValue {
        var object = JSONObject()
        object.append("data", .string(try seal(data)))
        if let token { object.append("token", .string(token)) }
        return .object(object)
    }

    /// Reads a request; `requiresToken` is false only for queryToken.
    public func openRequest(_ body: some Collection<UInt8>, requiresToken: Bool = true) throws(EnvelopeError) -> Request {
        let object = try EnvelopeError.readJSON(body, limit: profile.maxMessageBytes).envelopeObject("a Youxing request")
        var token: String?
        if requiresToken {
            token = try object.envelopeString("token")
        } else if case .string(let text)? = object["token"] {
            token = text
        }
        return Request(token: token, data: try opened(object["data"]))
    }

    /// An answer; `data` (JSON text) is encrypted when given.
    public func response(status: Int, msg: String, data: (some Collection<UInt8>)?) throws(CryptoError) -> JSONValue {
        var object = JSONObject()
        if let data { object.append("data", .string(try seal(data))) }
        object.append("msg", .string(msg))
        object.append("status", .number(ExactNumber(status)))
        return .object(object)
    }

    /// Reads an answer and decrypts its data.
    public func openResponse(_ body: some Collection<UInt8>) throws(EnvelopeError) -> Response {
        let object = try EnvelopeError.readJSON(body, limit: profile.maxMessageBytes).envelopeObject("a Youxing response")
        let statusText = try object.envelopeScalarText("status")
        guard let status = Int(statusText) else { throw EnvelopeError(.malformed, "status '\(statusText)' is not an integer") }
        let msg = (try? object.envelopeScalarText("msg")) ?? ""
        var data: Opened?
        if let value = object["data"], value != .null { data = try opened(value) }
        return Response(status: status, msg: msg, data: data)
    }

    /// 4.1 status for an envelope failure.
    public static func status(for error: EnvelopeError) -> ResponseStatus {
        switch error.kind {
        case .missingMember: .emptyParameters
        case .malformed, .undecryptable, .badSignature, .staleTimestamp, .replayed: .badParameterFormat
        }
    }

    /// Whether a callback answer acknowledges receipt (3.3).
    public static func acknowledgesCallback(_ body: some Collection<UInt8>) -> Bool {
        String(decoding: Array(body), as: UTF8.self).trimmingSpaces == callbackAcknowledgement
    }

    private func seal(_ plaintext: some Collection<UInt8>) throws(CryptoError) -> String {
        Base64.encode(try Cipher.aes128CBC.encrypt(plaintext, key: Array(key.utf8), iv: Array(iv.utf8)))
    }

    private func opened(_ value: JSONValue?) throws(EnvelopeError) -> Opened {
        switch value {
        case .string(let text)? where !text.isEmpty:
            do {
                let plain = try Cipher.aes128CBC.decrypt(Base64.decode(text), key: Array(key.utf8), iv: Array(iv.utf8))
                return Opened(plaintext: plain, wasEncrypted: true)
            } catch {
                throw EnvelopeError(.undecryptable, "data: \(error)")
            }
        case .object?, .array?:
            guard profile.acceptsUnencryptedData else {
                throw EnvelopeError(.undecryptable, "data is a plain JSON value and the profile does not accept unencrypted data")
            }
            return Opened(plaintext: JSONWriter().bytes(value ?? .null), wasEncrypted: false)
        default:
            throw EnvelopeError(.missingMember, "'data' is missing or empty")
        }
    }
}
