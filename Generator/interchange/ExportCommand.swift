import Foundation
import InterchangeCompiler
import InterchangeRuntime

/// `interchange export jsonschema PROTOCOL --out DIR`.
enum ExportCommand {
    static let usage = """
        usage: interchange export jsonschema PROTOCOL --out DIR

        Writes one JSON Schema (2020-12) per table (DIR/<name>.schema.json) and per interface
        request and response (DIR/interfaces/<name>.request.schema.json), with maxLength,
        required, enum, pattern, the Chinese label as description and x-source naming the table.
        Exit status: 0 ok, 1 unknown protocol, 2 usage or I/O error.
        """

    static func run(_ arguments: inout Arguments) throws -> ExitStatus {
        if arguments.wantsHelp {
            print(usage)
            return .ok
        }
        guard let out = try arguments.option("--out") else { throw UsageError("--out DIR is required") }
        let positionals = try arguments.positionals()
        guard positionals.count == 2, positionals[0] == "jsonschema" else { throw UsageError("expected: jsonschema PROTOCOL") }
        guard let catalog = bundledCatalogs[positionals[1].lowercased()] else {
            printError("error: unknown protocol '\(positionals[1])'; bundled: \(bundledCatalogs.keys.sorted().joined(separator: ", "))")
            return .invalidInput
        }
        let files = JSONSchemaExport(catalog: catalog).files.map { file in
            GeneratedFile(path: file.path, contents: JSONWriter().string(file.schema) + "\n")
        }
        do {
            try SpecFiles.write(files, to: out)
        } catch {
            printError("error: cannot write to '\(out)': \(error.localizedDescription)")
            return .usageOrIO
        }
        printError("wrote \(files.count) schemas to \(out)")
        return .ok
    }
}
