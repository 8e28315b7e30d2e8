import Synchronization

/// Issues access tokens to partners and verifies them: each token belongs to the partner it
/// was issued to and lives `lifetimeSeconds`. Kept in memory, at most `capacity` tokens (the
/// oldest are revoked past it); a service sharing tokens between processes implements
/// `TokenVerifier` over its own store instead.
public final class TokenIssuer: TokenVerifier {
    private struct Issued {
        let partner: String
        let expires: EpochSeconds
    }

    /// The tokens held, and the order they were issued in (which, with one lifetime for all,
    /// is the order they expire in). `order` may name tokens already revoked or expired; it is
    /// compacted once it holds twice `capacity`, so both stay bounded however many are issued.
    private struct State {
        var tokens: [String: Issued] = [:]
        var order: [String] = []
        var head = 0
    }

    /// How long a token lives.
    public let lifetimeSeconds: Int
    /// The most tokens held at once.
    public let capacity: Int
    private let now: @Sendable () -> EpochSeconds
    private let state = Mutex(State())

    /// An issuer of tokens living `lifetimeSeconds` (at least 1), at most `capacity` at once.
    public init(lifetimeSeconds: Int, capacity: Int = 100_000, now: @escaping @Sendable () -> EpochSeconds = { .now }) {
        self.lifetimeSeconds = max(1, lifetimeSeconds)
        self.capacity = max(1, capacity)
        self.now = now
    }

    /// A new token for `partner`, and how long it lives.
    public func issue(to partner: String) -> (token: String, lifetimeSeconds: Int) {
        var generator = SystemRandomNumberGenerator()
        let token = Hex.encode((0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }, uppercase: true)
        let issued = Issued(partner: partner, expires: now().adding(seconds: Int64(lifetimeSeconds)))
        state.withLock { state in
            while state.tokens.count >= capacity, state.head < state.order.count {
                state.tokens[state.order[state.head]] = nil
                state.head += 1
            }
            if state.order.count - state.head >= 2 * capacity {
                // Revoked and expired tokens leave `tokens` but not `order`: drop them.
                let moment = issued.expires.adding(seconds: -Int64(lifetimeSeconds))
                state.tokens = state.tokens.filter { $0.value.expires >= moment }
                state.order = state.order[state.head...].filter { state.tokens[$0] != nil }
                state.head = 0
            } else if state.head > 1024, state.head * 2 > state.order.count {
                state.order.removeFirst(state.head)
                state.head = 0
            }
            state.tokens[token] = issued
            state.order.append(token)
        }
        return (token, lifetimeSeconds)
    }

    /// Forgets `token` (a partner logged out).
    public func revoke(_ token: String) {
        state.withLock { $0.tokens[token] = nil }
    }

    public func holder(of token: String?, for interface: InterfaceSchema) async -> TokenHolder? {
        guard let token else { return nil }
        let moment = now()
        return state.withLock { state in
            guard let issued = state.tokens[token] else { return nil }
            guard issued.expires >= moment else {
                state.tokens[token] = nil
                return nil
            }
            return .partner(issued.partner)
        }
    }
}
