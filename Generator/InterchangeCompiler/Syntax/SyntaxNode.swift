/// A position in a spec file, 1-based.
public struct SourceLocation: Sendable, Hashable {
    public let file: String
    public let line: Int
    public let column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// A YAML node with where it came from. Spec files are plain YAML: scalars, sequences and
/// mappings (keys in file order); anchors, aliases and tags are not used.
public struct SyntaxNode: Sendable {
    public enum Kind: Sendable {
        /// `quoted` tells `"0"` from `0` where it matters.
        case scalar(String, quoted: Bool)
        case sequence([SyntaxNode])
        case mapping([(key: SyntaxNode, value: SyntaxNode)])
    }

    public let kind: Kind
    public let location: SourceLocation

    public var scalar: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }

    /// "a mapping", "a sequence", "a scalar": for messages.
    public var kindName: String {
        switch kind {
        case .scalar: "a scalar"
        case .sequence: "a sequence"
        case .mapping: "a mapping"
        }
    }
}
