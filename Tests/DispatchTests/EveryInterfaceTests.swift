import DB4403
import DB4403Wire
import EVCS
import EVCSWire
import InterchangeRuntime
import TestSupport
import Testing
import Tomda
import TomdaWire
import Yinli
import YinliWire
import Youxing
import YouxingWire

/// Every published interface of every protocol, through its protocol's dispatcher: a valid
/// request (a minimal sample of its table) is answered by a test handler with a sample of its
/// response table; requests spoilt each way `Samples.Breakage` knows (wrong type, too long,
/// not enumerated) and one missing a required field are refused with the protocol's own code
/// and a message naming the field; a token the server holds expired is refused with the
/// protocol's token code, and a request whose signature was altered on the way with its
/// bad-signature code, never reaching the handler.
@Suite struct EveryInterfaceTests {
    static let secrets = EVCSSecrets(operatorID: "MA5DA0053", dataSecret: "1234567890abcdef", dataSecretIV: "1234567890abcdef", sigSecret: "1234567890abcdef")

    struct Case: Sendable, CustomStringConvertible {
        let protocolName: String
        let interface: InterfaceSchema
        let binding: @Sendable (PeerProfile) throws -> any ProtocolBinding & ClientBinding
        /// The code the protocol answers each kind of invalid business field with.
        let invalidCodes: [Samples.Breakage: String]
        /// The code the protocol answers an expired token with; nil when it has no tokens.
        let tokenCode: String?
        /// The envelope member carrying the signature, and the code a bad one is answered
        /// with; nil when the protocol signs nothing.
        var signature: (member: String, code: String)? = nil
        var description: String { "\(protocolName) \(interface.code ?? interface.name)" }

        /// A client of `route` through this protocol's binding and a dispatcher, with a token
        /// cache (or, spoiling signatures, none) and a fixed clock.
        func client(of route: Route, tokens: (any TokenVerifier)? = nil, spoilingSignatureIn member: String? = nil) throws -> ClientCore {
            let binding = try binding(PeerProfile())
            let server = Dispatcher(binding: binding, routes: [route], tokens: tokens, now: { 1_714_521_661 })
            if let member {
                return ClientCore(transport: SignatureSpoiler(server: server, member: member), binding: binding, validatesRequests: false, now: { 1_714_521_661 })
            }
            let tokens = TokenCache(defaultLifetimeSeconds: 7200, now: { 0 }, fetch: { ("94b879e509a8e20821c7587aad53c19f", nil) })
            // The client's own check is off: these cases are about what the server answers.
            return ClientCore(transport: InMemoryTransport(dispatcher: server), binding: binding, tokens: tokens, validatesRequests: false, now: { 1_714_521_661 })
        }
    }

    static let cases: [Case] = {
        var cases: [Case] = []
        func add(_ name: String, _ catalog: ProtocolCatalog, codes: [Samples.Breakage: String], token: String?, signature: (String, String)? = nil,
                 where include: (InterfaceSchema) -> Bool = { _ in true }, _ binding: @escaping @Sendable (PeerProfile) throws -> any ProtocolBinding & ClientBinding) {
            for interface in catalog.interfaces where interface.published && include(interface) {
                cases.append(Case(protocolName: name, interface: interface, binding: binding, invalidCodes: codes, tokenCode: token, signature: signature))
            }
        }
        func everyWay(_ code: String) -> [Samples.Breakage: String] { Dictionary(uniqueKeysWithValues: Samples.Breakage.allCases.map { ($0, code) }) }
        let db4403Codes: [Samples.Breakage: String] = [.wrongType: "1005", .tooLong: "1004", .notEnumerated: "1007"]
        add("DB4403", db4403Catalog, codes: db4403Codes, token: "3002", signature: ("sign", "1"), where: { $0.transports.contains("https") }) { DB4403Binding(profile: $0) }
        add("EVCS", evcsCatalog, codes: everyWay("4004"), token: "4002", signature: ("Sig", "4001")) { try EVCSBinding(secrets: secrets, profile: $0) }
        add("Youxing", youxingCatalog, codes: everyWay("303"), token: "304") { YouxingBinding(key: "1234567890abcdef", profile: $0) }
        add("Tomda", tomdaCatalog, codes: everyWay("1401"), token: "1300", where: { $0.server == "thirdParty" }) { TomdaPushBinding(profile: $0) }
        add("Tomda", tomdaCatalog, codes: everyWay("1401"), token: "1300", where: { $0.server == "tomda" }) { TomdaAPIBinding(profile: $0) }
        add("Yinli", yinliCatalog, codes: everyWay("400"), token: nil) { YinliBinding(profile: $0) }
        return cases
    }()

