import InterchangeCompiler
import InterchangeRuntime

/// `interchange list [PROTOCOL]`: the interfaces of one or every bundled protocol.
enum ListCommand {
    static let usage = """
        usage: interchange list [PROTOCOL]
               interchange list --specs DIR PROTOCOL

        Lists each interface: code, name, spec name, the role that serves it, transports and
        path or TCP command; every known protocol's without PROTOCOL. --specs DIR lists the
        protocol as the specs in DIR define it now. Exit status: 0 ok, 1 unknown protocol or
        invalid specs, 2 usage error.
        """

    static func run(_ arguments: inout Arguments, _ tool: InterchangeTool) throws -> ExitStatus {
        if arguments.wantsHelp {
            tool.console.out(usage)
            return .ok
        }
        let specs = try arguments.option("--specs")
        let positionals = try arguments.positionals()
        guard positionals.count <= 1 else { throw UsageError("expected at most one PROTOCOL") }
        if specs != nil, positionals.isEmpty { throw UsageError("--specs needs a PROTOCOL") }
        let names = positionals.isEmpty ? tool.protocols.keys.sorted() : [positionals[0]]
        for name in names {
            guard let catalog = try tool.catalog(name, specs: specs) else { return .invalidInput }
            tool.console.out("\(catalog.name): \(catalog.interfaces.count) interfaces")
            let rows = catalog.interfaces.map { interface -> [String] in
                let reach = [interface.path.map { "\(interface.method ?? "POST") \($0)" }, interface.command.map { "tcp \($0)" }]
                    .compactMap { $0 }.joined(separator: ", ")
                return [interface.code ?? "—", interface.label, interface.name, interface.server,
                        interface.published ? (reach.isEmpty ? "—" : reach) : "not published"]
            }
            tool.console.out(TextTable(header: ["code", "名称", "name", "served by", "reached at"], rows: rows).lines.map { "  " + $0 }.joined(separator: "\n"))
        }
        return .ok
    }
}
