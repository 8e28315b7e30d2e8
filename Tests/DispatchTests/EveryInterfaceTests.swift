import DB4403
import EVCS
import InterchangeRuntime
import TestSupport
import Testing
import Tomda
import Yinli
import Youxing

/// Every published interface of every protocol, through its protocol's dispatcher: a valid
/// request (a minimal sample of its table) is answered by a test handler with a sample of its
/// response table; an invalid one (its first required field of the wrong type) is refused with
/// the protocol's own code, as is one missing its first required field.
@Suite struct EveryInterfaceTests {
    static let secrets = EVCSSecrets(operatorID: "MA5DA0053", dataSecret: "1234567890abcdef", dataSecretIV: "1234567890abcdef", sigSecret: "1234567890abcdef")

    struct Case: Sendable, CustomStringConvertible {
        let protocolName: String
        let interface: InterfaceSchema
        let binding: @Sendable () throws -> any ProtocolBinding & ClientBinding
        /// The code the protocol answers an invalid business field with.
        let invalidCode: String
        var description: String { "\(protocolName) \(interface.code ?? interface.name)" }
    }

    static let cases: [Case] = {
        var cases: [Case] = []
        func add(_ name: String, _ catalog: ProtocolCatalog, code: String, where include: (InterfaceSchema) -> Bool = { _ in true },
                 _ binding: @escaping @Sendable () throws -> any ProtocolBinding & ClientBinding) {
            for interface in catalog.interfaces where interface.published && include(interface) {
                cases.append(Case(protocolName: name, interface: interface, binding: binding, invalidCode: code))
            }
        }
        add("DB4403", DB4403.catalog, code: "1005", where: { $0.transports.contains("https") }) { DB4403Binding() }
        add("EVCS", EVCS.catalog, code: "4004") { try EVCSBinding(secrets: secrets) }
        add("Youxing", Youxing.catalog, code: "303") { YouxingBinding(key: "1234567890abcdef") }
        add("Tomda", Tomda.catalog, code: "1401", where: { $0.server == "thirdParty" }) { TomdaPushBinding() }
        add("Tomda", Tomda.catalog, code: "1401", where: { $0.server == "tomda" }) { TomdaAPIBinding() }
        add("Yinli", Yinli.catalog, code: "400") { YinliBinding() }
        return cases
    }()

    @Test func everyPublishedInterfaceIsCovered() {
        // DB4403: 52 interfaces, 49 over https (1004–1006 are TCP only); EVCS 8; Youxing 9;
        // Tomda's seven pushes and its own ten calls; Yinli's one published interface.
        #expect(Self.cases.count == 49 + 8 + 9 + 7 + 10 + 1)
    }

    @Test(arguments: cases)
    func validAndInvalidRequests(_ testCase: Case) async throws {
        let interface = testCase.interface
        let route = Route(interface: interface) { data, _ in
            if let model = interface.request, let data { #expect(model.validate(data).isEmpty) }
            return interface.response.map { model in interface.responseIsList ? .array([Samples.object(model.schema)]) : Samples.object(model.schema) }
        }
        let binding = try testCase.binding()
        let server = Dispatcher(binding: binding, routes: [route], now: { 1_714_521_661 })
        let tokens = TokenCache(defaultLifetimeSeconds: 7200, now: { 0 }, fetch: { ("94b879e509a8e20821c7587aad53c19f", nil) })
        let core = ClientCore(transport: InMemoryTransport(dispatcher: server), binding: binding, tokens: tokens, now: { 1_714_521_661 })
        let request = interface.request.map { Samples.object($0.schema) }
        let answer = try await core.call(interface, request.map { interface.requestIsList ? .array([$0]) : $0 })
        if let response = interface.response {
            let element = interface.responseIsList ? (answer.isArrayValue ? answer.firstElement : answer) : answer
            #expect(response.validate(element).isEmpty, "\(testCase): the answer does not match its table")
        }
        guard let model = interface.request, let sample = request else { return }
        let formEncoded = testCase.protocolName == "Tomda" && interface.server == "tomda"
        if let (broken, field) = Samples.breakingFirstRequiredField(of: model.schema, in: sample, textIsAnyType: formEncoded) {
            do {
                _ = try await core.call(interface, interface.requestIsList ? .array([broken]) : broken)
                Issue.record("\(testCase): an invalid \(field) was accepted")
            } catch let error as ClientError {
                guard case .refused(let code) = error.kind else {
                    Issue.record("\(testCase): \(error)")
                    return
                }
                #expect(code == testCase.invalidCode, "\(testCase)")
                #expect(error.message.contains(field), "\(testCase): the message does not name \(field): \(error.message)")
            }
        }
        // A request missing its first required field (the token parameter is the client's to add).
        guard case .object(var missing) = sample, let field = model.schema.fields.first(where: { $0.required && $0.name != "token" }) else { return }
        missing.members.removeAll { $0.key == field.name }
        do {
            _ = try await core.call(interface, interface.requestIsList ? .array([.object(missing)]) : .object(missing))
            Issue.record("\(testCase): a request without \(field.name) was accepted")
        } catch let error as ClientError {
            #expect(error.message.contains(field.name), "\(testCase): the message does not name \(field.name): \(error.message)")
        }
    }
}

extension JSONValue {
    var isArrayValue: Bool {
        if case .array = self { return true }
        return false
    }

    var firstElement: JSONValue {
        if case .array(let elements) = self { return elements.first ?? .null }
        return self
    }
}