    @Test func everyPublishedInterfaceIsCovered() {
        // DB4403: 52 interfaces, 49 over https (1004–1006 are TCP only); EVCS 8 of Annex B and
        // the 7 of T/CEC 102 it leaves out; Youxing 9; Tomda's seven pushes and its own ten
        // calls; Yinli's one published interface.
        #expect(Self.cases.count == 49 + 8 + 7 + 9 + 7 + 10 + 1)
        // Each way of spoiling a request applies to enough interfaces to mean something
        // (today: wrong type 73, too long 33, not enumerated 28).
        for way in Samples.Breakage.allCases {
            let spoilable = Self.cases.filter { testCase in
                guard let model = testCase.interface.request else { return false }
                return Samples.breaking(way, of: model, in: Samples.object(model)) != nil
            }
            #expect(spoilable.count >= 20, "\(way)")
        }
    }

    @Test(arguments: cases)
    func expiredToken(_ testCase: Case) async throws {
        let interface = testCase.interface
        let route = Route(interface: interface) { _, _ in
            Samples.response(for: interface)
        }
        // The server holds every token expired; interfaces that carry none are not asked for one.
        let core = try testCase.client(of: route, tokens: .accepting { _, _ in false })
        let request = Samples.request(for: interface)
        if interface.authenticated {
            await #expect(throws: TokenRejected(code: testCase.tokenCode ?? "none"), "\(testCase)") { try await core.call(interface, request) }
        } else {
            _ = try await core.call(interface, request)
        }
    }

    @Test(arguments: cases.filter { $0.signature != nil })
    func badSignature(_ testCase: Case) async throws {
        let interface = testCase.interface
        guard let signature = testCase.signature else { return }
        let route = Route(interface: interface) { _, _ in
            Issue.record("\(testCase): a request with a bad signature reached its handler")
            return nil
        }
        let core = try testCase.client(of: route, spoilingSignatureIn: signature.member)
        let request = Samples.request(for: interface)
        do {
            _ = try await core.call(interface, request)
            Issue.record("\(testCase): a bad signature was accepted")
        } catch let error as ClientError {
            guard case .refused(let code) = error.kind else {
                Issue.record("\(testCase): \(error)")
                return
            }
            #expect(code == signature.code, "\(testCase)")
            #expect(error.message == "the signature does not match", "\(testCase): \(error.message)")
        }
    }

    @Test(arguments: cases)
    func validAndInvalidRequests(_ testCase: Case) async throws {
        let interface = testCase.interface
        let route = Route(interface: interface) { data, _ in
            if let model = interface.request, let data { #expect(Validator().validate(data, against: model).isEmpty) }
            return Samples.response(for: interface)
        }
        let core = try testCase.client(of: route)
        let request = interface.request.map { Samples.object($0) }
        let answer = try await core.call(interface, request.map { Samples.shaped($0, asList: interface.requestIsList) })
        if let response = interface.response {
            let element = interface.responseIsList ? answer.firstElement : answer
            #expect(Validator().validate(element, against: response).isEmpty, "\(testCase): the answer does not match its table")
        }
        guard let model = interface.request, let sample = request else { return }
        let formEncoded = testCase.protocolName == "Tomda" && interface.server == "tomda"
        for way in Samples.Breakage.allCases {
            guard let (broken, field) = Samples.breaking(way, of: model, in: sample, textIsAnyType: formEncoded) else { continue }
            do {
                _ = try await core.call(interface, Samples.shaped(broken, asList: interface.requestIsList))
                Issue.record("\(testCase): \(field) spoilt (\(way)) was accepted")
            } catch let error as ClientError {
                guard case .refused(let code) = error.kind else {
                    Issue.record("\(testCase): \(error)")
                    continue
                }
                #expect(code == testCase.invalidCodes[way], "\(testCase) \(way)")
                #expect(error.message.contains(field), "\(testCase): the message does not name \(field): \(error.message)")
            }
        }
        // A request missing its first required field (the token parameter is the client's to add).
        guard case .object(var missing) = sample, let field = model.fields.first(where: { $0.required && $0.name != "token" }) else { return }
        missing.members.removeAll { $0.key == field.name }
        do {
            _ = try await core.call(interface, Samples.shaped(.object(missing), asList: interface.requestIsList))
            Issue.record("\(testCase): a request without \(field.name) was accepted")
        } catch let error as ClientError {
            #expect(error.message.contains(field.name), "\(testCase): the message does not name \(field.name): \(error.message)")
        }
    }
}

extension EveryInterfaceTests {
    /// A handler declining with `ServiceRefusal` is answered with its code and message in every
    /// protocol's terms (DB4403 表A.2 code in data, EVCS Ret, Youxing status, Tomda errorCode,
    /// Yinli code), and the client reports that code.
    @Test(arguments: cases)
    func aServiceDeclinesWithItsOwnCode(_ testCase: Case) async throws {
        let interface = testCase.interface
        let code = testCase.protocolName == "DB4403" ? 1101 : 500
        let route = Route(interface: interface) { _, _ in throw ServiceRefusal(code: code, message: "停车场不存在") }
        let core = try testCase.client(of: route)
        do {
            _ = try await core.call(interface, Samples.request(for: interface))
            Issue.record("\(testCase): the refusal was answered as a success")
        } catch let error as ClientError {
            guard case .refused(let answered) = error.kind else {
                Issue.record("\(testCase): \(error)")
                return
            }
            #expect(answered == String(code), "\(testCase)")
            #expect(error.message == "停车场不存在", "\(testCase)")
        }
    }

