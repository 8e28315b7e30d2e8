import Foundation
import InterchangeCompiler
import InterchangeRuntime

/// `interchange check [DIR...] [--format text|json]`: lints spec folders.
enum CheckCommand {
    static let usage = """
        usage: interchange check [DIR...] [--format text|json]

        Loads and checks every *.yaml under each DIR (default: Specs), one protocol per folder,
        and prints every problem as `file:line:column: error: message`.
        Exit status: 0 no errors, 1 errors in the specs, 2 usage or I/O error.
        """

    static func run(_ arguments: inout Arguments, _ tool: InterchangeTool) throws -> ExitStatus {
        if arguments.wantsHelp {
            tool.console.out(usage)
            return .ok
        }
        let format = try OutputFormat(try arguments.option("--format"))
        var roots = try arguments.positionals()
        if roots.isEmpty { roots = ["Specs"] }
        var diagnostics: [Diagnostic] = []
        var protocols = 0
        var files = 0
        for root in roots {
            guard let sources = SpecFiles.sourcesOrReport(underRoot: root, report: { tool.console.error($0) }) else { return .usageOrIO }
            let result = Compiler().check(sources)
            diagnostics += result.diagnostics
            protocols += result.models.count
            files += sources.count
        }
        switch format {
        case .json:
            tool.console.out(JSONWriter().string(.array(diagnostics.map(\.json))))
        case .text:
            for diagnostic in diagnostics { tool.console.out(diagnostic.description) }
            let errors = diagnostics.filter { $0.severity == .error }.count
            tool.console.error(errors == 0 ? "checked \(files) spec files, \(protocols) protocols: no errors" : counted(errors, "error"))
        }
        return diagnostics.containsErrors ? .invalidInput : .ok
    }
}

/// `--format text|json`.
enum OutputFormat {
    case text, json

    init(_ value: String?) throws {
        switch value {
        case nil, "text": self = .text
        case "json": self = .json
        case let other?: throw UsageError("--format must be text or json, not '\(other)'")
        }
    }
}
