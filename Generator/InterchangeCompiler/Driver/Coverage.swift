/// Which spec element covers each table or clause a protocol's document has, against the
/// expected list kept beside the specs (`Specs/<protocol>/coverage.txt`, one source a line,
/// `#` comments).
package struct Coverage: Sendable {
    /// One expected source and what covers it (empty: not covered).
    package struct Entry: Sendable, Hashable {
        package let source: String
        /// The document the source belongs to: the protocol's, or another one a `citation:`
        /// names (`T/CEC 102.3—2016`) when the source begins with it.
        package let document: String
        package let coveredBy: [String]
    }

    package let protocolName: String
    package let entries: [Entry]
    /// The documents the entries belong to, the protocol's first.
    package let documents: [String]

    package var missing: [Entry] { entries.filter(\.coveredBy.isEmpty) }

    /// Matches `expected` sources against the model's elements. An element covers a source
    /// its `source` lists ("表34, 表35"), or names in parentheses ("附录 2 (6.2)").
    package init(model: ProtocolModel, expected: [String]) {
        var claims: [(sources: [String], element: String)] = []
        claims += model.types.map { (Coverage.sources($0.citedSource), "type \($0.name)") }
        claims += model.codeLists.map { (Coverage.sources($0.citedSource), "code list \($0.swiftName)") }
        claims += model.interfaces.map { (Coverage.sources($0.citedSource), "interface \($0.code ?? $0.name)") }
        if !model.baseTypes.isEmpty { claims.append((["表2"], "base types")) }
        claims += model.covers.map { ([$0], "protocol settings and notes") }
        protocolName = model.name
        let others = Set(model.types.compactMap(\.citation) + model.interfaces.compactMap(\.citation)).sorted()
        documents = [model.citation] + others
        entries = expected.map { source in
            var seen = Set<String>()
            let covering = claims.filter { $0.sources.contains(source) }.map(\.element).filter { seen.insert($0).inserted }
            let document = others.first { source.hasPrefix($0 + " ") } ?? model.citation
            return Entry(source: source, document: document, coveredBy: covering)
        }
    }

    /// The expected sources in a coverage list's text.
    package static func expectedSources(_ text: String) -> [String] {
        text.split(separator: "\n").map { line in
            String(line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "").trimmingSpaces
        }.filter { !$0.isEmpty }
    }

    /// "表9, 表A.4" → ["表9", "表A.4"]; "附录 2 (6.2)" → ["附录 2 (6.2)", "6.2"].
    static func sources(_ text: String) -> [String] {
        text.split(separator: ",").flatMap { part -> [String] in
            let item = String(part).trimmingSpaces
            guard let open = item.firstIndex(of: "("), item.hasSuffix(")") else { return [item] }
            return [item, String(item[item.index(after: open)..<item.index(before: item.endIndex)])]
        }
    }
}
