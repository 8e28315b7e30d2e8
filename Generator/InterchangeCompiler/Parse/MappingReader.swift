/// Reads one YAML mapping of a spec: checks its keys against the allowed set (unknown keys
/// are errors with a suggestion), reports duplicates, and converts values with messages
/// that name the key.
struct MappingReader {
    let node: SyntaxNode
    let what: String
    let sink: DiagnosticSink
    private var entries: [String: (key: SyntaxNode, value: SyntaxNode)] = [:]
    /// Keys in file order.
    private(set) var orderedKeys: [Located<String>] = []

    /// `nil` (with an error) when `node` is not a mapping.
    init?(_ node: SyntaxNode, what: String, allowed: [String]?, sink: DiagnosticSink) {
        guard case .mapping(let pairs) = node.kind else {
            sink.error("\(what) must be a mapping, found \(node.kindName)", at: node.location)
            return nil
        }
        self.node = node
        self.what = what
        self.sink = sink
        for pair in pairs {
            guard let key = pair.key.scalar else {
                sink.error("keys of \(what) must be scalars, found \(pair.key.kindName)", at: pair.key.location)
                continue
            }
            if let allowed, !allowed.contains(key) {
                sink.error("unknown key '\(key)' in \(what)\(suggestion(for: key, among: allowed))", at: pair.key.location)
                continue
            }
            if entries[key] != nil {
                sink.error("duplicate key '\(key)' in \(what)", at: pair.key.location)
                continue
            }
            entries[key] = pair
            orderedKeys.append(Located(value: key, location: pair.key.location))
        }
    }

    func node(_ key: String) -> SyntaxNode? { entries[key]?.value }

    func has(_ key: String) -> Bool { entries[key] != nil }

    /// A scalar value; reports a missing required key at the mapping.
    func string(_ key: String, required: Bool = false) -> Located<String>? {
        guard let value = entries[key]?.value else {
            if required { sink.error("\(what) is missing required key '\(key)'", at: node.location) }
            return nil
        }
        guard let text = value.scalar else {
            sink.error("'\(key)' of \(what) must be a scalar, found \(value.kindName)", at: value.location)
            return nil
        }
        return Located(value: text, location: value.location)
    }

    func text(_ key: String, required: Bool = false) -> String? {
        string(key, required: required)?.value
    }

    /// A non-negative integer value.
    func integer(_ key: String) -> Located<Int>? {
        guard let located = string(key) else { return nil }
        guard let value = Int(located.value), value >= 0 else {
            sink.error("'\(key)' of \(what) must be a non-negative integer, found '\(located.value)'", at: located.location)
            return nil
        }
        return Located(value: value, location: located.location)
    }

    /// `true` or `false`; absent is `defaultValue`.
    func bool(_ key: String, default defaultValue: Bool) -> Bool {
        guard let located = string(key) else { return defaultValue }
        switch located.value {
        case "true": return true
        case "false": return false
        default:
            sink.error("'\(key)' of \(what) must be true or false, found '\(located.value)'", at: located.location)
            return defaultValue
        }
    }

    /// A sequence of scalars.
    func strings(_ key: String) -> [Located<String>] {
        guard let value = entries[key]?.value else { return [] }
        guard case .sequence(let items) = value.kind else {
            sink.error("'\(key)' of \(what) must be a sequence, found \(value.kindName)", at: value.location)
            return []
        }
        return items.compactMap { item in
            guard let text = item.scalar else {
                sink.error("items of '\(key)' in \(what) must be scalars, found \(item.kindName)", at: item.location)
                return nil
            }
            return Located(value: text, location: item.location)
        }
    }
}
