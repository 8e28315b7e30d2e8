import EVCS
import InterchangeRuntime

/// The secrets an EVCS operator pair agrees on (Annex B.3).
public struct EVCSSecrets: Sendable, Hashable {
    /// 组织机构代码 (9) or 统一社会信用代码 (18).
    public var operatorID: String
    /// AES-128 key of `Data` (16 bytes).
    public var dataSecret: String
    /// AES IV of `Data` (16 bytes); Annex B's examples use the data secret itself.
    public var dataSecretIV: String
    /// HMAC-MD5 key of `Sig`.
    public var sigSecret: String

    /// An operator's identity and secrets.
    public init(operatorID: String, dataSecret: String, dataSecretIV: String, sigSecret: String) {
        self.operatorID = operatorID
        self.dataSecret = dataSecret
        self.dataSecretIV = dataSecretIV
        self.sigSecret = sigSecret
    }
}

/// EVCS (DB4403 Annex B.3, the T/CEC 102 family): requests `{OperatorID, Data, TimeStamp,
/// Seq, Sig}` and responses `{Ret, Msg, Data, Sig}`; Data = Base64(AES-128-CBC(JSON));
/// Sig = upper-case hex HMAC-MD5 over OperatorID+Data+TimeStamp+Seq (responses Ret+Msg+Data),
/// checked over the member texts exactly as received.
public struct EVCSEnvelope: Sendable {
    /// The operator's identity and secrets.
    public var secrets: EVCSSecrets
    /// How the peer deviates (IV, hex case, member casing, clock skew, size limit).
    public var profile: PeerProfile

    /// An envelope under `secrets` for a peer described by `profile`.
    public init(secrets: EVCSSecrets, profile: PeerProfile = PeerProfile()) {
        self.secrets = secrets
        self.profile = profile
    }

    /// A received request, its Sig checked and Data decrypted.
    public struct Request: Sendable, Hashable {
        /// The sender's OperatorID, as received.
        public let operatorID: String
        /// TimeStamp, as received.
        public let timeStamp: String
        /// Seq, as received.
        public let seq: String
        /// Sig, as received.
        public let sig: String
        /// The decrypted Data, as bytes (the JSON text the peer encrypted).
        public let plaintext: [UInt8]
    }

    /// A received response, its Sig checked and Data decrypted.
    public struct Response: Sendable, Hashable {
        /// 表B.26: 0 success, -1 busy, 4001 signature, 4002 token, 4003 POST parameters, 4004 business parameters, 500 system.
        public let ret: Int
        /// Msg.
        public let msg: String
        /// The decrypted Data (empty when none was sent).
        public let plaintext: [UInt8]
    }

    /// The name `name` has in a received `object`: as this peer spells it, or, when the profile
    /// accepts both casings, in the other casing if only that one is present.
    func key(_ name: String, in object: JSONObject) -> String {
        let spelled = key(name)
        guard profile.acceptsBothEnvelopeCasings, object[spelled] == nil else { return spelled }
        let other = (profile.envelopeKeyCasing == .lowerCamel ? PeerProfile.KeyCasing.pascalCase : .lowerCamel).apply(name)
        return object[other] == nil ? spelled : other
    }

    /// An envelope member name as this peer spells it.
    func key(_ name: String) -> String { (profile.envelopeKeyCasing ?? .pascalCase).apply(name) }

    /// A sealed request carrying the JSON text `data`.
    public func request(data: some Collection<UInt8>, timeStamp: String, seq: String) throws(CryptoError) -> JSONValue {
        let sealed = try seal(data)
        let sig = try signature(secrets.operatorID + sealed + timeStamp + seq)
        return .object(JSONObject([
            .init(key("OperatorID"), .string(secrets.operatorID)), .init(key("Data"), .string(sealed)),
            .init(key("TimeStamp"), .string(timeStamp)), .init(key("Seq"), .string(seq)), .init(key("Sig"), .string(sig)),
        ]))
    }

    /// Reads a request: members present and of their form (4003), Sig over the received
    /// texts (4001), Data decrypted. `now` (epoch seconds) is used when the profile limits
    /// clock skew.
    ///
    /// The Sig input OperatorID+Data+TimeStamp+Seq has no delimiters, so each part's form is
    /// checked before any crypto: OperatorID 9 or 18 upper-case letters or digits (组织机构代码 or
    /// 统一社会信用代码), Data Base64 text, TimeStamp 14 digits of a real time, Seq 4 digits.
    /// No other text can then be re-split into a valid Sig input.
    public func openRequest(_ body: some Collection<UInt8>, now: EpochSeconds? = nil) throws(EnvelopeError) -> Request {
        try openRequest(object: try Self.requestObject(body, profile: profile), now: now)
    }

