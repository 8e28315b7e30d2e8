import InterchangeCompiler
import InterchangeRuntime

/// `interchange diff OLD NEW`: what a revised spec breaks, for peers on the wire and for Swift
/// code compiled against the generated modules.
enum DiffCommand {
    static let usage = """
        usage: interchange diff OLD NEW [--protocol P] [--format text|json|markdown] [--fail-on wire|source|none]
               interchange diff NEW --against git:REF [...]

        OLD and NEW are spec folders, or git:REF for the folder --specs DIR (default Specs) as
        git revision REF holds it; with --against, OLD is NEW as revision REF holds it.
        Every change is classified:
          wire-breaking    a peer speaking the other version is refused or misread: an interface
                           removed or moved, a field removed or renamed without an alias, a type
                           changed, a length or range narrowed, optional become required, a value
                           removed or its meaning changed, an envelope or signing setting changed;
          source-breaking  Swift code must change: a module, type, property or case renamed, a
                           table or code list removed;
          additive         new interfaces, tables, optional fields and values, widened limits;
          editorial        labels, descriptions, notes, sources.
        Each change names its element, the document's table and both sides' file:line:column.
        --format markdown writes a changelog; json is for CI. --protocol limits the report to P.
        Exit status: 0 nothing at or above --fail-on (default wire), 1 such a change or specs
        with errors, 2 usage or I/O error.
        """

    static func run(_ arguments: inout Arguments, _ tool: InterchangeTool) throws -> ExitStatus {
        if arguments.wantsHelp {
            tool.console.out(usage)
            return .ok
        }
        let format = try arguments.option("--format") ?? "text"
        guard ["text", "json", "markdown"].contains(format) else { throw UsageError("--format must be text, json or markdown, not '\(format)'") }
        let failOn = try failureLevel(try arguments.option("--fail-on"))
        let only = try arguments.option("--protocol")
        let against = try arguments.option("--against")
        let folder = try arguments.option("--specs") ?? "Specs"
        let positionals = try arguments.positionals()
        let sides: (old: String, new: String)
        if let against {
            guard positionals.count == 1 else { throw UsageError("expected NEW with --against") }
            guard against.hasPrefix("git:") else { throw UsageError("--against takes git:REF, not '\(against)'") }
            sides = (against, positionals[0])
        } else {
            guard positionals.count == 2 else { throw UsageError("expected OLD NEW") }
            sides = (positionals[0], positionals[1])
        }
        /// A side's spec files: a folder, or `git:REF` of the folder (`--against`: of NEW).
        func sources(_ side: String) throws -> [SpecSource]? {
            guard side.hasPrefix("git:") else { return SpecFiles.sourcesOrReport(underRoot: side, report: { tool.console.error($0) }) }
            let ref = String(side.dropFirst(4))
            guard !ref.isEmpty else { throw UsageError("git: needs a revision, e.g. git:HEAD~1") }
            let revision = try GitRevision(ref, of: against == nil || side != sides.old ? folder : sides.new)
            defer { revision.remove() }
            return try revision.sources()
        }
        guard let oldSources = try sources(sides.old), let newSources = try sources(sides.new) else { return .usageOrIO }
        guard let old = check(oldSources, tool), let new = check(newSources, tool) else { return .invalidInput }
        let wanted = only?.lowercased()
        let changes = SpecDiff.changes(from: old, to: new).filter { wanted == nil || $0.protocolName.lowercased() == wanted }
        switch format {
        case "json": tool.console.out(JSONWriter().string(json(changes)))
        case "markdown": tool.console.out(markdown(changes, from: sides.old, to: sides.new))
        default:
            for change in changes { tool.console.out(text(change)) }
            tool.console.out(summary(changes))
        }
        guard let failOn else { return .ok }
        return changes.contains { $0.level >= failOn } ? .invalidInput : .ok
    }

    private static func failureLevel(_ option: String?) throws -> SpecChange.Level? {
        switch option {
        case nil, "wire": return .wire
        case "source": return .source
        case "none": return nil
        case let other?: throw UsageError("--fail-on must be wire, source or none, not '\(other)'")
        }
    }

    /// The checked models of `sources`; nil, with the problems printed, when they have errors.
    private static func check(_ sources: [SpecSource], _ tool: InterchangeTool) -> [ProtocolModel]? {
        let checked = Compiler().check(sources)
        for diagnostic in checked.diagnostics { tool.console.error(diagnostic.description) }
        return checked.diagnostics.containsErrors ? nil : checked.models
    }

    private static func place(_ location: SourceLocation) -> String { "\(location.file):\(location.line):\(location.column)" }

    /// `NEW:line:col: wire-breaking: EVCS element [表]: message (old: OLD:line:col)`.
    static func text(_ change: SpecChange) -> String {
        let source = change.source.map { " [\($0)]" } ?? ""
        let here = (change.new ?? change.old).map { place($0) + ": " } ?? ""
        let was = change.new != nil ? change.old.map { " (old: \(place($0)))" } ?? "" : ""
        return "\(here)\(change.level.name): \(change.protocolName) \(change.element)\(source): \(change.message)\(was)"
    }

    static func summary(_ changes: [SpecChange]) -> String {
        let counts = SpecChange.Level.allCases.reversed().map { level in "\(changes.count { $0.level == level }) \(level.name)" }
        return "\(counted(changes.count, "change")): \(counts.joined(separator: ", "))"
    }

    static func json(_ changes: [SpecChange]) -> JSONValue {
        func location(_ location: SourceLocation?) -> JSONValue {
            location.map { ["file": .string($0.file), "line": .number(ExactNumber($0.line)), "column": .number(ExactNumber($0.column))] } ?? .null
        }
        var summary = JSONObject()
        for level in SpecChange.Level.allCases.reversed() { summary.append(level.name, .number(ExactNumber(changes.count { $0.level == level }))) }
        return [
            "changes": .array(changes.map { change in
                [
                    "level": .string(change.level.name), "protocol": .string(change.protocolName), "element": .string(change.element),
                    "source": change.source.map(JSONValue.string) ?? .null, "message": .string(change.message),
                    "old": location(change.old), "new": location(change.new),
                ]
            }),
            "summary": .object(summary),
        ]
    }

    static func markdown(_ changes: [SpecChange], from old: String, to new: String) -> String {
        var lines = ["# Spec changes", "", "From `\(old)` to `\(new)`: \(summary(changes)).", ""]
        for level in SpecChange.Level.allCases.reversed() {
            let these = changes.filter { $0.level == level }
            guard !these.isEmpty else { continue }
            lines += ["## \(level.name.prefix(1).uppercased() + level.name.dropFirst())", ""]
            lines += these.map { change in
                "- **\(change.protocolName)** `\(change.element)`\(change.source.map { " (\($0))" } ?? ""): \(change.message)"
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}
