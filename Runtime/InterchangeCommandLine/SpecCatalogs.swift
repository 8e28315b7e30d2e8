import InterchangeCompiler
import InterchangeRuntime

extension InterchangeTool {
    /// The catalog of protocol `name`: the registered one, or with `specs` the one that spec
    /// folder defines as it is now, compiled on the spot into schemas (an edited table, a
    /// revised standard, your own API). Nil, with the reason printed, for an unknown protocol
    /// or specs with errors (exit 1).
    func catalog(_ name: String, specs: String?) throws -> ProtocolCatalog? {
        guard let specs else {
            guard let descriptor = protocols[name.lowercased()] else {
                console.error("error: unknown protocol '\(name)'; known: \(knownProtocols)")
                return nil
            }
            return descriptor.catalog
        }
        guard let sources = SpecFiles.sourcesOrReport(underRoot: specs, report: { console.error($0) }) else {
            throw UsageError("cannot read specs under '\(specs)'")
        }
        let checked = Compiler().check(sources)
        for diagnostic in checked.diagnostics { console.error(diagnostic.description) }
        if checked.diagnostics.containsErrors { return nil }
        guard let model = checked.models.first(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw UsageError("no protocol '\(name)' under '\(specs)'; found: \(checked.models.map(\.name).joined(separator: ", "))")
        }
        return LoadedProtocol.catalog(model)
    }
}
