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
/// `token` is presented as it is; `profile` is a peer profile. Errors name the member, never a
/// secret.
struct PartnerFile {
    var secrets = SecretValues()
    var profile = PeerProfile()
    var operatorSecret: String?
    var token: String?

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
            default: throw SimUsageError("\(path): '\(member.key)' is not a partner setting (secrets, profile, operatorSecret, token) or has the wrong type")
            }
        }
    }

    /// The binding for the side serving `role`, with these secrets and profile.
    func binding(_ descriptor: any ProtocolDescriptor, role: String) throws(SimUsageError) -> any ProtocolBinding & ClientBinding {
        do { return try descriptor.binding(server: role, profile: profile, secrets: secrets) } catch { throw SimUsageError("the partner's secrets: \(error)") }
    }

    /// Tokens for calls to `transport`: fetched through EVCS query_token with `operatorSecret`,
    /// or `token` as given; nil when the partner file gives neither.
    func tokens(binding: any ClientBinding, transport: any ClientTransport) -> TokenCache? {
        if let operatorSecret, let evcs = binding as? EVCSBinding {
            return TokenCache.evcs(transport: transport, binding: evcs, operatorSecret: operatorSecret)
        }
        guard let token else { return nil }
        return TokenCache(defaultLifetimeSeconds: 24 * 3600) { (token, nil) }
    }
}
