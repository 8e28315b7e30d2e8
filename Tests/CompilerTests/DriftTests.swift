import Foundation
import InterchangeCompiler
import Testing

/// Generated/ is committed; it must be exactly what Specs/ generates.
@Suite struct DriftTests {
    static let refresh = "Refresh it with: swift run interchange generate --specs Specs --out Generated"

    @Test func generatedMatchesSpecs() throws {
        let specs = repositoryRoot.appendingPathComponent("Specs").path
        let sources = try SpecFiles.sources(underRoot: specs)
        let (models, diagnostics) = Compiler().check(sources)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let files = Compiler().generate(models)
        #expect(!files.isEmpty)
        for file in files {
            expectSameText(file.contents, asFile: "Generated/\(file.path)", refresh: Self.refresh)
        }
        let committed = try FileManager.default.subpathsOfDirectory(atPath: repositoryRoot.appendingPathComponent("Generated").path)
            .filter { $0.hasSuffix(".swift") }
        let stale = Set(committed).subtracting(files.map(\.path))
        #expect(stale.isEmpty, "Generated/ holds files no spec generates: \(stale.sorted()). \(Self.refresh), then delete them.")
    }

    @Test func writingIsSkippedWhenNothingChanged() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("interchange-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = GeneratedFile(path: "Demo/Types.swift", contents: "let x = 1\n")
        #expect(try SpecFiles.write([file], to: directory.path) == ["Demo/Types.swift"])
        #expect(try SpecFiles.write([file], to: directory.path) == [])
        #expect(try SpecFiles.write([GeneratedFile(path: "Demo/Types.swift", contents: "let x = 2\n")], to: directory.path) == ["Demo/Types.swift"])
    }

    @Test func outputNamesFollowSpecNames() {
        #expect(Compiler.outputPath(forSpec: "DB4403/entities.yaml", flat: false) == "DB4403/Entities.swift")
        #expect(Compiler.outputPath(forSpec: "DB4403/entities.yaml", flat: true) == "DB4403_Entities.swift")
        #expect(Compiler.outputPath(forSpec: "EVCS/charge_orders.yaml", flat: false) == "EVCS/ChargeOrders.swift")
    }
}
