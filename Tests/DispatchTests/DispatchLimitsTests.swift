import EVCS
import EVCSWire
import InterchangeRuntime
import Synchronization
import TestSupport
import Testing

/// The dispatcher's bounds, through `handle` as a server calls it: a handler's deadline
/// (answered in the protocol's own failure code, the handler cancelled) and the number of
/// requests in flight (answered busy).
@Suite struct DispatchLimitsTests {
    static let secrets = EVCSSecrets(operatorID: "MA5DA0053", dataSecret: "1234567890abcdef", dataSecretIV: "1234567890abcdef", sigSecret: "1234567890abcdef")
    let envelope = EVCSEnvelope(secrets: Self.secrets)

    func dispatcher(limits: Dispatcher.Limits, handler: @escaping @Sendable () async throws -> Void) throws -> Dispatcher {
        let route = Route(interface: EVCSInterfaces.queryStartCharge) { data, _ in
            try await handler()
            let request = try QueryStartChargeRequest(json: data ?? .null)
            return QueryStartChargeResponse(
                startChargeSeq: request.startChargeSeq, startChargeSeqStat: .starting, connectorID: request.connectorID,
                succStat: .success, failReason: .noFailure).json
        }
        return Dispatcher(binding: try EVCSBinding(secrets: Self.secrets), routes: [route], limits: limits, now: { epochSeconds(ofCompact: "20240501083100") })
    }

    /// The Ret of one request; `seq` tells requests apart (the same sealed message twice is a replay).
    func ret(_ server: Dispatcher, seq: String = "0001") async throws -> Int {
        let json = #"{"StartChargeSeq":"MA5DA0053000000000000000001","ConnectorID":"3702120244102_1","QRCode":"hlht://3702120244102_1"}"#
        let sealed = try envelope.request(data: Array(json.utf8), timeStamp: "20240501083100", seq: seq)
        let response = await server.handle(WireRequest(path: "/evcs/v1.0/query_start_charge", body: JSONWriter().bytes(sealed)))
        return try envelope.openResponse(response.body).ret
    }

    @Test func aSlowHandlerIsAnsweredAtItsDeadlineAndCancelled() async throws {
        let cancelled = Mutex(false)
        // The handler would sleep an hour: the answer coming at all is the deadline at work.
        let server = try dispatcher(limits: .init(handlerDeadline: .milliseconds(50))) {
            do {
                try await Task.sleep(for: .seconds(3600))
            } catch {
                cancelled.withLock { $0 = true }
                throw error
            }
        }
        #expect(try await ret(server) == 500)
        for _ in 0..<1000 where !cancelled.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(10)) }
        #expect(cancelled.withLock { $0 })
    }

    /// A handler that never returns and ignores cancellation still gets its request answered.
    @Test func aHungHandlerDoesNotHoldItsRequest() async throws {
        let server = try dispatcher(limits: .init(handlerDeadline: .milliseconds(50))) {
            await withUnsafeContinuation { (_: UnsafeContinuation<Void, Never>) in }
        }
        #expect(try await ret(server) == 500)
    }

    /// A handler starts on the request's own thread; its deadline runs from its first
    /// suspension. One that computes past the deadline without suspending is answered with its
    /// result, not cut off.
    @Test func aHandlerThatNeverSuspendsIsAnsweredWithItsResult() async throws {
        let server = try dispatcher(limits: .init(handlerDeadline: .milliseconds(20))) {
            let start = ContinuousClock.now
            while ContinuousClock.now - start < .milliseconds(60) {}
        }
        #expect(try await ret(server) == 0)
    }

    @Test func anInterfaceMayHaveItsOwnDeadline() async throws {
        let slow: @Sendable () async throws -> Void = { try await Task.sleep(for: .seconds(2)) }
        #expect(try await ret(try dispatcher(limits: .init(handlerDeadline: .milliseconds(20)), handler: slow)) == 500)
        let generous = Dispatcher.Limits(handlerDeadline: .milliseconds(20), handlerDeadlines: ["query_start_charge": .seconds(60)])
        #expect(try await ret(try dispatcher(limits: generous, handler: slow)) == 0)
    }

    @Test func requestsPastTheConcurrencyLimitAreAnsweredBusy() async throws {
        let entered = Mutex(0)
        let open = Mutex(false)
        let server = try dispatcher(limits: .init(maxConcurrentRequests: 2)) {
            entered.withLock { $0 += 1 }
            while !open.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(5)) }
        }
        async let first = ret(server, seq: "0001")
        async let second = ret(server, seq: "0002")
        while entered.withLock({ $0 }) < 2 { try await Task.sleep(for: .milliseconds(5)) }
        #expect(try await ret(server, seq: "0003") == -1)
        open.withLock { $0 = true }
        #expect(try await first == 0)
        #expect(try await second == 0)
        #expect(try await ret(server, seq: "0004") == 0)
    }
}
