import InterchangeRuntime

/// The diagnostics that stopped a compilation: every one found, not only the first.
public struct CompilerErrors: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
