extension PeerProfile {
    /// Reads a profile from a JSON configuration such as
    /// `{"signatureHexCase": "lower", "allowedClockSkewSeconds": 300, "fieldAliases": {"SeviceMoney": "ServiceMoney"}}`.
    /// Keys are the property names; unknown keys and wrong types are errors naming the key.
    public init(json value: JSONValue) throws(EnvelopeError) {
        self.init()
        let object = try value.envelopeObject("a peer profile")
        for member in object.members {
            let key = member.key
            let value = member.value
            switch key {
            case "signatureHexCase": signatureHexCase = try Self.choice(value, key, HexCase.init(rawValue:))
            case "acceptsAnySignatureCase": acceptsAnySignatureCase = try Self.flag(value, key)
            case "envelopeKeyCasing": envelopeKeyCasing = try Self.choice(value, key, KeyCasing.init(rawValue:))
            case "acceptsBothEnvelopeCasings": acceptsBothEnvelopeCasings = try Self.flag(value, key)
            case "signsDataWithoutLineBreaks": signsDataWithoutLineBreaks = try Self.flag(value, key)
            case "payloadKeyCasing": payloadKeyCasing = try Self.choice(value, key, KeyCasing.init(rawValue:))
            case "fieldAliases": fieldAliases = try Self.strings(value, key)
            case "baseURL": baseURL = try Self.text(value, key)
            case "interfacePaths": interfacePaths = try Self.strings(value, key)
            case "tokenLifetimeSeconds": tokenLifetimeSeconds = try Self.integer(value, key)
            case "tokenRefreshMarginSeconds": tokenRefreshMarginSeconds = try Self.integer(value, key)
            case "allowedClockSkewSeconds": allowedClockSkewSeconds = try Self.integer(value, key)
            case "signCoverage": signCoverage = try Self.choice(value, key, SignCoverage.init(rawValue:))
            case "signKeyOrder": signKeyOrder = try Self.choice(value, key, JSONWriter.KeyOrder.init(rawValue:))
            case "maxMessageBytes": maxMessageBytes = try Self.integer(value, key)
            case "acceptsUnencryptedData": acceptsUnencryptedData = try Self.flag(value, key)
            default: throw EnvelopeError(.malformed, "unknown peer profile setting '\(key)'")
            }
        }
    }

    private static func wrong(_ key: String, _ expected: String, _ value: JSONValue) -> EnvelopeError {
        EnvelopeError(.malformed, "peer profile setting '\(key)' must be \(expected), got \(value.typeName)")
    }

    private static func flag(_ value: JSONValue, _ key: String) throws(EnvelopeError) -> Bool {
        guard case .bool(let flag) = value else { throw wrong(key, "true or false", value) }
        return flag
    }

    private static func text(_ value: JSONValue, _ key: String) throws(EnvelopeError) -> String {
        guard case .string(let text) = value else { throw wrong(key, "a string", value) }
        return text
    }

    private static func integer(_ value: JSONValue, _ key: String) throws(EnvelopeError) -> Int {
        guard case .number(let number) = value, let integer = number.integerValue, integer >= 0 else {
            throw wrong(key, "a non-negative integer", value)
        }
        return Int(integer)
    }

    private static func choice<T>(_ value: JSONValue, _ key: String, _ make: (String) -> T?) throws(EnvelopeError) -> T {
        let raw = try text(value, key)
        guard let result = make(raw) else { throw EnvelopeError(.malformed, "peer profile setting '\(key)' does not accept '\(raw)'") }
        return result
    }

    private static func strings(_ value: JSONValue, _ key: String) throws(EnvelopeError) -> [String: String] {
        guard case .object(let object) = value else { throw wrong(key, "an object of strings", value) }
        var result: [String: String] = [:]
        for member in object.members {
            guard case .string(let text) = member.value else { throw wrong("\(key).\(member.key)", "a string", member.value) }
            result[member.key] = text
        }
        return result
    }
}
