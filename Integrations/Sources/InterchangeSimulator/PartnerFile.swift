import EVCSWire
import Foundation
import InterchangeRuntime

/// The partner a simulator plays or calls: `--partner FILE`, JSON:
///
/// ```json
/// {"secrets": {"operator-id": "MA5DA0053", "data-secret": "…", "data-iv": "…", "sig-secret": "…"},
///  "operatorSecret": "…", "token": "…", "profile": {"payloadKeyCasing": "lowerCamel"}}
/// ```
///
/// `secrets` are the protocol's (`interchange seal --help` names them; `operator-id` is the
/// EVCS OperatorID of this side); `operatorSecret` fetches EVCS tokens through query_token;
/// `token` is presented as it is; `tokenRequest` is the business data of the role's token
/// interface (DB4403 1001 `{"userId", "password"}`), a sample of its table when absent;
/// `profile` is a peer profile. Errors name the member, never a
/// secret.
struct PartnerFile {
    var secrets = SecretValues()
    var profile = PeerProfile()
    var operatorSecret: String?
    var token: String?
    var tokenRequest: JSONValue?

    init() {}

    init(path: String) throws(SimUsageError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw SimUsageError("\(path): cannot read the partner file") }
        let value: JSONValue
        do { value = try JSONReader().read(Array(data)) } catch { throw SimUsageError("\(path): not JSON: \(error)") }
        guard case .object(let object) = value else { throw SimUsageError("\(path): a partner file is a JSON object") }
        for member in object.members {
            switch (member.key, member.value) {
            case ("secrets", .object(let secrets)):
                var values: [String: String] = [:]
                for secret in secrets.members {
                    guard case .string(let text) = secret.value else { throw SimUsageError("\(path): secrets.\(secret.key) must be text") }
                    values[secret.key] = text
                }
                self.secrets = SecretValues(values)
            case ("profile", let profile):
                do { self.profile = try PeerProfile(json: profile) } catch { throw SimUsageError("\(path): profile: \(error.message)") }
            case ("operatorSecret", .string(let text)): operatorSecret = text
            case ("token", .string(let text)): token = text
            case ("tokenRequest", .object): tokenRequest = member.value
            default: throw SimUsageError("\(path): '\(member.key)' is not a partner setting (secrets, profile, operatorSecret, token, tokenRequest) or has the wrong type")
            }
        }
    }

    /// The binding for the side serving `role`, with these secrets and profile.
    func binding(_ descriptor: any ProtocolDescriptor, role: String) throws(SimUsageError) -> any ProtocolBinding & ClientBinding {
        do { return try descriptor.binding(server: role, profile: profile, secrets: secrets) } catch { throw SimUsageError("the partner's secrets: \(error)") }
    }

    /// Tokens for calls to the side serving `role`: fetched through EVCS query_token with
    /// `operatorSecret`, `token` as given, or fetched from the role's token interface with
    /// `tokenRequest`; nil when the role hands out none and the file gives none.
    func tokens(_ descriptor: any ProtocolDescriptor, role: String, binding: any ClientBinding, transport: any ClientTransport) -> TokenCache? {
        if let operatorSecret, let evcs = binding as? EVCSBinding {
            return TokenCache.evcs(transport: transport, binding: evcs, operatorSecret: operatorSecret)
        }
        if let token { return TokenCache(defaultLifetimeSeconds: 24 * 3600) { (token, nil) } }
        guard let interface = descriptor.catalog.tokenInterface(servedBy: role), let table = interface.response else { return nil }
        let request = tokenRequest ?? Samples.request(for: interface)
        return TokenCache(defaultLifetimeSeconds: 3600) {
            let answer = try await ClientCore(transport: transport, binding: binding).call(interface, request)
            let object = if case .array(let elements) = answer { elements.first ?? .null } else { answer }
            for field in table.tokenFields {
                if case .string(let token)? = object[field.name], !token.isEmpty { return (token, nil) }
            }
            throw ClientError(.malformedAnswer, "\(interface.code ?? interface.name) answered no token")
        }
    }
}
