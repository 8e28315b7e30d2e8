import InterchangeCompiler

/// `interchange generate --specs DIR --out DIR`: compiles specs into Swift.
enum GenerateCommand {
    static let usage = """
        usage: interchange generate --specs DIR --out DIR [--flat]

        Compiles every *.yaml under --specs (one protocol per folder) into Swift under --out,
        one file per spec file, writing only files whose contents change.
        The bundled modules are refreshed with: interchange generate --specs Specs --out Generated
        Exit status: 0 ok, 1 invalid specs, 2 usage or I/O error.
        """

    static func run(_ arguments: inout Arguments, _ tool: InterchangeTool) throws -> ExitStatus {
        if arguments.wantsHelp {
            tool.console.out(usage)
            return .ok
        }
        guard let specs = try arguments.option("--specs"), let out = try arguments.option("--out") else {
            throw UsageError("--specs and --out are required")
        }
        let flat = arguments.flag("--flat")
        guard try arguments.positionals().isEmpty else { throw UsageError("unexpected arguments") }
        return GenerateJob.run(specRoot: specs, outputDirectory: out, flat: flat, report: { tool.console.error($0) })
    }
}
