/// A position in a spec file, 1-based.
package struct SourceLocation: Sendable, Hashable {
    package let file: String
    package let line: Int
    package let column: Int

    package init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// A YAML node with where it came from. Spec files are plain YAML: scalars, sequences and
/// mappings (keys in file order); anchors, aliases and tags are not used.
package struct SyntaxNode: Sendable {
    package enum Kind: Sendable {
        /// `quoted` tells `"0"` from `0` where it matters.
        case scalar(String, quoted: Bool)
        case sequence([SyntaxNode])
        case mapping([(key: SyntaxNode, value: SyntaxNode)])
    }

    package let kind: Kind
    package let location: SourceLocation

    package var scalar: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }

    /// "a mapping", "a sequence", "a scalar": for messages.
    package var kindName: String {
        switch kind {
        case .scalar: "a scalar"
        case .sequence: "a sequence"
        case .mapping: "a mapping"
        }
    }
}
