extension PeerProfile {
    /// Whether the peer spells member names other than the document does (its casing or
    /// aliases), so business data must be renamed on the way in and out.
    public var renamesKeys: Bool { payloadKeyCasing != nil || !fieldAliases.isEmpty }

    /// Business data as the table spells it. A member the table (or a nested one) does not
    /// know by its received name is renamed: by the peer's alias (`fieldAliases`), or, when
    /// the peer has its own `payloadKeyCasing`, to the field whose name it is in the other
    /// casing. Values are untouched, and members nothing matches keep their name, so the
    /// validator reports them.
    public func normalizedIncoming(_ value: JSONValue, table: ObjectSchema?) -> JSONValue {
        switch value {
        case .object(let object):
            guard let table else { return .object(JSONObject(object.members.map { JSONObject.Member(fieldAliases[$0.key] ?? $0.key, $0.value) })) }
            return .object(JSONObject(object.members.map { member in
                let key = specName(of: member.key, in: table)
                return JSONObject.Member(key, normalizedIncoming(member.value, table: table.field(forKey: key).flatMap { Self.table(of: $0.type) }))
            }))
        case .array(let elements):
            return .array(elements.map { normalizedIncoming($0, table: table) })
        default:
            return value
        }
    }

    /// Business data as the peer spells it: recased to the peer's casing and its aliases
    /// applied back. Values are untouched.
    public func adaptedOutgoing(_ value: JSONValue) -> JSONValue {
        let reverse = Dictionary(fieldAliases.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
        return rename(value) { key in
            let recased = payloadKeyCasing?.apply(key) ?? key
            return reverse[key] ?? reverse[recased] ?? recased
        }
    }

    /// The name `table` knows `key` by: as received, the peer's alias, or recased.
    private func specName(of key: String, in table: ObjectSchema) -> String {
        if table.field(forKey: key) != nil { return key }
        if let alias = fieldAliases[key], table.field(forKey: alias) != nil { return alias }
        guard payloadKeyCasing != nil else { return key }
        for casing in [KeyCasing.pascalCase, .lowerCamel] where table.field(forKey: casing.apply(key)) != nil {
            return casing.apply(key)
        }
        return key
    }

    /// The table the values of a field of `type` follow (a list's element's).
    private static func table(of type: FieldType) -> ObjectSchema? {
        switch type {
        case .object(let schema): schema
        case .list(let element): table(of: element)
        case .builtin: nil
        }
    }

    private func rename(_ value: JSONValue, _ transform: (String) -> String) -> JSONValue {
        switch value {
        case .object(let object):
            return .object(JSONObject(object.members.map { JSONObject.Member(transform($0.key), rename($0.value, transform)) }))
        case .array(let elements):
            return .array(elements.map { rename($0, transform) })
        default:
            return value
        }
    }
}
