import EVCSWire
import Foundation
import InterchangeRuntime

/// A mock partner: serves every interface of one role of a protocol with a valid answer
/// built from the tables (`Samples`), or the user's own answer from a folder, issuing real
/// tokens where an interface hands one out, checking every envelope and table as a correct
/// peer does, and injecting the faults asked for.
struct MockPartner {
    let descriptor: any ProtocolDescriptor
    let role: String
    let binding: any ProtocolBinding
    let answers: [String: JSONValue]
    let faults: Faults
    /// The token agreed out of band, for a role that issues none.
    let token: String?

    /// `answersFolder` holds `<interface name or code>.json` files answering in place of samples.
    init(
        descriptor: any ProtocolDescriptor, role: String, partner: PartnerFile, partnersFile: String?, answersFolder: String?, faults: Faults
    ) throws(SimUsageError) {
        let roles = Set(descriptor.catalog.interfaces.map(\.server))
        guard roles.contains(role) else { throw SimUsageError("\(descriptor.catalog.name) has no role '\(role)'; its roles: \(roles.sorted().joined(separator: ", "))") }
        self.descriptor = descriptor
        self.role = role
        self.faults = faults
        token = partner.token
        if let partnersFile {
            binding = try Self.evcsPartners(partnersFile, descriptor: descriptor, profile: partner.profile)
        } else {
            binding = try partner.binding(descriptor, role: role)
        }
        answers = try answersFolder.map { folder throws(SimUsageError) in try Self.answers(in: folder) } ?? [:]
    }

    /// The interfaces this role serves over HTTP.
    var interfaces: [InterfaceSchema] { descriptor.catalog.httpInterfaces(servedBy: role) }

    /// The dispatcher answering as this partner, calling `onRefusal` for each refusal.
    func dispatcher(onRefusal: (@Sendable (DispatchRefusal) -> Void)? = nil) -> Dispatcher {
        let issuer = TokenIssuer(lifetimeSeconds: 7_200)
        let routes = interfaces.map { interface in
            Route(interface: interface) { [answers, faults] _, context in
                try await faults.beforeAnswering()
                var answer = answers[interface.name] ?? interface.code.flatMap { answers[$0] } ?? Samples.response(for: interface)
                if !interface.authenticated, let table = interface.response {
                    answer = answer.map { Self.issuingTokens(in: $0, table: table, issuer: issuer, to: context.caller ?? "partner") }
                }
                if faults.strikes(.invalidAnswer), let table = interface.response { answer = answer.map { Self.dropFirstRequired(of: table, in: $0) } }
                return answer
            }
        }
        let limits = Dispatcher.Limits(replayMemory: faults.has(.noReplayCheck) ? 0 : 100_000)
        let tokens = SimulatedTokens(issuer: descriptor.catalog.tokenInterface(servedBy: role) == nil ? nil : issuer, given: token, faults: faults)
        return Dispatcher(binding: binding, routes: routes, limits: limits, tokens: tokens, onRefusal: onRefusal)
    }

    /// Every text field whose name says token, filled with a token issued to `partner`, and
    /// every whole-number field saying how long it lives (`TokenAvailableTime`, `expiresIn`)
    /// with its lifetime in seconds.
    private static func issuingTokens(in value: JSONValue, table: ObjectSchema, issuer: TokenIssuer, to partner: String) -> JSONValue {
        guard case .object(var object) = value else { return value }
        let tokenFields = table.tokenFields
        guard !tokenFields.isEmpty else { return value }
        let issued = issuer.issue(to: partner)
        for field in table.fields {
            let name = field.name.lowercased()
            let replacement: JSONValue
            if tokenFields.contains(where: { $0.name == field.name }) {
                replacement = .string(issued.token)
            } else if case .builtin(let type) = field.type, [.int, .long].contains(type), name.contains("availabletime") || name.contains("expire") {
                replacement = .number(ExactNumber(issued.lifetimeSeconds))
            } else {
                continue
            }
            if let index = object.members.firstIndex(where: { $0.key == field.name }) {
                object.members[index].value = replacement
            } else {
                object.append(field.name, replacement)
            }
        }
        return .object(object)
    }

    private static func dropFirstRequired(of table: ObjectSchema, in value: JSONValue) -> JSONValue {
        guard case .object(var object) = value, let field = table.fields.first(where: \.required) else { return value }
        object.members.removeAll { $0.key == field.name }
        return .object(object)
    }

    private static func answers(in folder: String) throws(SimUsageError) -> [String: JSONValue] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { throw SimUsageError("\(folder): cannot read the answers folder") }
        var answers: [String: JSONValue] = [:]
        for name in names.sorted() where name.hasSuffix(".json") {
            let path = folder + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else { throw SimUsageError("\(path): cannot read") }
            do { answers[String(name.dropLast(5))] = try JSONReader().read(Array(data)) } catch { throw SimUsageError("\(path): not JSON: \(error)") }
        }
        return answers
    }

    private static func evcsPartners(_ path: String, descriptor: any ProtocolDescriptor, profile: PeerProfile) throws(SimUsageError) -> any ProtocolBinding {
        guard descriptor is EVCSDescriptor else { throw SimUsageError("--partners is for EVCS (several operators on one server)") }
        guard let data = FileManager.default.contents(atPath: path) else { throw SimUsageError("\(path): cannot read the partners file") }
        do {
            return try EVCSBinding(partners: EVCSSecrets.partners(json: try JSONReader().read(Array(data))), profile: profile)
        } catch {
            throw SimUsageError("\(path): \(error)")
        }
    }
}

/// The mock's token check, unless a fault says otherwise: tokens it issued, unexpired and
/// presented by their holder; for a role that issues none (its tokens are agreed out of band),
/// the partner file's `token`, or any token when it gives none.
struct SimulatedTokens: TokenVerifier {
    let issuer: TokenIssuer?
    let given: String?
    let faults: Faults

    func holder(of token: String?, for interface: InterfaceSchema) async -> TokenHolder? {
        if faults.has(.noTokenCheck) { return .anyone }
        if faults.strikes(.tokenExpiry) { return nil }
        if let issuer { return await issuer.holder(of: token, for: interface) }
        guard let token, !token.isEmpty, given == nil || given == token else { return nil }
        return .anyone
    }
}

extension ProtocolCatalog {
    /// The published interfaces `role` serves over HTTP(S) (all but DB4403's TCP-only session
    /// commands).
    func httpInterfaces(servedBy role: String) -> [InterfaceSchema] {
        interfaces.filter { $0.server == role && $0.published && ($0.transports.isEmpty || $0.transports.contains("https") || $0.transports.contains("http")) }
    }

    /// The interface of `role` that hands out tokens: unauthenticated, answering a text field
    /// named like a token (EVCS query_token, DB4403 1001 login, Tomda's token call).
    func tokenInterface(servedBy role: String) -> InterfaceSchema? {
        httpInterfaces(servedBy: role).first { interface in
            !interface.authenticated && interface.response?.tokenFields.isEmpty == false
        }
    }
}

extension ObjectSchema {
    /// The text fields named like a token.
    var tokenFields: [FieldSchema] {
        fields.filter { field in
            if case .builtin(.string) = field.type { field.name.lowercased().contains("token") } else { false }
        }
    }
}
