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
            case "toleratedRules": toleratedRules = try Self.rules(value, key)
            default: throw EnvelopeError(.malformed, "unknown peer profile setting '\(key)'; known: \(Self.settings.map(\.name).joined(separator: ", "))")
            }
        }
    }

    /// Every setting a profile file may hold, with what it does and its value in `self`.
    public var settingsExplained: [(name: String, value: String, meaning: String)] {
        func text<T>(_ value: T?) -> String { value.map { "\($0)" } ?? "the protocol's" }
        let values: [String: String] = [
            "signatureHexCase": text(signatureHexCase?.rawValue), "acceptsAnySignatureCase": "\(acceptsAnySignatureCase)",
            "envelopeKeyCasing": text(envelopeKeyCasing?.rawValue), "acceptsBothEnvelopeCasings": "\(acceptsBothEnvelopeCasings)",
            "signsDataWithoutLineBreaks": "\(signsDataWithoutLineBreaks)", "payloadKeyCasing": text(payloadKeyCasing?.rawValue),
            "fieldAliases": fieldAliases.isEmpty ? "none" : fieldAliases.sorted { $0.key < $1.key }.map { "\($0.key) → \($0.value)" }.joined(separator: ", "),
            "baseURL": baseURL ?? "none",
            "interfacePaths": interfacePaths.isEmpty ? "none" : interfacePaths.sorted { $0.key < $1.key }.map { "\($0.key) → \($0.value)" }.joined(separator: ", "),
            "tokenLifetimeSeconds": text(tokenLifetimeSeconds), "tokenRefreshMarginSeconds": "\(tokenRefreshMarginSeconds)",
            "allowedClockSkewSeconds": allowedClockSkewSeconds.map(String.init) ?? "unchecked",
            "signCoverage": signCoverage.rawValue, "signKeyOrder": signKeyOrder.rawValue, "maxMessageBytes": "\(maxMessageBytes)",
            "acceptsUnencryptedData": "\(acceptsUnencryptedData)",
            "toleratedRules": toleratedRules.isEmpty
                ? "none" : toleratedRules.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.map(\.rawValue).sorted().joined(separator: ", "))" }.joined(separator: "; "),
        ]
        return Self.settings.map { ($0.name, values[$0.name] ?? "", $0.meaning) }
    }

    /// The settings a profile file may hold and what each does.
    static let settings: [(name: String, meaning: String)] = [
        ("signatureHexCase", "the hex case of signatures we write"),
        ("acceptsAnySignatureCase", "accept a received signature in either hex case"),
        ("envelopeKeyCasing", "the casing of envelope members (OperatorID or operatorID)"),
        ("acceptsBothEnvelopeCasings", "accept envelope members in either casing"),
        ("signsDataWithoutLineBreaks", "the peer's signature covers the encrypted data without line breaks"),
        ("payloadKeyCasing", "the casing of business-data members the peer uses, turned into the table's"),
        ("fieldAliases", "the peer's spelling of a member → the table's"),
        ("baseURL", "where the peer serves"),
        ("interfacePaths", "the peer's own path of an interface, by code or name"),
        ("tokenLifetimeSeconds", "how long a token lives when the peer does not say"),
        ("tokenRefreshMarginSeconds", "refresh a token this long before it expires"),
        ("allowedClockSkewSeconds", "refuse requests whose timestamp is further from our clock, and remember messages this long against replays"),
        ("signCoverage", "what a signature over a list of data objects covers"),
        ("signKeyOrder", "the key order of the canonical JSON a signature covers"),
        ("maxMessageBytes", "the largest message accepted, in bytes"),
        ("acceptsUnencryptedData", "accept business data sent unencrypted where the protocol encrypts it"),
        ("toleratedRules", "rules the peer may break, by member (\"*\": any), reported as warnings"),
    ]

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

    private static func rules(_ value: JSONValue, _ key: String) throws(EnvelopeError) -> [String: Set<ValidationRule>] {
        guard case .object(let object) = value else { throw wrong(key, "an object of rule lists", value) }
        var result: [String: Set<ValidationRule>] = [:]
        for member in object.members {
            guard case .array(let names) = member.value else { throw wrong("\(key).\(member.key)", "a list of rule names", member.value) }
            for name in names {
                guard case .string(let text) = name, let rule = ValidationRule(rawValue: text) else {
                    throw EnvelopeError(.malformed, "peer profile setting '\(key).\(member.key)' names no rule: expected one of \(ValidationRule.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                result[member.key, default: []].insert(rule)
            }
        }
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
