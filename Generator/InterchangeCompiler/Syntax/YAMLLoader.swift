import CYAML
import InterchangeRuntime

/// Loads a YAML document into a `SyntaxNode` tree with file:line:column on every node,
/// using libyaml's event parser.
///
/// Before parsing, the bytes must be UTF-8 without bidirectional control characters (spec
/// text is copied into generated Swift, where such characters could make code read other
/// than it compiles). Nesting is limited to `maxDepth` levels, so neither libyaml's work nor
/// the tree's recursion grows with a hostile file's depth.
package struct YAMLLoader {
    package let file: String
    /// Deepest nesting of mappings and sequences; the bundled specs need 6.
    package static let maxDepth = 32

    package init(file: String) {
        self.file = file
    }

    /// The document's root node, or the diagnostics that stopped it.
    package func load(_ text: String) -> Result<SyntaxNode, CompilerErrors> {
        load(Array(text.utf8))
    }

    /// The document's root node, or the diagnostics that stopped it.
    package func load(_ bytes: [UInt8]) -> Result<SyntaxNode, CompilerErrors> {
        if let problem = textProblem(bytes) { return .failure(CompilerErrors([problem])) }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return .failure(CompilerErrors([Diagnostic(.error, "cannot initialise the YAML parser", at: .source(file: file, line: 1, column: 1))]))
        }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var builder = TreeBuilder(file: file)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    return .failure(CompilerErrors([syntaxError(parser)]))
                }
                defer { yaml_event_delete(&event) }
                if let problem = builder.consume(event) { return .failure(CompilerErrors([problem])) }
                if event.type == YAML_STREAM_END_EVENT { break }
            }
            guard let root = builder.root else {
                return .failure(CompilerErrors([Diagnostic(.error, "the file is empty", at: .source(file: file, line: 1, column: 1))]))
            }
            return .success(root)
        }
    }

    /// Invalid UTF-8 or a bidirectional control character, at its line and column.
    private func textProblem(_ bytes: [UInt8]) -> Diagnostic? {
        var line = 1
        var column = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .emptyInput:
                return nil
            case .error:
                return Diagnostic(
                    .error, "the file is not UTF-8 text (byte \(offset) cannot start or continue a character); save it as UTF-8",
                    at: .source(file: file, line: line, column: column))
            case .scalarValue(let scalar):
                if YAMLLoader.isBidiControl(scalar) {
                    let code = String(scalar.value, radix: 16, uppercase: true)
                    return Diagnostic(
                        .error, "bidirectional control character U+\(code): spec text is copied into generated Swift, where it could make code read other than it compiles; remove it",
                        at: .source(file: file, line: line, column: column))
                }
                offset += UTF8.width(scalar)
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
        }
    }

    /// U+202A–U+202E, U+2066–U+2069, and the marks U+200E, U+200F, U+061C.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }

    private func syntaxError(_ parser: yaml_parser_t) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "malformed YAML"
        let context = parser.context.map { " " + String(cString: $0) } ?? ""
        let mark = parser.problem_mark
        return Diagnostic(
            .error, "YAML syntax: \(problem)\(context)",
            at: .source(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1))
    }
}

/// Turns the event stream into nodes. Only the first document of a stream is kept;
/// more than one is an error.
private struct TreeBuilder {
    let file: String
    var stack: [(location: SourceLocation, items: [SyntaxNode], isMapping: Bool)] = []
    var root: SyntaxNode?
    var documents = 0

    init(file: String) {
        self.file = file
    }

    func location(_ event: yaml_event_t) -> SourceLocation {
        SourceLocation(file: file, line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
    }

    mutating func consume(_ event: yaml_event_t) -> Diagnostic? {
        let here = location(event)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                return Diagnostic(.error, "a spec file holds one YAML document; found another", at: .source(file: file, line: here.line, column: here.column))
            }
        case YAML_ALIAS_EVENT:
            return Diagnostic(.error, "YAML aliases (*name) are not supported in spec files; write the value out", at: .source(file: file, line: here.line, column: here.column))
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            let quoted = scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE || scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE
                || scalar.style == YAML_LITERAL_SCALAR_STYLE || scalar.style == YAML_FOLDED_SCALAR_STYLE
            add(SyntaxNode(kind: .scalar(text, quoted: quoted), location: here))
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            guard stack.count < YAMLLoader.maxDepth else {
                return Diagnostic(
                    .error, "nesting deeper than \(YAMLLoader.maxDepth) levels; a spec needs far fewer",
                    at: .source(file: file, line: here.line, column: here.column))
            }
            stack.append((here, [], event.type == YAML_MAPPING_START_EVENT))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let open = stack.popLast() else { return nil }
            if open.isMapping {
                var pairs: [(key: SyntaxNode, value: SyntaxNode)] = []
                var index = 0
                while index + 1 < open.items.count {
                    pairs.append((open.items[index], open.items[index + 1]))
                    index += 2
                }
                add(SyntaxNode(kind: .mapping(pairs), location: open.location))
            } else {
                add(SyntaxNode(kind: .sequence(open.items), location: open.location))
            }
        default:
            break
        }
        return nil
    }

    mutating func add(_ node: SyntaxNode) {
        if stack.isEmpty {
            root = node
        } else {
            stack[stack.count - 1].items.append(node)
        }
    }
}
