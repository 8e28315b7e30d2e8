/// One problem found by the compiler, a validator or the CLI.
///
/// Text form follows compilers: `Specs/Parking/entities.yaml:41:7: error: unknown type 'Strng'`
/// for spec files, `$.chargingStandard.permitNo: error: maxLength: ...` for payloads.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a problem is; only errors make a payload or a spec invalid.
    public enum Severity: String, Sendable, Hashable, Comparable, Codable {
        /// Context for another diagnostic.
        case note
        /// Worth a look, but valid (an unknown member, by default).
        case warning
        /// Invalid.
        case error

        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
        private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
    }

    /// Where a problem is: a place in a file, or a JSON path in a payload.
    public enum Location: Sendable, Hashable {
        /// A 1-based line and column in a file (specs).
        case source(file: String, line: Int, column: Int)
        /// A JSON path in a payload, such as `$.parkInfo.chargeItemstable[0].chargeItem`.
        case jsonPath(String)
    }

    /// How serious the problem is.
    public var severity: Severity
    /// What is wrong, in a sentence that names the field by its label.
    public var message: String
    /// Where the problem is; nil when it concerns the whole input.
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

    /// A diagnostic; the rule, expectation, actual value, source table and label are for
    /// machine-readable output and refusals.
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

    /// The last member name of the diagnostic's JSON path: `StartChargeSeq` for
    /// `$.ChargeDetails[0].StartChargeSeq`; nil for file locations and the root.
    public var memberName: String? {
        guard case .jsonPath(let path)? = location else { return nil }
        var tail = Substring(path)
        while tail.hasSuffix("]"), let open = tail.lastIndex(of: "[") { tail = tail[..<open] }
        guard let dot = tail.lastIndex(of: ".") else { return nil }
        let name = tail[tail.index(after: dot)...]
        return name.isEmpty ? nil : String(name)
    }

    /// The location as text: `file:line:column` or the JSON path.
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
