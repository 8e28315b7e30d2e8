import DB4403
import InterchangeRuntime

/// DB4403 over https (6.1.1, 6.1.2): requests `{timestamp, sign, data: [...]}` (表31),
/// responses `{resultCode, resultMsg, timestamp, data: [...]}` (表32), a bearer token in
/// `Authorization`, URL = base + "/" + interface code.
///
/// The sign is the lower-case hex SHA1 of the canonical (key-sorted, compact) JSON of the
/// data (6.1.1 g, D.1). What it covers when `data` holds several objects, and whether nested
/// keys are sorted, the document leaves open: `PeerProfile.signCoverage` and
/// `signKeyOrder` decide, by default each object in turn, keys sorted at every level,
/// which for one flat object is exactly D.1.
public struct DB4403Envelope: Sendable {
    /// How the peer deviates (sign coverage, key order, hex case, clock skew, size limit).
    public var profile: PeerProfile

    /// An envelope for a peer described by `profile`.
    public init(profile: PeerProfile = PeerProfile()) {
        self.profile = profile
    }

    /// A received request, its sign checked.
    public struct Request: Sendable, Hashable {
        /// 表31 timestamp: epoch seconds, as sent.
        public let timestamp: Int64
        /// The sign as received (spaces trimmed).
        public let sign: String
        /// The business data objects, exactly as received.
        public let data: [JSONValue]
    }

    /// A received response.
    public struct Response: Sendable, Hashable {
        /// 表A.1: 0 success, 1 failure.
        public let resultCode: Int
        /// 表32 resultMsg, when sent.
        public let resultMsg: String?
        /// 表32 timestamp: epoch seconds, as sent.
        public let timestamp: Int64
        /// The business data objects, as received.
        public let data: [JSONValue]
    }

    /// The sign of `data` under this profile.
    public func sign(_ data: [JSONValue]) throws(CryptoError) -> String {
        let writer = JSONWriter(keyOrder: profile.signKeyOrder)
        var signed: [UInt8] = []
        switch profile.signCoverage {
        case .eachDataObject: for object in data { signed += writer.bytes(object) }
        case .dataArray: signed = writer.bytes(.array(data))
        }
        return try hex(of: signed)
    }

    /// The SHA1 of the signed text, hex in the profile's case.
    private func hex(of signed: [UInt8]) throws(CryptoError) -> String {
        let hex = try Digest.sha1.hex(signed)
        return profile.signatureHexCase == .upper ? hex.uppercased() : hex
    }

    /// The sign of the data array at `data` in `tape`, written from the bytes received (the
    /// same text `sign(_:)` writes from the tree).
    private func sign(_ tape: JSONTape, data: Int) throws(CryptoError) -> String {
        var signed: [UInt8] = []
        signed.reserveCapacity(tape.bytes.count)
        switch profile.signCoverage {
        case .eachDataObject:
            var element = data + 1
            while element < Int(tape.entries[data].next) {
                tape.write(at: element, keyOrder: profile.signKeyOrder, into: &signed)
                element = Int(tape.entries[element].next)
            }
        case .dataArray: tape.write(at: data, keyOrder: profile.signKeyOrder, into: &signed)
        }
        return try hex(of: signed)
    }

    /// A request envelope carrying `data`, signed.
    public func request(data: [JSONValue], timestamp: Int64) throws(CryptoError) -> JSONValue {
        .object(["timestamp": .number(ExactNumber(Int(timestamp))), "sign": .string(try sign(data)), "data": .array(data)])
    }

    /// Reads a request and checks its sign over the data as received (number texts and
    /// strings exactly as sent; only the key order is canonicalised, as the sign requires).
    /// `now` (epoch seconds) is used when the profile limits clock skew.
    public func openRequest(_ body: some Collection<UInt8>, now: EpochSeconds? = nil) throws(EnvelopeError) -> Request {
        // Read as a tape: the sign is computed from the data's bytes as received.
        let tape = try EnvelopeError.readTape(Array(body), limit: profile.maxMessageBytes)
        let object = try tape.value().envelopeObject("a DB4403 request")
        let timestamp = try Self.timestamp(object)
        let received = try object.envelopeString("sign").trimmingSpaces
        guard case .array(let data)? = object["data"], let dataIndex = tape.member("data") else {
            throw EnvelopeError(object["data"] == nil ? .missingMember : .malformed, "'data' must be an array (表31)")
        }
        let expected = try EnvelopeError.expectedSignature { () throws(CryptoError) in try sign(tape, data: dataIndex) }
        guard profile.signatureMatches(received: received, expected: expected) else {
            throw EnvelopeError(.badSignature, "sign does not match the data")
        }
        if let skew = profile.allowedClockSkewSeconds, let now, now.distance(from: EpochSeconds(timestamp)).magnitude > UInt64(skew) {
            throw EnvelopeError(.staleTimestamp, "timestamp \(timestamp) is more than \(skew) s from now (\(now.value))")
        }
        return Request(timestamp: timestamp, sign: received, data: data)
    }

    /// A response envelope. `resultMsg` is omitted when `nil` (表32: optional).
    public func response(resultCode: Int, resultMsg: String?, timestamp: Int64, data: [JSONValue]) -> JSONValue {
        var object = JSONObject()
        object.append("resultCode", .number(ExactNumber(resultCode)))
        if let resultMsg { object.append("resultMsg", .string(resultMsg)) }
        object.append("timestamp", .number(ExactNumber(Int(timestamp))))
        object.append("data", .array(data))
        return .object(object)
    }

    /// Reads a response. `resultCode` may arrive as a number or, as in the D examples, a string.
    public func openResponse(_ body: some Collection<UInt8>) throws(EnvelopeError) -> Response {
        let object = try EnvelopeError.readJSON(body, limit: profile.maxMessageBytes).envelopeObject("a DB4403 response")
        let codeText = try object.envelopeScalarText("resultCode")
        guard let resultCode = Int(codeText) else { throw EnvelopeError(.malformed, "resultCode '\(codeText)' is not an integer") }
        var message: String?
        if case .string(let text)? = object["resultMsg"] { message = text }
        guard case .array(let data)? = object["data"] else { throw EnvelopeError(.missingMember, "'data' must be an array (表32)") }
        return Response(resultCode: resultCode, resultMsg: message, timestamp: try Self.timestamp(object), data: data)
    }


    /// A password as 表34, 表36 and 表40 require: DES-CBC with PKCS7, then Base64. The IV is
    /// the key unless the platform assigned another.
    public static func encryptPassword(_ password: String, key: String, iv: String? = nil) throws(CryptoError) -> String {
        Base64.encode(try Cipher.desCBC.encrypt(Array(password.utf8), key: Array(key.utf8), iv: Array((iv ?? key).utf8)))
    }

    /// The password of `encryptPassword(_:key:iv:)`'s text.
    public static func decryptPassword(_ encrypted: String, key: String, iv: String? = nil) throws(CryptoError) -> String {
        String(decoding: try Cipher.desCBC.decrypt(Base64.decode(encrypted), key: Array(key.utf8), iv: Array((iv ?? key).utf8)), as: UTF8.self)
    }

    private static func timestamp(_ object: JSONObject) throws(EnvelopeError) -> Int64 {
        let text = try object.envelopeScalarText("timestamp")
        guard let value = Int64(text), value >= 0 else { throw EnvelopeError(.malformed, "timestamp '\(text)' is not a non-negative integer") }
        return value
    }
}
