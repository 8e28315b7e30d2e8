/// Decides whether an access token a request presents is good, and whom it was issued to, so
/// a dispatcher serving many partners refuses one partner's token on another's request.
public protocol TokenVerifier: Sendable {
    /// The holder of `token` for `interface`; nil refuses the request.
    func holder(of token: String?, for interface: InterfaceSchema) async -> TokenHolder?
}

/// Whom an accepted token belongs to.
public enum TokenHolder: Sendable, Hashable {
    /// Any caller may present it.
    case anyone
    /// It was issued to this partner (an EVCS OperatorID): a request naming another is refused.
    case partner(String)
}

/// A verifier that asks a closure whether a token is good, binding it to no partner.
public struct AcceptingTokens: TokenVerifier {
    let accepts: @Sendable (String?, InterfaceSchema) async -> Bool

    public func holder(of token: String?, for interface: InterfaceSchema) async -> TokenHolder? {
        await accepts(token, interface) ? .anyone : nil
    }
}

extension TokenVerifier where Self == AcceptingTokens {
    /// Tokens `accepts` says are good, whoever presents them.
    public static func accepting(_ accepts: @escaping @Sendable (String?, InterfaceSchema) async -> Bool) -> AcceptingTokens {
        AcceptingTokens(accepts: accepts)
    }
}
