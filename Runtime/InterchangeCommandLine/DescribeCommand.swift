import InterchangeCompiler
import InterchangeRuntime

/// `interchange describe PROTOCOL [NAME]`: a protocol's tables, or one table laid out as
/// the document lays it out (属性, 名称, 数据类型, 字符长度, 必须, 说明).
enum DescribeCommand {
    static let usage = """
        usage: interchange describe [--specs DIR] PROTOCOL [NAME]

        PROTOCOL: a known protocol (`interchange list` names them).
        NAME: a table's document name (parkInfo), Swift name (ParkInfo) or number (表3),
        or an interface's code (1001), spec name (login) or label.
        Without NAME, lists the protocol's tables, code lists and interfaces.
        --specs DIR describes the protocol as the specs in DIR define it now (no rebuild).
        Exit status: 0 ok, 1 unknown protocol or name, 2 usage error.
        """

    static func run(_ arguments: inout Arguments, _ tool: InterchangeTool) throws -> ExitStatus {
        if arguments.wantsHelp {
            tool.console.out(usage)
            return .ok
        }
        let specs = try arguments.option("--specs")
        let positionals = try arguments.positionals()
        guard (1...2).contains(positionals.count) else { throw UsageError("expected PROTOCOL [NAME]") }
        guard let catalog = try tool.catalog(positionals[0], specs: specs) else { return .invalidInput }
        guard positionals.count == 2 else {
            tool.console.out(overview(catalog))
            return .ok
        }
        if let schema = catalog.table(named: positionals[1]) {
            tool.console.out(table(schema, in: catalog))
        } else if let interface = catalog.interface(named: positionals[1]) {
            tool.console.out(describe(interface, in: catalog))
        } else {
            tool.console.error("error: \(catalog.name) has no table or interface named '\(positionals[1])'; run `interchange describe \(positionals[0])` for the list")
            return .invalidInput
        }
        return .ok
    }

    static func overview(_ catalog: ProtocolCatalog) -> String {
        var lines = ["\(catalog.name): \(catalog.title)", ""]
        lines += TextTable(
            header: ["表", "名称", "Name", "Swift"],
            rows: catalog.tables.map { [$0.source, $0.label, $0.name, catalog.swiftName(of: $0) ?? "—"] }
        ).lines
        if !catalog.codeLists.isEmpty {
            lines += ["", "Code lists:"]
            lines += catalog.codeLists.map { "  \($0.source) \($0.label) (\($0.name)): \($0.values.count) codes" }
        }
        if !catalog.interfaces.isEmpty {
            lines += ["", "Interfaces:"]
            lines += TextTable(
                header: ["code", "名称", "name", "served by", "transports"],
                rows: catalog.interfaces.map { [$0.code ?? "—", $0.label, $0.name, $0.server, $0.transports.joined(separator: ", ")] }
            ).lines.map { "  " + $0 }
        }
        if !catalog.notes.isEmpty {
            lines += ["", "Notes:"] + catalog.notes.map { "  - \($0)" }
        }
        return lines.joined(separator: "\n")
    }

    static func describe(_ interface: InterfaceSchema, in catalog: ProtocolCatalog) -> String {
        let server = catalog.roles.first { $0.name == interface.server }.map { "\($0.name) (\($0.label))" } ?? interface.server
        var lines = [
            "\(catalog.document(citing: interface.source)) \(interface.code.map { "\($0) " } ?? "")\(interface.label) (\(interface.name)) [\(interface.source)]", "",
            "served by:   \(server)" + (interface.direction.map { ", \($0)" } ?? ""),
            "transports:  \(interface.transports.joined(separator: ", "))",
        ]
        if let path = interface.path { lines.append("path:        \(interface.method.map { "\($0) " } ?? "")\(path)") }
        if let command = interface.command { lines.append("tcp command: \(command)") }
        if let note = interface.note { lines.append("note:        \(note)") }
        for (title, schema) in [("request", interface.request), ("response", interface.response)] {
            guard let schema else { continue }
            lines += ["", "\(title):", table(schema, in: catalog)]
        }
        return lines.joined(separator: "\n")
    }

    static func table(_ schema: ObjectSchema, in catalog: ProtocolCatalog) -> String {
        var lines = ["\(catalog.cite(schema.source)) \(schema.label) (\(schema.name))", ""]
        let rows = schema.fields.map { field -> [String] in
            let remarks = field.remarks
            return [field.name, field.label, field.type.documentName, field.lengthColumn, field.required ? "是" : "否",
                    remarks.isEmpty ? "—" : remarks.joined(separator: " ")]
        }
        lines += TextTable(header: ["属性", "名称", "数据类型", "字符长度", "必须", "说明"], rows: rows).lines
        for rule in schema.rules {
            switch rule {
            case .atLeastOne(_, let text), .requiredIf(_, _, _, let text): lines.append("规则: \(text)")
            }
        }
        let notes = schema.fields.compactMap { field in field.note.map { "  - \(field.name): \($0)" } }
        if schema.note != nil || !notes.isEmpty {
            lines += ["", "Notes:"] + (schema.note.map { ["  - \($0)"] } ?? []) + notes
        }
        return lines.joined(separator: "\n")
    }
}

/// Columns aligned for a terminal, counting CJK characters as two columns wide.
struct TextTable {
    let header: [String]
    let rows: [[String]]

    var lines: [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { displayWidth($0[column]) }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - displayWidth(cell) + 2)
            }.joined()
        }
    }

    private func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            width + (scalar.value >= 0x1100 && scalar.properties.isEmojiPresentation == false && scalar.value != 0x2014 ? 2 : 1)
        }
    }
}
