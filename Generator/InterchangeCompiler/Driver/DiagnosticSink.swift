import InterchangeRuntime

/// Collects diagnostics across all layers of one compilation, so a run reports every
/// problem at once.
package final class DiagnosticSink {
    package private(set) var diagnostics: [Diagnostic] = []

    package init() {}

    package var hasErrors: Bool { diagnostics.containsErrors }

    func error(_ message: String, at location: SourceLocation) {
        add(.error, message, at: location)
    }

    func warning(_ message: String, at location: SourceLocation) {
        add(.warning, message, at: location)
    }

    func add(_ severity: Diagnostic.Severity, _ message: String, at location: SourceLocation) {
        diagnostics.append(
            Diagnostic(severity, message, at: .source(file: location.file, line: location.line, column: location.column)))
    }

    func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }

    /// Diagnostics in file, line, column order (stable for equal positions).
    package var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let (x, y) = (a.element.location, b.element.location)
            if case .source(let f1, let l1, let c1) = x, case .source(let f2, let l2, let c2) = y, (f1, l1, c1) != (f2, l2, c2) {
                return (f1, l1, c1) < (f2, l2, c2)
            }
            return a.offset < b.offset
        }.map(\.element)
    }
}

/// "did you mean 'String'?" for a misspelt name, when one candidate is close enough.
func suggestion(for name: String, among candidates: some Sequence<String>) -> String {
    let limit = max(2, name.count / 3)
    var best: (name: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(name.lowercased(), candidate.lowercased())
        if distance <= limit, distance < best?.distance ?? .max { best = (candidate, distance) }
    }
    return best.map { " (did you mean '\($0.name)'?)" } ?? ""
}

private func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in stride(from: 1, through: b.count, by: 1) {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
