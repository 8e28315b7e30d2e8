import CYAML
import InterchangeRuntime

/// Loads a YAML document into a `SyntaxNode` tree with file:line:column on every node,
/// using libyaml's event parser.
public struct YAMLLoader {
    public let file: String

    public init(file: String) {
        self.file = file
    }

    /// The document's root node, or the diagnostics that stopped it.
    public func load(_ text: String) -> Result<SyntaxNode, CompilerErrors> {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return .failure(CompilerErrors([Diagnostic(.error, "cannot initialise the YAML parser", at: .source(file: file, line: 1, column: 1))]))
        }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(text.utf8)
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
        case YAML_SEQUENCE_START_EVENT:
            stack.append((here, [], false))
        case YAML_MAPPING_START_EVENT:
            stack.append((here, [], true))
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
