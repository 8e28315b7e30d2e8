import InterchangeRuntime
import Youxing

extension TokenCache {
    /// Tokens from Youxing's queryToken (1.2): appkey and appsecret in, token out; a token
    /// lives 7200 s.
    public static func youxing(
        transport: any ClientTransport, binding: YouxingBinding, appKey: String, appSecret: String,
        now: @escaping @Sendable () -> EpochSeconds = { .now }
    ) -> TokenCache {
        TokenCache(profile: binding.profile, defaultLifetimeSeconds: YouxingEnvelope.tokenLifetimeSeconds, now: now) {
            let core = ClientCore(transport: transport, binding: binding, now: now)
            let request = YouxingTokenRequest(appkey: appKey, appsecret: appSecret, time: String(now().value))
            let response = try await core.call(YouxingInterfaces.queryToken, request, decoding: YouxingTokenResponse.self)
            guard let token = response.token, !token.isEmpty else { throw ClientError(.malformedAnswer, "queryToken answered without a token") }
            return (token, nil)
        }
    }
}
