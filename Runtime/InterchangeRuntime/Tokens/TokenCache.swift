/// What a peer said when it refused a token, in its protocol's code. A client binding throws
/// it so `TokenCache` can react.
public struct TokenRejected: Error, Sendable, Hashable {
    /// The protocol's code for the refusal, as the peer sent it.
    public let code: String

    /// A token refusal with the peer's `code`.
    public init(code: String) {
        self.code = code
    }
}

/// Fetches, shares and refreshes an access token. Concurrent callers share one fetch; a
/// token is refreshed `refreshMargin` seconds before it expires. After a token error an
/// idempotent call is retried once with a fresh token; a non-idempotent call (start or stop
/// charging) is never retried: the error goes back to the caller, who decides.
public actor TokenCache {
    /// A fetched token and how long the issuer says it lives (`nil`: the default lifetime).
    public typealias Fetch = @Sendable () async throws -> (token: String, lifetimeSeconds: Int?)

    private let fetch: Fetch
    private let defaultLifetime: Int
    private let refreshMargin: Int
    private let now: @Sendable () -> EpochSeconds
    private var current: (token: String, refreshAt: EpochSeconds)?
    private var inFlight: Task<(token: String, refreshAt: EpochSeconds), any Error>?
    /// How many fetches ran (for observability and tests).
    public private(set) var fetchCount = 0

    /// `now` is the wall clock; inject a fixed one in tests.
    public init(
        defaultLifetimeSeconds: Int, refreshMarginSeconds: Int = 300,
        now: @escaping @Sendable () -> EpochSeconds = { .now }, fetch: @escaping Fetch
    ) {
        self.defaultLifetime = defaultLifetimeSeconds
        self.refreshMargin = refreshMarginSeconds
        self.now = now
        self.fetch = fetch
    }

    /// A cache timed by a peer profile: its token lifetime (else `defaultLifetimeSeconds`, the
    /// protocol's, such as 7200 s) and refresh margin.
    public init(
        profile: PeerProfile, defaultLifetimeSeconds: Int, now: @escaping @Sendable () -> EpochSeconds = { .now }, fetch: @escaping Fetch
    ) {
        self.init(
            defaultLifetimeSeconds: profile.tokenLifetimeSeconds ?? defaultLifetimeSeconds,
            refreshMarginSeconds: profile.tokenRefreshMarginSeconds, now: now, fetch: fetch)
    }

    /// A token valid for at least the refresh margin, fetching one if needed.
    public func token() async throws -> String {
        if let current, now() < current.refreshAt { return current.token }
        if let inFlight { return try await inFlight.value.token }
        let task = Task { [fetch, defaultLifetime, refreshMargin, now] in
            let fetched = try await fetch()
            return TokenCache.schedule(
                fetched.token, lifetime: fetched.lifetimeSeconds, defaultLifetime: defaultLifetime, refreshMargin: refreshMargin,
                fetchedAt: now())
        }
        inFlight = task
        defer { inFlight = nil }
        fetchCount += 1
        let fresh = try await task.value
        current = fresh
        return fresh.token
    }

    /// When to fetch again after a token fetched at `fetchedAt`: `refreshMargin` seconds before
    /// it expires, or halfway through a lifetime shorter than twice the margin. A lifetime that
    /// is missing, zero or negative counts as the default one; an absurd one (Int.max) saturates
    /// instead of overflowing.
    static func schedule(
        _ token: String, lifetime: Int?, defaultLifetime: Int, refreshMargin: Int, fetchedAt: EpochSeconds
    ) -> (token: String, refreshAt: EpochSeconds) {
        let lifetime = Int64(lifetime.flatMap { $0 > 0 ? $0 : nil } ?? max(defaultLifetime, 0))
        let margin = min(Int64(max(refreshMargin, 0)), lifetime / 2)
        return (token, fetchedAt.adding(seconds: lifetime - margin))
    }

    /// Forgets `token` (the peer refused it), so the next call fetches another.
    public func invalidate(_ token: String) {
        if current?.token == token { current = nil }
    }

    /// Runs `call` with a token. On `TokenRejected`, the token is dropped; an idempotent
    /// call is then retried once with a fresh token, a non-idempotent one is not.
    public func withToken<T: Sendable>(
        idempotent: Bool, _ call: @Sendable (String) async throws -> T
    ) async throws -> T {
        let first = try await token()
        do {
            return try await call(first)
        } catch let rejection as TokenRejected {
            invalidate(first)
            guard idempotent else { throw rejection }
            return try await call(try await token())
        }
    }
}
