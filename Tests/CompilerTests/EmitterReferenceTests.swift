import InterchangeCompiler
import Testing

/// A spec that uses every construct of the language (Tests/Fixtures/ReferenceSpecs), and the
/// Swift it must produce (References/, compiled into this target and exercised by
/// ReferenceBehaviourTests).
@Suite struct EmitterReferenceTests {
    static let refresh = """
        If the change is intended, refresh the references with:
          swift run interchange generate --specs Tests/Fixtures/ReferenceSpecs --out Tests/CompilerTests/References
        """

    @Test func generatedSwiftMatchesTheReference() throws {
        let sources = try SpecFiles.sources(underRoot: repositoryRoot.appendingPathComponent("Tests/Fixtures/ReferenceSpecs").path)
        let result = Compiler().check(sources)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let files = Compiler().generate(result.models)
        #expect(files.map(\.path) == ["Demo/Protocol.swift", "Demo/Types.swift"])
        for file in files {
            expectSameText(file.contents, asFile: "Tests/CompilerTests/References/\(file.path)", refresh: Self.refresh)
        }
    }
}
