/// Why a message's envelope was refused. Each protocol's binding answers the kind with its
/// own code.
public struct EnvelopeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of envelope failure.
    public enum Kind: String, Sendable, Hashable {
        /// Not JSON, or not the envelope's shape.
        case malformed
        /// A required envelope member is missing or empty.
        case missingMember
        /// The signature does not match.
        case badSignature
        /// The encrypted data could not be decrypted.
        case undecryptable
        /// The timestamp is outside the allowed clock skew.
        case staleTimestamp
        /// The same signed message arrived before, within the clock-skew window.
        case replayed
    }

    /// What was wrong with the envelope.
    public let kind: Kind
    /// The full reason, for logs; refusals tell the peer only the kind.
    public let message: String

    /// An envelope failure of `kind`, explained by `message`.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { "\(kind.rawValue): \(message)" }
}

extension JSONValue {
    /// The object's members for an envelope, or a `malformed` error naming `what`.
    public func envelopeObject(_ what: String) throws(EnvelopeError) -> JSONObject {
        guard case .object(let object) = self else {
            throw EnvelopeError(.malformed, "\(what) must be a JSON object, got \(typeName)")
        }
        return object
    }
}

extension JSONObject {
    /// A string member of an envelope; missing or empty is `missingMember`.
    public func envelopeString(_ key: String) throws(EnvelopeError) -> String {
        switch self[key] {
        case .string(let text) where !text.isEmpty: return text
        case nil, .null, .string: throw EnvelopeError(.missingMember, "'\(key)' is missing or empty")
        case let other?: throw EnvelopeError(.malformed, "'\(key)' must be a string, got \(other.typeName)")
        }
    }

    /// The text of a scalar member as received (numbers keep their text).
    public func envelopeScalarText(_ key: String) throws(EnvelopeError) -> String {
        switch self[key] {
        case .string(let text): return text
        case .number(let number): return number.text
        case nil, .null: throw EnvelopeError(.missingMember, "'\(key)' is missing")
        case let other?: throw EnvelopeError(.malformed, "'\(key)' must be a string or number, got \(other.typeName)")
        }
    }
}

extension EnvelopeError {
    /// The signature `compute` makes, to check a received one against. Should OpenSSL fail,
    /// the message is refused as badly signed: nothing is accepted unchecked.
    public static func expectedSignature(_ compute: () throws(CryptoError) -> String) throws(EnvelopeError) -> String {
        do {
            return try compute()
        } catch {
            throw EnvelopeError(.badSignature, "the signature could not be computed: \(error)")
        }
    }

    /// The body read as a tape (`JSONTape`), or a refusal worded as `readJSON`'s.
    public static func readTape(_ bytes: [UInt8], limit: Int) throws(EnvelopeError) -> JSONTape {
        do {
            return try JSONReader(maxBytes: limit).tape(bytes)
        } catch {
            throw EnvelopeError(.malformed, "body is not valid JSON: \(error)")
        }
    }

    /// Parses envelope bytes with the runtime's reader (at most `limit` bytes), as a
    /// `malformed` error on failure.
    public static func readJSON(_ bytes: some Collection<UInt8>, limit: Int) throws(EnvelopeError) -> JSONValue {
        do {
            return try JSONReader(maxBytes: limit).read(bytes)
        } catch {
            throw EnvelopeError(.malformed, "body is not valid JSON: \(error)")
        }
    }
}
