import DB4403
import InterchangeRuntime

extension TokenCache {
    /// Tokens from the city platform's login (1001, 表34/表35): `userId` and the password,
    /// DES-encrypted with `passwordKey` as 表34 requires, in; access_token and expires_in out.
    public static func db4403(
        transport: any ClientTransport, binding: DB4403Binding, userId: String, password: String, passwordKey: String,
        now: @escaping @Sendable () -> EpochSeconds = { .now }
    ) -> TokenCache {
        TokenCache(profile: binding.profile, defaultLifetimeSeconds: 7200, now: now) {
            let encrypted: String
            do {
                encrypted = try DB4403Envelope.encryptPassword(password, key: passwordKey)
            } catch {
                throw ClientError(.unsendable, "the password cannot be encrypted: \(error)")
            }
            let core = ClientCore(transport: transport, binding: binding, now: now)
            let response = try await core.call(DB4403Interfaces.login, LoginRequest(userId: userId, password: encrypted), decoding: LoginResponse.self)
            return (response.accessToken, response.expiresIn)
        }
    }
}
