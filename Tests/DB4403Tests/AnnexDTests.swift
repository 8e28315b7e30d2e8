import DB4403
import Foundation
import InterchangeRuntime
import Testing

/// Every readable Annex D example, validated against 表31/表32 and its interface's tables.
/// The expected diagnostics are checked in beside each fixture; set INTERCHANGE_RECORD=1 to
/// rewrite them after a deliberate change (and review the diff).
@Suite struct AnnexDTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/DB4403/AnnexD")

    struct Example: Sendable, CustomStringConvertible {
        let fixture: String
        let code: String
        let isRequest: Bool
        var description: String { fixture }
    }

    static let examples: [Example] = {
        guard let bytes = try? Data(contentsOf: folder.appendingPathComponent("manifest.json")),
            case .array(let entries)? = try? JSONReader().read(Array(bytes))
        else { return [] }
        return entries.compactMap { entry in
            guard case .string(let fixture)? = entry["fixture"], case .string(let code)? = entry["code"],
                case .string(let kind)? = entry["kind"]
            else { return nil }
            return Example(fixture: fixture, code: code, isRequest: kind == "request")
        }
    }()

    /// The diagnostics of one example, one per line.
    static func diagnose(_ example: Example) throws -> String {
        let value = try JSONReader().read(Array(try Data(contentsOf: folder.appendingPathComponent(example.fixture))))
        var found = (example.isRequest ? RequestEnvelope.validate(value) : ResponseEnvelope.validate(value)).map(\.description)
        let interface = try #require(DB4403.catalog.interface(named: example.code))
        if let model = example.isRequest ? interface.request : interface.response, case .array(let data)? = value["data"] {
            for (index, element) in data.enumerated() {
                let options = ValidationOptions(rootPath: [.key("data"), .index(index)])
                found += model.validate(element, options: options).map(\.description)
            }
        }
        return found.map { $0 + "\n" }.joined()
    }

    @Test func thereAreExamples() {
        #expect(Self.examples.count == 88)
    }

    @Test(arguments: examples)
    func exampleDiagnosticsAreAsExpected(_ example: Example) throws {
        let actual = try Self.diagnose(example)
        let expectedURL = Self.folder.appendingPathComponent(example.fixture.replacingOccurrences(of: ".json", with: ".expected"))
        if ProcessInfo.processInfo.environment["INTERCHANGE_RECORD"] == "1" {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected, "\(example.fixture): rerun with INTERCHANGE_RECORD=1 if the change is intended")
    }
}
