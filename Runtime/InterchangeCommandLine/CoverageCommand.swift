import Foundation
import InterchangeCompiler
import InterchangeRuntime

/// `interchange coverage [PROTOCOL...]`: every source table or clause, and what covers it.
enum CoverageCommand {
    static let usage = """
        usage: interchange coverage [PROTOCOL...] [--specs DIR] [--format text|json]

        Lists every table and clause of each protocol's document (the expected list kept in
        Specs/<protocol>/coverage.txt) with the spec elements that cover it.
        Exit status: 0 all covered, 1 something is not covered (or the specs are invalid),
        2 usage or I/O error.
        """

    static func run(_ arguments: inout Arguments, _ tool: InterchangeTool) throws -> ExitStatus {
        if arguments.wantsHelp {
            tool.console.out(usage)
            return .ok
        }
        let root = try arguments.option("--specs") ?? "Specs"
        let format = try OutputFormat(try arguments.option("--format"))
        let wanted = Set(try arguments.positionals().map { $0.lowercased() })
        guard let sources = SpecFiles.sourcesOrReport(underRoot: root, report: { tool.console.error($0) }) else { return .usageOrIO }
        let (models, diagnostics) = Compiler().check(sources)
        guard !diagnostics.containsErrors else {
            for diagnostic in diagnostics { tool.console.error(diagnostic.description) }
            return .invalidInput
        }
        let selected = models.filter { wanted.isEmpty || wanted.contains($0.name.lowercased()) }
        guard wanted.isEmpty || selected.count == wanted.count else {
            tool.console.error("error: unknown protocol in \(wanted.sorted().joined(separator: ", ")); specs hold \(models.map(\.name).joined(separator: ", "))")
            return .usageOrIO
        }
        var reports: [Coverage] = []
        for model in selected {
            let folder = (model.protocolFile as NSString).deletingLastPathComponent
            let listPath = (root as NSString).appendingPathComponent((folder as NSString).appendingPathComponent("coverage.txt"))
            guard let text = try? String(contentsOfFile: listPath, encoding: .utf8) else {
                tool.console.error("error: \(listPath): missing: the expected list of \(model.name)'s tables and clauses")
                return .usageOrIO
            }
            reports.append(Coverage(model: model, expected: Coverage.expectedSources(text)))
        }
        switch format {
        case .json:
            tool.console.out(JSONWriter().string(.array(reports.map(json))))
        case .text:
            for report in reports {
                tool.console.out("\(report.protocolName): \(report.entries.count - report.missing.count) of \(report.entries.count) covered")
                // One table per source document when a protocol draws on several.
                for document in report.documents {
                    let entries = report.entries.filter { $0.document == document }
                    guard !entries.isEmpty else { continue }
                    let indent = report.documents.count > 1 ? "    " : "  "
                    if report.documents.count > 1 {
                        tool.console.out("  \(document): \(entries.count { !$0.coveredBy.isEmpty }) of \(entries.count) covered")
                    }
                    tool.console.out(TextTable(header: ["source", "covered by"], rows: entries.map {
                        [$0.source, $0.coveredBy.isEmpty ? "NOT COVERED" : $0.coveredBy.joined(separator: "; ")]
                    }).lines.map { indent + $0 }.joined(separator: "\n"))
                }
            }
        }
        return reports.contains { !$0.missing.isEmpty } ? .invalidInput : .ok
    }

    private static func json(_ report: Coverage) -> JSONValue {
        [
            "protocol": .string(report.protocolName),
            "entries": .array(report.entries.map {
                ["source": .string($0.source), "document": .string($0.document), "coveredBy": .array($0.coveredBy.map(JSONValue.string))]
            }),
            "missing": .array(report.missing.map { .string($0.source) }),
        ]
    }
}
