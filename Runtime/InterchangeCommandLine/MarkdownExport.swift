import InterchangeRuntime

/// A readable reference of a protocol: its notes, interfaces and every table, as the
/// document lays them out.
struct MarkdownExport {
    let catalog: ProtocolCatalog

    var text: String {
        var lines = ["# \(catalog.name): \(catalog.title)", "", "Generated from the spec of \(catalog.citation). Do not edit.", ""]
        if !catalog.notes.isEmpty {
            lines += ["## Notes", ""] + catalog.notes.map { "- \(cell($0))" } + [""]
        }
        lines += ["## Interfaces", "", "| code | 名称 | name | served by | reached at | request | response |", "|---|---|---|---|---|---|---|"]
        for interface in catalog.interfaces {
            let reach = interface.published
                ? [interface.path.map { "\(interface.method ?? "POST") `\($0)`" }, interface.command.map { "TCP \($0)" }].compactMap { $0 }.joined(separator: ", ")
                : "not published"
            lines.append("| \(interface.code ?? "—") | \(cell(interface.label)) | `\(interface.name)` | \(interface.server) | \(reach) | \(link(interface.request, interface.requestIsList)) | \(link(interface.response, interface.responseIsList)) |")
        }
        lines += ["", "## Tables", ""]
        for schema in catalog.tables {
            lines += ["### \(schema.source) \(schema.label) (`\(schema.name)`)", ""]
            if let note = schema.note { lines += ["> \(cell(note))", ""] }
            lines += ["| 属性 | 名称 | 数据类型 | 字符长度 | 必须 | 说明 |", "|---|---|---|---|---|---|"]
            for field in schema.fields {
                let remarks = field.remarks + (field.note.map { ["*\($0)*"] } ?? [])
                lines.append("| `\(field.name)` | \(cell(field.label)) | \(cell(field.type.documentName)) | \(field.lengthColumn) | \(field.required ? "是" : "否") | \(cell(remarks.isEmpty ? "—" : remarks.joined(separator: " "))) |")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    private func link(_ schema: ObjectSchema?, _ list: Bool) -> String {
        guard let schema else { return "—" }
        let name = "[\(schema.name)](#\(anchor(schema)))"
        return list ? "list of \(name)" : name
    }

    private func anchor(_ schema: ObjectSchema) -> String {
        "\(schema.source) \(schema.label) (\(schema.name))".lowercased().filter { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" }
            .replacingOccurrences(of: " ", with: "-")
    }

    /// Text safe inside a table cell.
    private func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
