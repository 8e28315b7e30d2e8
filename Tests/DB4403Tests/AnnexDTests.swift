import DB4403
import InterchangeRuntime
import TestSupport
import Testing

/// Every Annex D example, validated against 表31/表32 and its interface's tables.
@Suite struct AnnexDTests {
    static let fixtures = ExampleFixtures("DB4403/AnnexD")

    @Test func everyExampleIsAFixture() {
        #expect(Self.fixtures.examples.count == 88)
    }

    @Test(arguments: fixtures.examples)
    func exampleDiagnosticsAreAsExpected(_ example: ExampleFixtures.Example) throws {
        let value = try Self.fixtures.value(example)
        var found = (example.isRequest ? RequestEnvelope.validate(value) : ResponseEnvelope.validate(value)).map(\.description)
        let interface = try #require(db4403Catalog.interface(named: example.interface))
        if let model = example.isRequest ? interface.request : interface.response, let data = value["data"] {
            found += ExampleFixtures.diagnostics(of: data, against: model, at: [.key("data")])
        }
        let actual = found.map { $0 + "\n" }.joined()
        guard let expected = try Self.fixtures.expected(for: example, actual: actual) else { return }
        #expect(actual == expected, "\(example.fixture): rerun with INTERCHANGE_RECORD=1 if the change is intended")
    }
}
