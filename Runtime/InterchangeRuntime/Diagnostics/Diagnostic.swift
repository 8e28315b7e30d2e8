/// One problem found by the compiler, a validator or the CLI.
///
/// Text form follows compilers: `Specs/Parking/entities.yaml:41:7: error: unknown type 'Strng'`
/// for spec files, `$.chargingStandard.permitNo: error: maxLength: ...` for payloads.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable, Codable {
        case note, warning, error

        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
        private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
    }

    /// Where a problem is: a place in a file, or a JSON path in a payload.
    public enum Location: Sendable, Hashable {
        case source(file: String, line: Int, column: Int)
        case jsonPath(String)
    }

    public var severity: Severity
    public var message: String
    public var location: Location?
    /// For payload problems: the rule broken (the dispatcher maps it to a protocol code).
    public var rule: ValidationRule?
    /// What the rule expects, e.g. "at most 6 characters".
    public var expected: String?
    /// What was found, e.g. "9 characters".
    public var actual: String?
    /// The document's table or clause, e.g. "表4".
    public var source: String?
    /// The field's label in the document, e.g. "停车许可证号".
    public var label: String?

    public init(
        _ severity: Severity, _ message: String, at location: Location? = nil, rule: ValidationRule? = nil,
        expected: String? = nil, actual: String? = nil, source: String? = nil, label: String? = nil
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.rule = rule
        self.expected = expected
        self.actual = actual
        self.source = source
        self.label = label
    }

    public var locationText: String? {
        switch location {
        case .source(let file, let line, let column): "\(file):\(line):\(column)"
        case .jsonPath(let path): path
        case nil: nil
        }
    }

    public var description: String {
        var text = locationText.map { "\($0): " } ?? ""
        text += "\(severity.rawValue): "
        if let rule { text += "\(rule.rawValue): " }
        text += message
        if let source { text += " [\(source)]" }
        return text
    }
}

extension Collection<Diagnostic> {
    /// Whether any diagnostic is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }
}
