import InterchangeRuntime

/// A conformance run against a partner's live implementation of one role: for every
/// interface that role serves, a valid request whose answer must satisfy the response table,
/// and the refusals the standard demands, each expected with the code this toolkit's binding
/// of the protocol answers (its reading of the document's code table): a spoilt signature, an
/// unknown or expired token, a replayed message, a missing required field, text too long, a
/// value outside an enumeration.
struct Conformance {
    /// One check's outcome.
    struct Check: Sendable {
        let interface: String
        let name: String
        let passed: Bool
        let detail: String
    }

    let descriptor: any ProtocolDescriptor
    let role: String
    let binding: any ProtocolBinding & ClientBinding
    let transport: any ClientTransport
    let tokens: TokenCache?

    func run() async -> [Check] {
        var checks: [Check] = []
        let token: String?
        do {
            token = try await tokens?.token()
        } catch {
            return [Check(interface: "-", name: "token", passed: false, detail: "no token: \(error)")]
        }
        let interfaces = descriptor.catalog.httpInterfaces(servedBy: role)
        if token == nil, interfaces.contains(where: \.authenticated) {
            let detail = "\(role) hands out no tokens: give the token agreed with the partner as the partner file's \"token\""
            return [Check(interface: "-", name: "token", passed: false, detail: detail)]
        }
        for interface in interfaces {
            checks += await run(interface, token: token)
        }
        return checks
    }

    private func run(_ interface: InterfaceSchema, token: String?) async -> [Check] {
        let name = interface.code ?? interface.name
        var checks: [Check] = []
        func check(_ check: String, _ passed: Bool, _ detail: String) {
            checks.append(Check(interface: name, name: check, passed: passed, detail: detail))
        }
        let sample = interface.request.map { [Samples.object($0)] } ?? []

        // A valid request: answered with success and an answer the table accepts.
        switch await exchange(interface, sample, token: token) {
        case .answered(let data):
            if let table = interface.response, let problem = data.lazy.flatMap({ Validator().validate($0, against: table) }).first(where: { $0.severity == .error }) {
                check("valid request", false, "the answer breaks \(table.source): \(problem)")
            } else {
                check("valid request", true, "answered")
            }
        case .refused(let code, let message): check("valid request", false, "refused with \(code): \(message)")
        case .failed(let reason): check("valid request", false, reason)
        }

        // Each refusal the standard demands.
        var refusals: [(String, DispatchFailure.Kind, [JSONValue], String?, Spoil)] = []
        if interface.authenticated { refusals.append(("unknown or expired token", .token, sample, "interchange-conform-expired-token", .none)) }
        if let probe = try? binding.request(interface, data: sample, token: token, now: .now), Self.signatureMember(in: probe.body) != nil {
            refusals.append(("bad signature", .envelope(.badSignature), sample, token, .signature))
            refusals.append(("replayed message", .envelope(.replayed), sample, token, .replay))
        }
        if let table = interface.request, let object = sample.first {
            // The first required field but a token, which the binding adds itself.
            let tokenNames = Set(table.tokenFields.map(\.name))
            if let field = table.fields.first(where: { $0.required && !tokenNames.contains($0.name) }), case .object(var missing) = object {
                missing.members.removeAll { $0.key == field.name }
                refusals.append(("missing \(field.name)", .invalid([Diagnostic(.error, "", rule: .required)]), [.object(missing)], token, .none))
            }
            for (way, rule) in [(Samples.Breakage.tooLong, ValidationRule.maxLength), (.notEnumerated, .enumeration)] {
                if let (broken, field) = Samples.breaking(way, of: table, in: object) {
                    let label = way == .tooLong ? "\(field) too long" : "\(field) not enumerated"
                    refusals.append((label, .invalid([Diagnostic(.error, "", rule: rule)]), [broken], token, .none))
                }
            }
        }
        for (label, kind, data, presented, spoil) in refusals {
            let expected = expectedCode(kind, interface)
            switch await exchange(interface, data, token: presented, spoil: spoil) {
            case .answered: check(label, false, "accepted; expected a refusal with \(expected)")
            case .refused(let code, let message): check(label, code == expected, code == expected ? code : "refused with \(code) (\(message)); expected \(expected)")
            case .failed(let reason): check(label, false, reason)
            }
        }
        return checks
    }

    enum Spoil { case none, signature, replay }

    enum Outcome {
        case answered([JSONValue])
        case refused(code: String, message: String)
        case failed(String)
    }

    /// Sends `data` (spoilt as asked) and reads the answer in the protocol's terms.
    private func exchange(_ interface: InterfaceSchema, _ data: [JSONValue], token: String?, spoil: Spoil = .none) async -> Outcome {
        do {
            var request = try binding.request(interface, data: data, token: token, now: .now)
            if spoil == .signature { request.body = Self.spoilingSignature(request.body) }
            if spoil == .replay { _ = try await transport.send(request) }
            return read(try await transport.send(request), interface)
        } catch {
            return .failed("no answer: \(error)")
        }
    }

    private func read(_ response: WireResponse, _ interface: InterfaceSchema) -> Outcome {
        do {
            return .answered(try binding.answer(response, interface: interface))
        } catch let rejected as TokenRejected {
            return .refused(code: rejected.code, message: "token refused")
        } catch let error as ClientError {
            if case .refused(let code) = error.kind { return .refused(code: code, message: error.message) }
            return .failed("unreadable answer: \(error)")
        } catch {
            return .failed("unreadable answer: \(error)")
        }
    }

    /// The code this binding answers `kind` with: what a conforming peer answers.
    private func expectedCode(_ kind: DispatchFailure.Kind, _ interface: InterfaceSchema) -> String {
        switch read(binding.refuse(DispatchFailure(kind, ""), caller: nil, now: .now), interface) {
        case .refused(let code, _): code
        case .answered: "a refusal"
        case .failed(let reason): reason
        }
    }

    /// The body's top-level signature member (`Sig`, `sign`), if it has one.
    static func signatureMember(in body: [UInt8]) -> String? {
        guard case .object(let object)? = try? JSONReader().read(body) else { return nil }
        return object.members.first { ["sig", "sign"].contains($0.key.lowercased()) }?.key
    }

    /// `body` with the signature's first character changed (0 ↔ 1).
    static func spoilingSignature(_ body: [UInt8]) -> [UInt8] {
        guard let member = signatureMember(in: body) else { return body }
        let marker = Array("\"\(member)\":\"".utf8)
        guard let start = body.indices.first(where: { body[$0...].starts(with: marker) }), start + marker.count < body.count else { return body }
        var spoilt = body
        let index = start + marker.count
        spoilt[index] = spoilt[index] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        return spoilt
    }
}
