import Foundation
import InterchangeCompiler
import InterchangeRuntime

/// `interchange export jsonschema|openapi|markdown PROTOCOL`.
enum ExportCommand {
    static let usage = """
        usage: interchange export jsonschema [--specs DIR] PROTOCOL --out DIR
               interchange export openapi [--specs DIR] PROTOCOL [--out FILE]
               interchange export markdown [--specs DIR] PROTOCOL [--out FILE]

        jsonschema: one JSON Schema (2020-12) per table (DIR/<name>.schema.json) and per interface
        request and response (DIR/interfaces/<name>.request.schema.json), with maxLength,
        required, enum, pattern, the Chinese label as description and x-source naming the table.
        openapi: OpenAPI 3.1 of the http(s) interfaces, each in the protocol's envelope.
        markdown: a readable reference: notes, interfaces and every table.
        openapi and markdown print to standard output unless --out is given.
        --specs DIR exports the protocol as the specs in DIR define it now (no rebuild); the
        envelope is the registered protocol's of that name, if any.
        Exit status: 0 ok, 1 unknown protocol, 2 usage or I/O error.
        """

    static func run(_ arguments: inout Arguments, _ tool: InterchangeTool) throws -> ExitStatus {
        if arguments.wantsHelp {
            tool.console.out(usage)
            return .ok
        }
        let out = try arguments.option("--out")
        let specs = try arguments.option("--specs")
        let positionals = try arguments.positionals()
        guard positionals.count == 2, ["jsonschema", "openapi", "markdown"].contains(positionals[0]) else {
            throw UsageError("expected: jsonschema|openapi|markdown PROTOCOL")
        }
        guard let catalog = try tool.catalog(positionals[1], specs: specs) else { return .invalidInput }
        if positionals[0] != "jsonschema" {
            let envelope = tool.protocols[catalog.name.lowercased()]
            let text =
                positionals[0] == "openapi"
                ? JSONWriter().string(OpenAPIExport(catalog: catalog, envelope: envelope).document) : MarkdownExport(catalog: catalog).text
            guard let out else {
                tool.console.out(text)
                return .ok
            }
            do {
                try Data((text + "\n").utf8).write(to: URL(fileURLWithPath: out))
            } catch {
                tool.console.error("error: cannot write '\(out)': \(error.localizedDescription)")
                return .usageOrIO
            }
            return .ok
        }
        guard let out else { throw UsageError("--out DIR is required") }
        let files = JSONSchemaExport(catalog: catalog).files.map { file in
            GeneratedFile(path: file.path, contents: JSONWriter().string(file.schema) + "\n")
        }
        do {
            try SpecFiles.write(files, to: out)
        } catch {
            tool.console.error("error: cannot write to '\(out)': \(error.localizedDescription)")
            return .usageOrIO
        }
        tool.console.error("wrote \(files.count) schemas to \(out)")
        return .ok
    }
}
