import EVCS
import InterchangeRuntime

extension TokenCache {
    /// Tokens from the peer's query_token (B.3.1.2): this side's OperatorID (its binding's) and
    /// OperatorSecret in, AccessToken and TokenAvailableTime out. A token lives at most 7 days
    /// (B.3.1.2.1), less when the answer says so.
    public static func evcs(
        transport: any ClientTransport, binding: EVCSBinding, operatorSecret: String, now: @escaping @Sendable () -> EpochSeconds = { .now }
    ) -> TokenCache {
        TokenCache(profile: binding.profile, defaultLifetimeSeconds: 7 * 24 * 3600, now: now) {
            guard let operatorID = binding.envelope(for: nil)?.secrets.operatorID else {
                throw ClientError(.unsendable, "query_token needs the binding of this side's own operator (init(secrets:))")
            }
            let core = ClientCore(transport: transport, binding: binding, now: now)
            let response = try await core.call(
                EVCSInterfaces.queryToken, QueryTokenRequest(operatorID: operatorID, operatorSecret: operatorSecret), decoding: QueryTokenResponse.self)
            guard response.succStat == .success, let token = response.accessToken, !token.isEmpty else {
                throw ClientError(.refused(code: response.failReason.map { String($0.rawValue) } ?? "?"), "query_token did not issue a token")
            }
            return (token, min(response.tokenAvailableTime ?? 7 * 24 * 3600, 7 * 24 * 3600))
        }
    }
}