    /// The members of a request's body, read once (a binding serving several partners reads
    /// the OperatorID from them to choose the envelope that opens it).
    static func requestObject(_ body: some Collection<UInt8>, profile: PeerProfile) throws(EnvelopeError) -> JSONObject {
        try EnvelopeError.readJSON(body, limit: profile.maxMessageBytes).envelopeObject("an EVCS request")
    }

    /// `openRequest(_:now:)` on members already read.
    func openRequest(object: JSONObject, now: EpochSeconds?) throws(EnvelopeError) -> Request {
        let operatorID = try object.envelopeScalarText(key("OperatorID", in: object))
        let data = try object.envelopeString(key("Data", in: object))
        let timeStamp = try object.envelopeScalarText(key("TimeStamp", in: object))
        let seq = try object.envelopeScalarText(key("Seq", in: object))
        let sig = try object.envelopeString(key("Sig", in: object))
        guard Self.isOperatorID(operatorID) else {
            throw EnvelopeError(.malformed, "OperatorID is not 9 or 18 upper-case letters or digits")
        }
        guard Self.isBase64Text(data) else { throw EnvelopeError(.malformed, "Data is not Base64 text") }
        guard timeStamp.utf8.count == 14, LocalDateTime(compact: timeStamp) != nil else {
            throw EnvelopeError(.malformed, "TimeStamp is not yyyyMMddHHmmss")
        }
        guard seq.utf8.count == 4, Self.allBytes(of: seq, Self.isDigit) else { throw EnvelopeError(.malformed, "Seq is not 4 digits") }
        let signedData = profile.signsDataWithoutLineBreaks ? Self.withoutLineBreaks(data) : data
        let expected = try EnvelopeError.expectedSignature { () throws(CryptoError) in try signature(operatorID + signedData + timeStamp + seq) }
        guard profile.signatureMatches(received: sig, expected: expected) else {
            throw EnvelopeError(.badSignature, "Sig does not match OperatorID+Data+TimeStamp+Seq")
        }
        if let skew = profile.allowedClockSkewSeconds, let now, let sent = LocalDateTime(compact: timeStamp) {
            if now.distance(from: EpochSeconds(sent.epochSeconds())).magnitude > UInt64(skew) {
                throw EnvelopeError(.staleTimestamp, "TimeStamp \(timeStamp) is more than \(skew) s from now")
            }
        }
        return Request(operatorID: operatorID, timeStamp: timeStamp, seq: seq, sig: sig, plaintext: try open(data))
    }

    /// A sealed response. `data` is the JSON text to encrypt (empty for none).
    public func response(ret: Int, msg: String, data: some Collection<UInt8>) throws(CryptoError) -> JSONValue {
        let sealed = data.isEmpty ? "" : try seal(data)
        return .object(JSONObject([
            .init(key("Ret"), .number(ExactNumber(ret))), .init(key("Msg"), .string(msg)), .init(key("Data"), .string(sealed)),
            .init(key("Sig"), .string(try signature(String(ret) + msg + sealed))),
        ]))
    }

    /// Reads a response; the Sig is checked over Ret (its text as sent), Msg and Data. With the
    /// profile's `acceptsUnencryptedData`, a Data sent as a plain JSON object (some peers answer
    /// so) is taken as the plaintext, its Sig checked over the object's compact JSON.
    public func openResponse(_ body: some Collection<UInt8>) throws(EnvelopeError) -> Response {
        let object = try EnvelopeError.readJSON(body, limit: profile.maxMessageBytes).envelopeObject("an EVCS response")
        let retText = try object.envelopeScalarText(key("Ret", in: object))
        guard let ret = Int(retText) else { throw EnvelopeError(.malformed, "Ret '\(retText)' is not an integer") }
        let msg = try object.envelopeScalarText(key("Msg", in: object))
        let data: String
        var plain: [UInt8]?
        switch object[key("Data", in: object)] {
        case .string(let text)?: data = text
        case nil, .null?: data = ""
        case .object(let members)? where profile.acceptsUnencryptedData:
            plain = JSONWriter().bytes(.object(members))
            data = String(decoding: plain ?? [], as: UTF8.self)
        case let other?: throw EnvelopeError(.malformed, "'\(key("Data"))' must be a string, got \(other.typeName)")
        }
        let sig = try object.envelopeString(key("Sig", in: object))
        let signedData = profile.signsDataWithoutLineBreaks ? Self.withoutLineBreaks(data) : data
        let expected = try EnvelopeError.expectedSignature { () throws(CryptoError) in try signature(retText + msg + signedData) }
        guard profile.signatureMatches(received: sig, expected: expected) else {
            throw EnvelopeError(.badSignature, "Sig does not match Ret+Msg+Data")
        }
        if let plain { return Response(ret: ret, msg: msg, plaintext: plain) }
        return Response(ret: ret, msg: msg, plaintext: data.isEmpty ? [] : try open(data))
    }

