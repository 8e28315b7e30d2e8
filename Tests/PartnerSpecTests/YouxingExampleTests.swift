import InterchangeRuntime
import TestSupport
import Testing
import Youxing

/// Every Youxing request and response example (its plain `data`), validated against its tables.
@Suite struct YouxingExampleTests {
    static let fixtures = ExampleFixtures("Partners/Youxing")

    @Test func everyExampleIsAFixture() {
        #expect(Self.fixtures.examples.count == 14)
    }

    @Test(arguments: fixtures.examples)
    func exampleDiagnosticsAreAsExpected(_ example: ExampleFixtures.Example) throws {
        let interface = try #require(youxingCatalog.interface(named: example.interface))
        let model = try #require(example.isRequest ? interface.request : interface.response)
        let actual = ExampleFixtures.diagnostics(of: try Self.fixtures.value(example), against: model).map { $0 + "\n" }.joined()
        guard let expected = try Self.fixtures.expected(for: example, actual: actual) else { return }
        #expect(actual == expected, "\(example.fixture): rerun with INTERCHANGE_RECORD=1 if the change is intended")
    }
}
