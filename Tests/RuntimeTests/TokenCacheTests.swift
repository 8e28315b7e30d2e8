import InterchangeRuntime
import Synchronization
import Testing

/// A clock and counters the test controls.
final class FakeWorld: Sendable {
    let clock = Mutex<Int64>(1_000)
    let issued = Mutex<Int>(0)
    let calls = Mutex<[String]>([])

    var now: Int64 { clock.withLock { $0 } }
    func advance(_ seconds: Int64) { clock.withLock { $0 += seconds } }

    func fetch() async throws -> (token: String, lifetimeSeconds: Int?) {
        let number = issued.withLock { $0 += 1; return $0 }
        return ("token-\(number)", nil)
    }
}

@Suite struct TokenCacheTests {
    func cache(_ world: FakeWorld) -> TokenCache {
        TokenCache(defaultLifetimeSeconds: 7200, refreshMarginSeconds: 300, now: { EpochSeconds(world.now) }, fetch: { try await world.fetch() })
    }

    @Test func sharesTokensAndRefreshesBeforeExpiry() async throws {
        let world = FakeWorld()
        let tokens = cache(world)
        #expect(try await tokens.token() == "token-1")
        world.advance(6_899)
        #expect(try await tokens.token() == "token-1")
        world.advance(1)
        #expect(try await tokens.token() == "token-2")
        #expect(await tokens.fetchCount == 2)
    }

    @Test func concurrentCallersShareOneFetch() async throws {
        let world = FakeWorld()
        let tokens = cache(world)
        let results = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<20 { group.addTask { try await tokens.token() } }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(results == ["token-1"])
        #expect(await tokens.fetchCount == 1)
    }

    @Test func idempotentCallsRetryOnceAfterATokenError() async throws {
        let world = FakeWorld()
        let tokens = cache(world)
        let answer = try await tokens.withToken(idempotent: true) { token in
            world.calls.withLock { $0.append(token) }
            if token == "token-1" { throw TokenRejected(code: "3002") }
            return "ok with \(token)"
        }
        #expect(answer == "ok with token-2")
        #expect(world.calls.withLock { $0 } == ["token-1", "token-2"])
    }

    @Test func startAndStopChargingAreNeverRetried() async throws {
        let world = FakeWorld()
        let tokens = cache(world)
        await #expect(throws: TokenRejected(code: "4002")) {
            try await tokens.withToken(idempotent: false) { token in
                world.calls.withLock { $0.append("start charging with \(token)") }
                throw TokenRejected(code: "4002")
            }
        }
        #expect(world.calls.withLock { $0 } == ["start charging with token-1"])
        // The refused token is dropped: the caller's next, deliberate call gets a fresh one.
        #expect(try await tokens.token() == "token-2")
    }

    @Test func aTokenErrorOnTheRetryIsReturned() async throws {
        let world = FakeWorld()
        let tokens = cache(world)
        await #expect(throws: TokenRejected(code: "1300")) {
            try await tokens.withToken(idempotent: true) { _ in throw TokenRejected(code: "1300") }
        }
        #expect(await tokens.fetchCount == 2)
    }

    @Test func timingComesFromTheProfile() async throws {
        let world = FakeWorld()
        let tokens = TokenCache(
            profile: PeerProfile(tokenLifetimeSeconds: 600, tokenRefreshMarginSeconds: 60), defaultLifetimeSeconds: 7200,
            now: { EpochSeconds(world.now) }, fetch: { try await world.fetch() })
        #expect(try await tokens.token() == "token-1")
        world.advance(539)
        #expect(try await tokens.token() == "token-1")
        world.advance(1)
        #expect(try await tokens.token() == "token-2")
    }
}

/// Lifetimes a hostile or broken issuer may state (issue: token lifetime Int.max trapped; a
/// lifetime below the refresh margin, or negative, fetched a new token on every call).
@Suite struct TokenLifetimeTests {
    func cache(_ world: FakeWorld, lifetime: Int) -> TokenCache {
        TokenCache(defaultLifetimeSeconds: 7200, refreshMarginSeconds: 300, now: { EpochSeconds(world.now) }) {
            let number = world.issued.withLock { $0 += 1; return $0 }
            return ("token-\(number)", lifetime)
        }
    }

    @Test func anIntMaxLifetimeSaturatesInsteadOfTrapping() async throws {
        let world = FakeWorld()
        let tokens = cache(world, lifetime: Int.max)
        #expect(try await tokens.token() == "token-1")
        world.advance(1_000_000_000)
        #expect(try await tokens.token() == "token-1")
        #expect(await tokens.fetchCount == 1)
    }

    @Test func aLifetimeShorterThanTheMarginRefreshesHalfway() async throws {
        let world = FakeWorld()
        let tokens = cache(world, lifetime: 60)
        #expect(try await tokens.token() == "token-1")
        world.advance(29)
        #expect(try await tokens.token() == "token-1")
        world.advance(1)
        #expect(try await tokens.token() == "token-2")
        #expect(await tokens.fetchCount == 2)
    }

    @Test(arguments: [0, -5, Int.min]) func aZeroOrNegativeLifetimeCountsAsTheDefault(lifetime: Int) async throws {
        let world = FakeWorld()
        let tokens = cache(world, lifetime: lifetime)
        #expect(try await tokens.token() == "token-1")
        world.advance(6_899)
        #expect(try await tokens.token() == "token-1")
        #expect(await tokens.fetchCount == 1)
    }
}
