import DB4403
import DB4403Wire
import InterchangeRuntime
import Synchronization
import TestSupport
import Testing
import Youxing
import YouxingWire

/// The documents' own request examples that match their tables (DB4403 Annex D, Youxing),
/// sent by a client through the protocol's dispatcher: the handler receives exactly the
/// business data of the example, number texts and member order included.
@Suite struct DocumentExampleDispatchTests {
    struct Case: Sendable, CustomStringConvertible {
        let example: ExampleFixtures.Example
        let fixtures: ExampleFixtures
        let interface: InterfaceSchema
        /// The example's business data, one value per request object.
        let data: @Sendable (JSONValue) -> [JSONValue]
        let binding: @Sendable () -> any ProtocolBinding & ClientBinding
        var description: String { example.fixture }
    }

    /// Request examples whose expected diagnostics are empty: those the document gets right.
    static func clean(_ folder: String, _ catalog: ProtocolCatalog, data: @escaping @Sendable (JSONValue) -> [JSONValue],
                      binding: @escaping @Sendable () -> any ProtocolBinding & ClientBinding) -> [Case] {
        let fixtures = ExampleFixtures(folder)
        return fixtures.examples.compactMap { example in
            guard example.isRequest, (try? fixtures.expected(for: example))?.isEmpty == true,
                let interface = catalog.interface(named: example.interface),
                interface.transports != ["tcp"]  // TCP-only interfaces are answered by the sessions
            else { return nil }
            return Case(example: example, fixtures: fixtures, interface: interface, data: data, binding: binding)
        }
    }

    static let cases: [Case] =
        clean("DB4403/AnnexD", db4403Catalog, data: { envelope in
            if case .array(let objects)? = envelope["data"] { return objects }
            return []
        }, binding: { DB4403Binding() })
        + clean("Partners/Youxing", youxingCatalog, data: { [$0] }, binding: { YouxingBinding(key: "1234567890abcdef") })

    @Test func enoughExamplesAreClean() {
        // 23 of Annex D's request examples over https and 5 of Youxing's match their tables.
        #expect(Self.cases.filter { $0.example.fixture.hasPrefix("D") }.count == 23)
        #expect(Self.cases.count == 23 + 5)
    }

    @Test(arguments: cases)
    func exampleReachesItsHandlerUnaltered(_ testCase: Case) async throws {
        let interface = testCase.interface
        let sent = testCase.data(try testCase.fixtures.value(testCase.example))
        let received = Mutex<[JSONValue]>([])
        let route = Route(interface: interface) { data, _ in
            if let data { received.withLock { $0.append(data) } }
            return Samples.response(for: interface)
        }
        let binding = testCase.binding()
        let server = Dispatcher(binding: binding, routes: [route], now: { 1_714_521_661 })
        let tokens = TokenCache(defaultLifetimeSeconds: 7200, now: { 0 }, fetch: { ("94b879e509a8e20821c7587aad53c19f", nil) })
        let core = ClientCore(transport: InMemoryTransport(dispatcher: server), binding: binding, tokens: tokens, now: { 1_714_521_661 })
        let request: JSONValue? = interface.request == nil ? nil : (interface.requestIsList || sent.count != 1 ? .array(sent) : sent[0])
        _ = try await core.call(interface, request)
        #expect(received.withLock { $0 } == (interface.request == nil ? [] : sent))
    }
}
