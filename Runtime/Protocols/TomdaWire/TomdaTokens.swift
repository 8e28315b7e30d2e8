import InterchangeRuntime
import Tomda

extension TokenCache {
    /// Tokens from Tomda's token call (4.4.1, GET /api/sys/token/get): apiId and apiKey in,
    /// token and timeout (its lifetime, 7200 s when absent) out.
    public static func tomda(
        transport: any ClientTransport, binding: TomdaAPIBinding, apiId: String, apiKey: String,
        now: @escaping @Sendable () -> EpochSeconds = { .now }
    ) -> TokenCache {
        TokenCache(profile: binding.profile, defaultLifetimeSeconds: TomdaEnvelope.defaultTokenLifetimeSeconds, now: now) {
            let core = ClientCore(transport: transport, binding: binding, now: now)
            let response = try await core.call(TomdaInterfaces.getToken, TokenRequest(apiId: apiId, apiKey: apiKey), decoding: TokenResponse.self)
            return (response.token, response.timeout > 0 ? response.timeout : nil)
        }
    }
}
