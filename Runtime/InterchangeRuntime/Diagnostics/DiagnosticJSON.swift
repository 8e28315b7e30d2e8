extension Diagnostic {
    /// The stable machine form used by `--format json`:
    /// `{"severity", "message", "file", "line", "column" | "path", "rule", "expected", "actual", "source", "label"}`;
    /// absent parts are omitted.
    public var json: JSONValue {
        var object = JSONObject()
        object.append("severity", .string(severity.rawValue))
        object.append("message", .string(message))
        switch location {
        case .source(let file, let line, let column):
            object.append("file", .string(file))
            object.append("line", .number(ExactNumber(line)))
            object.append("column", .number(ExactNumber(column)))
        case .jsonPath(let path):
            object.append("path", .string(path))
        case nil:
            break
        }
        if let rule { object.append("rule", .string(rule.rawValue)) }
        if let expected { object.append("expected", .string(expected)) }
        if let actual { object.append("actual", .string(actual)) }
        if let source { object.append("source", .string(source)) }
        if let label { object.append("label", .string(label)) }
        return .object(object)
    }
}
