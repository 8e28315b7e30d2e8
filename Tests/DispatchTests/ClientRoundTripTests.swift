import DB4403
import DB4403Wire
import EVCS
import EVCSWire
import Foundation
import InterchangeRuntime
import Synchronization
import Testing
import Tomda
import TomdaWire
import Yinli
import YinliWire
import Youxing
import YouxingWire

/// A generated client, over an in-memory transport, through a dispatcher, to a handler: per protocol.
@Suite struct ClientRoundTripTests {
    static let secrets = EVCSSecrets(operatorID: "MA5DA0053", dataSecret: "1234567890abcdef", dataSecretIV: "1234567890abcdef", sigSecret: "1234567890abcdef")

    /// Tokens "T1", "T2", … from a counter; the server accepts only those it is told to.
    final class Tokens: Sendable {
        let issued = Mutex(0)
        let calls = Mutex<[String]>([])
        func cache() -> TokenCache {
            TokenCache(defaultLifetimeSeconds: 7200, now: { 0 }, fetch: { [self] in (self.issued.withLock { $0 += 1; return "T\($0)" }, nil) })
        }
    }

    @Test func db4403ReportVehicleEntry() async throws {
        let tokens = Tokens()
        let route = Route(interface: DB4403Interfaces.reportVehicleEntry) { data, context in
            tokens.calls.withLock { $0.append(context.token ?? "") }
            return ReportVehicleEntryResponse(id: try ParkRecordInfo(json: data ?? .null).id).json
        }
        // The first token is refused (3002); the client fetches another and retries once.
        let server = Dispatcher(binding: DB4403Binding(), routes: [route], tokens: .accepting { token, _ in token == "T2" }, now: { 0 })
        let client = DB4403CityPlatformClient(core: ClientCore(
            transport: InMemoryTransport(dispatcher: server), binding: DB4403Binding(), tokens: tokens.cache(), now: { 0 }))
        let record = ParkRecordInfo(
            id: CompactUUID("C78E319DAB604A268842ACF164774592")!, enterTime: LocalDateTime("2024-05-01 08:00:00")!,
            receivables: ExactNumber("20.00")!, discount: ExactNumber("5.00")!, received: ExactNumber("15.00")!)
        let answer = try await client.reportVehicleEntry(record)
        #expect(answer.id.text == "C78E319DAB604A268842ACF164774592")
        #expect(tokens.calls.withLock { $0 } == ["T2"])
        #expect(tokens.issued.withLock { $0 } == 2)
    }

    @Test func evcsStartChargeIsNeverRetried() async throws {
        let tokens = Tokens()
        let route = Route(interface: EVCSInterfaces.queryStartCharge) { data, _ in
            tokens.calls.withLock { $0.append("start") }
            let request = try QueryStartChargeRequest(json: data ?? .null)
            return QueryStartChargeResponse(
                startChargeSeq: request.startChargeSeq, startChargeSeqStat: .starting, connectorID: request.connectorID, succStat: .success,
                failReason: .noFailure).json
        }
        let binding = try EVCSBinding(secrets: Self.secrets)
        let request = QueryStartChargeRequest(startChargeSeq: "MA5DA0053000000000000000001", connectorID: "1", qRCode: "hlht://1")
        // A token the server refuses: 4002, not retried, the handler never runs.
        let refusing = Dispatcher(binding: binding, routes: [route], tokens: .accepting { token, _ in token == "T9" }, now: { 0 })
        let client = EVCSChargingOperatorClient(core: ClientCore(transport: InMemoryTransport(dispatcher: refusing), binding: binding, tokens: tokens.cache(), now: { 0 }))
        await #expect(throws: TokenRejected(code: "4002")) { try await client.queryStartCharge(request) }
        #expect(tokens.issued.withLock { $0 } == 1)
        #expect(tokens.calls.withLock { $0 }.isEmpty)
        // Accepted: a sealed round trip.
        let accepting = Dispatcher(binding: binding, routes: [route], now: { 0 })
        let answer = try await EVCSChargingOperatorClient(core: ClientCore(transport: InMemoryTransport(dispatcher: accepting), binding: binding, now: { 0 }))
            .queryStartCharge(request)
        #expect(answer.startChargeSeqStat == .starting)
        #expect(answer.connectorID == "1")
    }

    @Test func youxingChargeStop() async throws {
        let binding = YouxingBinding(key: "1234567890abcdef")
        let route = Route(interface: YouxingInterfaces.chargeStop) { data, _ in
            OrderInfo(orderId: try OrderIdRequest(json: data ?? .null).orderId, status: .finished).json
        }
        let server = Dispatcher(binding: binding, routes: [route], now: { 0 })
        let client = YouxingPileOperatorClient(core: ClientCore(transport: InMemoryTransport(dispatcher: server), binding: binding, tokens: Tokens().cache(), now: { 0 }))
        let order = try await client.chargeStop(OrderIdRequest(orderId: "148878924804013004013"))
        #expect(order.status == .finished)
        #expect(order.orderId == "148878924804013004013")
    }

    @Test func tomdaPushAndYinliSynchronize() async throws {
        let push = Dispatcher(binding: TomdaPushBinding(), routes: [Route(interface: TomdaInterfaces.orderBalanceQuery) { _, _ in OrderBalance(balance: 1250).json }], now: { 1_714_521_661 })
        let tomda = TomdaThirdPartyClient(core: ClientCore(transport: InMemoryTransport(dispatcher: push), binding: TomdaPushBinding(), now: { 1_714_521_661 }))
        #expect(try await tomda.orderBalanceQuery(OrderBalanceQuery(clientOrderId: "ORD1")).balance == 1250)

        let yinli = Dispatcher(binding: YinliBinding(), routes: [Route(interface: YinliInterfaces.synchronize) { _, _ in SynchronizeResponse(code: "200", success: true).json }], now: { 0 })
        let client = YinliClient(core: ClientCore(transport: InMemoryTransport(dispatcher: yinli), binding: YinliBinding(), now: { 0 }))
        #expect(try await client.synchronize(SynchronizeRequest(data: [], mallCode: "M1", version: "1")).success == true)
    }
}