    /// Data as some Java HMAC helpers sign it: Base64 without the line breaks MIME encoders insert.
    private static func withoutLineBreaks(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\r" && $0 != "\n" }))
    }

    /// Whether every UTF-8 byte of `text` satisfies `predicate`, read from contiguous memory
    /// (a generic walk of `utf8` cost 40 instructions a byte).
    private static func allBytes(of text: String, _ predicate: (UInt8) -> Bool) -> Bool {
        var text = text
        return text.withUTF8 { $0.allSatisfy(predicate) }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isOperatorID(_ text: String) -> Bool {
        (text.utf8.count == 9 || text.utf8.count == 18)
            && allBytes(of: text) { isDigit($0) || ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) }
    }

    /// Whether every byte of `text` is in Base64's alphabet or a line break: one table look-up
    /// a byte, for Data runs to kilobytes.
    private static func isBase64Text(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in base64TextBytes.withUnsafeBufferPointer { table in bytes.allSatisfy { table[Int($0)] } } }
    }

    private static let base64TextBytes: [Bool] = (0...255).map { isBase64TextByte(UInt8($0)) }

    /// Base64's alphabet, and the line breaks some Java encoders insert.
    private static func isBase64TextByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="), 0x0D, 0x0A:
            true
        default: false
        }
    }

    /// 表B.26 Ret for an envelope failure.
    public static func ret(for error: EnvelopeError) -> RetCode {
        switch error.kind {
        case .badSignature: .badSignature
        case .malformed, .missingMember, .staleTimestamp, .replayed: .badPostParameters
        case .undecryptable: .badBusinessParameters
        }
    }

    /// HMAC-MD5 of `text` under the Sig secret, hex in the profile's case (upper by default).
    public func signature(_ text: String) throws(CryptoError) -> String {
        let mac = try HMAC.md5.authenticationCode(Array(text.utf8), key: Array(secrets.sigSecret.utf8))
        return Hex.encode(mac, uppercase: profile.signatureHexCase != .lower)
    }

    private var iv: [UInt8] { Array(secrets.dataSecretIV.utf8) }

    func seal(_ plaintext: some Collection<UInt8>) throws(CryptoError) -> String {
        Base64.encode(try Cipher.aes128CBC.encrypt(plaintext, key: Array(secrets.dataSecret.utf8), iv: iv))
    }

    func open(_ data: String) throws(EnvelopeError) -> [UInt8] {
        do {
            return try Cipher.aes128CBC.decrypt(Base64.decode(data), key: Array(secrets.dataSecret.utf8), iv: iv)
        } catch {
            throw EnvelopeError(.undecryptable, "Data: \(error)")
        }
    }
}

/// EVCS TimeStamp and Seq (表B.25): `yyyyMMddHHmmss` and a 4-digit counter that restarts
/// at 0001 each new second. Time is passed in, so tests need no clock.
public struct EVCSSequencer: Sendable {
    private var second: EpochSeconds?
    private var counter = 0
    private let randomStart: Bool

    /// A sequencer that has sent nothing yet. Each second's first Seq is 0001, or, with
    /// `randomStart`, a random one: two processes of one operator sending the same data in
    /// the same second then differ in Seq (and Sig), so a server's replay check does not take
    /// the second for a replay of the first. Clients use a random start.
    public init(randomStart: Bool = false) {
        self.randomStart = randomStart
    }

    /// The TimeStamp and Seq for a message sent at `now` (Beijing time on the wire). Past 9999
    /// messages in one second the counter wraps to 0001. A time outside the years TimeStamp
    /// can write (0001–9999) is `unsendable`.
    public mutating func next(at now: EpochSeconds) throws(ClientError) -> (timeStamp: String, seq: String) {
        guard let stamp = LocalDateTime(epochSeconds: now.value)?.compactDescription else {
            throw ClientError(.unsendable, "\(now) is outside the years a TimeStamp can carry")
        }
        if second != now {
            second = now
            counter = randomStart ? Int.random(in: 0..<9999) : 0
        }
        counter = counter % 9999 + 1
        let digits = String(counter)
        return (stamp, String(repeating: "0", count: 4 - digits.count) + digits)
    }
}