    /// Numbers built to break arithmetic, in every decimal field of every request table: a
    /// magnitude beyond the field's type is refused with the protocol's range code, an
    /// exponent near Int.min is a scale violation where the field has a scale and a tiny
    /// value where it has none. The server answers each; nothing traps.
    @Test(arguments: cases.filter { testCase in
        testCase.interface.request?.fields.contains { ["Float", "Double", "Decimal"].contains($0.type.documentName) } == true
    })
    func hostileNumbers(_ testCase: Case) async throws {
        let interface = testCase.interface
        guard let model = interface.request, case .object(let sample) = Samples.object(model) else { return }
        let route = Route(interface: interface) { _, _ in Samples.response(for: interface) }
        let core = try testCase.client(of: route)
        for field in model.fields where ["Float", "Double", "Decimal"].contains(field.type.documentName) {
            for text in ["1e400", "5e-9223372036854775808"] {
                var object = sample
                object.members.removeAll { $0.key == field.name }
                object.append(field.name, .number(ExactNumber(text)!))
                let refusedAsRange = text == "1e400" || field.scale != nil
                do {
                    _ = try await core.call(interface, Samples.shaped(.object(object), asList: interface.requestIsList))
                    #expect(!refusedAsRange, "\(testCase): \(field.name) = \(text) was accepted")
                } catch let error as ClientError {
                    guard case .refused(let code) = error.kind else {
                        Issue.record("\(testCase): \(error)")
                        continue
                    }
                    #expect(refusedAsRange, "\(testCase): \(field.name) = \(text) was refused: \(error.message)")
                    #expect(code == testCase.invalidCodes[.notEnumerated], "\(testCase) \(field.name) = \(text)")
                    #expect(error.message.contains(field.name), "\(testCase): \(error.message)")
                }
            }
        }
    }
}

/// Hands requests to a dispatcher with the first character of their signature changed.
struct SignatureSpoiler: ClientTransport {
    let server: Dispatcher
    let member: String

    func send(_ request: WireRequest) async throws -> WireResponse {
        var spoilt = request
        let marker = Array("\"\(member)\":\"".utf8)
        if let start = spoilt.body.indices.first(where: { spoilt.body[$0...].starts(with: marker) }) {
            let index = start + marker.count
            spoilt.body[index] = spoilt.body[index] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        } else {
            Issue.record("no \(member) in \(String(decoding: request.body, as: UTF8.self))")
        }
        return await server.handle(spoilt)
    }
}

extension JSONValue {
    /// A list's first element (null when empty); any other value itself.
    var firstElement: JSONValue {
        if case .array(let elements) = self { return elements.first ?? .null }
        return self
    }
}

extension EveryInterfaceTests {
    /// A peer spelling every member in the other casing (payloadKeyCasing), client and server
    /// both told so by their profile: every interface round-trips with every member decoded,
    /// nothing left in additionalMembers. (Tomda's own API is spelled one way, by Tomda.)
    @Test(arguments: cases.filter { $0.interface.server != "tomda" && $0.interface.request != nil })
    func aPeerWithItsOwnCasingRoundTrips(_ testCase: Case) async throws {
        let interface = testCase.interface
        guard let table = interface.request, let first = table.fields.first?.name.first else { return }
        let profile = PeerProfile(payloadKeyCasing: first.isUppercase ? .lowerCamel : .pascalCase)
        let route = Route(interface: interface) { data, _ in
            if let model = interface.requestModel, let data {
                let objects: [JSONValue] = if case .array(let elements) = data { elements } else { [data] }
                for object in objects {
                    let decoded = try model.init(json: object)
                    #expect(decoded.json == object, "\(testCase): the request lost members")
                    #expect(Validator(options: ValidationOptions(unknownFields: .error)).validate(object, against: table).isEmpty, "\(testCase)")
                }
            }
            return Samples.response(for: interface)
        }
        let binding = try testCase.binding(profile)
        let server = Dispatcher(binding: binding, routes: [route], now: { 1_714_521_661 })
        let tokens = TokenCache(defaultLifetimeSeconds: 7200, now: { 1_714_521_661 }, fetch: { ("T", nil) })
        let core = ClientCore(transport: InMemoryTransport(dispatcher: server), binding: binding, tokens: tokens, now: { 1_714_521_661 })
        let answer = try await core.call(interface, Samples.request(for: interface))
        if let response = interface.response {
            let element = interface.responseIsList ? answer.firstElement : answer
            #expect(Validator(options: ValidationOptions(unknownFields: .error)).validate(element, against: response).isEmpty, "\(testCase): the answer")
        }
    }
}

