import InterchangeRuntime

/// The diagnostics that stopped a compilation: every one found, not only the first.
package struct CompilerErrors: Error, Sendable, CustomStringConvertible {
    package let diagnostics: [Diagnostic]

    package init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    package var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
