import DB4403
import DB4403Wire
import EVCS
import EVCSWire
import InterchangeRuntime
import TestSupport
import Testing

/// Servers refuse replays and stale timestamps by default (the profile's 300 s window), in
/// each protocol's own code; the replay memory is bounded.
@Suite struct ReplayTests {
    static let secrets = EVCSSecrets(operatorID: "MA5DA0053", dataSecret: "1234567890abcdef", dataSecretIV: "1234567890abcdef", sigSecret: "1234567890abcdef")
    static let sentAt = epochSeconds(ofCompact: "20240501083100")
    let envelope = EVCSEnvelope(secrets: Self.secrets)

    func evcs(limits: Dispatcher.Limits = .init(), profile: PeerProfile = PeerProfile(), now: EpochSeconds = Self.sentAt) throws -> Dispatcher {
        let route = Route(interface: EVCSInterfaces.queryStartCharge) { data, _ in
            let request = try QueryStartChargeRequest(json: data ?? .null)
            return QueryStartChargeResponse(
                startChargeSeq: request.startChargeSeq, startChargeSeqStat: .starting, connectorID: request.connectorID, succStat: .success,
                failReason: .noFailure).json
        }
        return Dispatcher(binding: try EVCSBinding(secrets: Self.secrets, profile: profile), routes: [route], limits: limits, now: { now })
    }

    func sealed(seq: String = "0001", timeStamp: String = "20240501083100") throws -> WireRequest {
        let json = #"{"StartChargeSeq":"MA5DA0053000000000000000001","ConnectorID":"1","QRCode":"x"}"#
        return WireRequest(path: "/query_start_charge", body: JSONWriter().bytes(try envelope.request(data: Array(json.utf8), timeStamp: timeStamp, seq: seq)))
    }

    func answer(_ server: Dispatcher, _ request: WireRequest) async throws -> EVCSEnvelope.Response {
        try envelope.openResponse(await server.handle(request).body)
    }

    @Test func evcsReplayIsRefusedWith4003() async throws {
        let server = try evcs()
        let request = try sealed()
        #expect(try await answer(server, request).ret == 0)
        let replayed = try await answer(server, request)
        #expect(replayed.ret == 4003)
        #expect(replayed.msg == "the message was already received")
        #expect(try await answer(server, try sealed(seq: "0002")).ret == 0, "the next Seq is a new message")
    }

    @Test func evcsStaleTimeStampIsRefusedWith4003() async throws {
        let stale = try await answer(try evcs(now: Self.sentAt.adding(seconds: 301)), try sealed())
        #expect(stale.ret == 4003)
        #expect(stale.msg == "the timestamp is outside the allowed clock skew")
        #expect(try await answer(try evcs(now: Self.sentAt.adding(seconds: 299)), try sealed()).ret == 0)
        #expect(try await answer(try evcs(profile: PeerProfile(allowedClockSkewSeconds: 60), now: Self.sentAt.adding(seconds: 61)), try sealed()).ret == 4003)
    }

    /// Turned off (window nil, or no memory), the same message passes twice.
    @Test func theGuardCanBeTurnedOff() async throws {
        for server in [try evcs(limits: .init(replayMemory: 0)), try evcs(profile: PeerProfile(allowedClockSkewSeconds: nil))] {
            let request = try sealed()
            #expect(try await answer(server, request).ret == 0)
            #expect(try await answer(server, request).ret == 0)
        }
    }

    /// Past its memory the guard refuses new messages as busy (-1) rather than forget.
    @Test func theMemoryIsBounded() async throws {
        let server = try evcs(limits: .init(replayMemory: 2))
        #expect(try await answer(server, try sealed(seq: "0001")).ret == 0)
        #expect(try await answer(server, try sealed(seq: "0002")).ret == 0)
        #expect(try await answer(server, try sealed(seq: "0003")).ret == -1)
    }

    @Test func db4403ReplayAndStaleTimestampAreRefused() async throws {
        let route = Route(interface: DB4403Interfaces.reportVehicleEntry) { data, _ in
            ReportVehicleEntryResponse(id: try ParkRecordInfo(json: data ?? .null).id).json
        }
        let record: JSONValue = try JSONReader().read(#"{"id":"C78E319DAB604A268842ACF164774592","enterTime":"2024-05-01 08:00:00","receivables":20.00,"discount":5.00,"received":15.00}"#)
        let envelope = DB4403Envelope()
        let body = JSONWriter().bytes(try envelope.request(data: [record], timestamp: 1_700_000_000))
        func resultMessage(now: EpochSeconds, token: String = "T") async throws -> String? {
            let server = Dispatcher(binding: DB4403Binding(), routes: [route], now: { now })
            let request = WireRequest(path: "/5004", headers: [WireRequest.bearerAuthorization(token)], body: body)
            #expect(try envelope.openResponse(await server.handle(request).body).resultCode == 0)
            return try envelope.openResponse(await server.handle(request).body).resultMsg
        }
        #expect(try await resultMessage(now: 1_700_000_000) == "the message was already received")
        let server = Dispatcher(binding: DB4403Binding(), routes: [route], now: { 1_700_000_301 })
        let stale = try envelope.openResponse(await server.handle(WireRequest(path: "/5004", body: body)).body)
        #expect(stale.resultCode == 1 && stale.resultMsg == "the timestamp is outside the allowed clock skew")
    }

    /// Two partners may send the same data in the same second (a DB4403 sign is unkeyed):
    /// their tokens tell the messages apart.
    @Test func db4403PartnersAreToldApartByToken() async throws {
        let route = Route(interface: DB4403Interfaces.reportVehicleEntry) { data, _ in
            ReportVehicleEntryResponse(id: try ParkRecordInfo(json: data ?? .null).id).json
        }
        let record: JSONValue = try JSONReader().read(#"{"id":"C78E319DAB604A268842ACF164774592","enterTime":"2024-05-01 08:00:00","receivables":20.00,"discount":5.00,"received":15.00}"#)
        let envelope = DB4403Envelope()
        let body = JSONWriter().bytes(try envelope.request(data: [record], timestamp: 1_700_000_000))
        let server = Dispatcher(binding: DB4403Binding(), routes: [route], now: { 1_700_000_000 })
        for token in ["A", "B"] {
            let response = await server.handle(WireRequest(path: "/5004", headers: [WireRequest.bearerAuthorization(token)], body: body))
            #expect(try envelope.openResponse(response.body).resultCode == 0, "partner \(token)")
        }
    }
}
