import EVCS
import EVCSWire
import InterchangeRuntime
import Synchronization
import TestSupport
import Testing

/// One dispatcher serving two EVCS partners, each with its own secrets, and tokens bound to
/// the partner they were issued to.
@Suite struct PartnerTests {
    static let partnerA = EVCSSecrets(operatorID: "MA5DA0053", dataSecret: "aaaaaaaaaaaaaaaa", dataSecretIV: "aaaaaaaaaaaaaaaa", sigSecret: "A-sig-secret")
    static let partnerB = EVCSSecrets(operatorID: "MA6CR1234", dataSecret: "bbbbbbbbbbbbbbbb", dataSecretIV: "bbbbbbbbbbbbbbbb", sigSecret: "B-sig-secret")
    static let now: EpochSeconds = 1_714_521_661

    final class Service: EVCSChargingOperatorService {
        let issuer: TokenIssuer
        let callers = Mutex<[String]>([])

        init(issuer: TokenIssuer) {
            self.issuer = issuer
        }

        func queryToken(_ request: QueryTokenRequest, context: CallContext) async throws -> QueryTokenResponse {
            // The partner is the OperatorID of the sealed, verified envelope.
            let (token, lifetime) = issuer.issue(to: context.caller ?? "")
            return QueryTokenResponse(
                operatorID: request.operatorID, succStat: .success, accessToken: token, tokenAvailableTime: lifetime, failReason: nil)
        }

        func queryStartCharge(_ request: QueryStartChargeRequest, context: CallContext) async throws -> QueryStartChargeResponse {
            callers.withLock { $0.append(context.caller ?? "") }
            return QueryStartChargeResponse(
                startChargeSeq: request.startChargeSeq, startChargeSeqStat: .starting, connectorID: request.connectorID, succStat: .success,
                failReason: .noFailure)
        }

        func queryStationsInfo(_ request: QueryStationsInfoRequest, context: CallContext) async throws -> QueryStationsInfoResponse { throw CancellationError() }
        func queryEquipAuth(_ request: QueryEquipAuthRequest, context: CallContext) async throws -> QueryEquipAuthResponse { throw CancellationError() }
        func queryStopCharge(_ request: QueryStopChargeRequest, context: CallContext) async throws -> QueryStopChargeResponse { throw CancellationError() }
        func queryStationStatus(_ request: QueryStationStatusRequest, context: CallContext) async throws -> QueryStationStatusResponse { throw CancellationError() }
        func queryStationStats(_ request: QueryStationStatsRequest, context: CallContext) async throws -> QueryStationStatsResponse { throw CancellationError() }
        func queryEquipBusinessPolicy(_ request: QueryEquipBusinessPolicyRequest, context: CallContext) async throws -> QueryEquipBusinessPolicyResponse { throw CancellationError() }
        func queryEquipChargeStatus(_ request: QueryEquipChargeStatusRequest, context: CallContext) async throws -> EquipChargeStatus { throw CancellationError() }
    }

    func client(_ secrets: EVCSSecrets, _ server: Dispatcher, token: String?) throws -> EVCSChargingOperatorClient {
        let tokens = token.map { token in TokenCache(defaultLifetimeSeconds: 7200, now: { Self.now }, fetch: { (token, nil) }) }
        return EVCSChargingOperatorClient(core: ClientCore(
            transport: InMemoryTransport(dispatcher: server), binding: try EVCSBinding(secrets: secrets), tokens: tokens, now: { Self.now }))
    }

    @Test func twoPartnersOneDispatcherTokensBoundToTheirPartner() async throws {
        let issuer = TokenIssuer(lifetimeSeconds: 7 * 24 * 3600, now: { Self.now })
        let service = Service(issuer: issuer)
        let server = Dispatcher(binding: try EVCSBinding(partners: [Self.partnerA, Self.partnerB]), routes: service.routes, tokens: issuer, now: { Self.now })

        // Each partner obtains its token with its own secrets.
        let tokenA = try await client(Self.partnerA, server, token: nil).queryToken(QueryTokenRequest(operatorID: "MA5DA0053", operatorSecret: "secret")).accessToken
        let tokenB = try await client(Self.partnerB, server, token: nil).queryToken(QueryTokenRequest(operatorID: "MA6CR1234", operatorSecret: "secret")).accessToken
        let start = QueryStartChargeRequest(startChargeSeq: "MA5DA0053000000000000000001", connectorID: "1", qRCode: "x")
        #expect(try await client(Self.partnerA, server, token: tokenA).queryStartCharge(start).succStat == .success)
        #expect(try await client(Self.partnerB, server, token: tokenB).queryStartCharge(start).succStat == .success)
        #expect(service.callers.withLock { $0 } == ["MA5DA0053", "MA6CR1234"])

        // Partner B presenting A's token: 4002, never retried (start charging), handler not run.
        await #expect(throws: TokenRejected(code: "4002")) { try await client(Self.partnerB, server, token: tokenA).queryStartCharge(start) }
        #expect(service.callers.withLock { $0 }.count == 2)
    }

    /// A request naming an operator the server has no secrets for is refused as badly
    /// signed, unsigned (there is no shared secret), the same way as a bad Sig.
    @Test func anUnknownOperatorIsRefusedAsBadlySigned() async throws {
        let route = Route(interface: EVCSInterfaces.queryStartCharge) { _, _ in nil }
        let server = Dispatcher(binding: try EVCSBinding(partners: [Self.partnerA]), routes: [route], now: { Self.now })
        let stranger = EVCSSecrets(operatorID: "MA9XX0000", dataSecret: "cccccccccccccccc", dataSecretIV: "cccccccccccccccc", sigSecret: "C")
        let sealed = try EVCSEnvelope(secrets: stranger).request(data: Array("{}".utf8), timeStamp: "20240501080101", seq: "0001")
        let response = await server.handle(WireRequest(path: "/query_start_charge", body: JSONWriter().bytes(sealed)))
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"Ret":4001,"Msg":"the signature does not match","Data":"","Sig":""}"#)
        await #expect(throws: ClientError.self) {
            try await EVCSChargingOperatorClient(core: ClientCore(
                transport: InMemoryTransport(dispatcher: server), binding: try EVCSBinding(partners: [Self.partnerA]), now: { Self.now }))
                .queryStartCharge(QueryStartChargeRequest(startChargeSeq: "MA5DA0053000000000000000001", connectorID: "1", qRCode: "x"))
        }
    }

    @Test func issuedTokensExpireAndCanBeRevoked() async throws {
        let clock = Mutex<EpochSeconds>(Self.now)
        let issuer = TokenIssuer(lifetimeSeconds: 60, capacity: 2, now: { clock.withLock { $0 } })
        let interface = EVCSInterfaces.queryStartCharge
        let first = issuer.issue(to: "A").token
        #expect(await issuer.holder(of: first, for: interface) == .partner("A"))
        clock.withLock { $0 = Self.now.adding(seconds: 61) }
        #expect(await issuer.holder(of: first, for: interface) == nil)
        let second = issuer.issue(to: "B").token
        issuer.revoke(second)
        #expect(await issuer.holder(of: second, for: interface) == nil)
        // Past its capacity the oldest tokens go.
        let tokens = (0..<3).map { issuer.issue(to: "P\($0)").token }
        #expect(await issuer.holder(of: tokens[0], for: interface) == nil)
        #expect(await issuer.holder(of: tokens[2], for: interface) == .partner("P2"))
    }

    /// Many tokens issued, most revoked or left to expire: the issuer's bookkeeping is
    /// compacted as it goes, and the tokens still held keep working and keep their order.
    @Test func issuingManyRevokedAndExpiredTokensKeepsTheLiveOnes() async throws {
        let clock = Mutex<EpochSeconds>(Self.now)
        let issuer = TokenIssuer(lifetimeSeconds: 60, capacity: 3, now: { clock.withLock { $0 } })
        let interface = EVCSInterfaces.queryStartCharge
        var kept: [String] = []
        for round in 0..<1_000 {
            clock.withLock { $0 = Self.now.adding(seconds: Int64(round / 10)) }
            let token = issuer.issue(to: "P\(round)").token
            if round % 7 == 0 { kept.append(token) } else { issuer.revoke(token) }
        }
        // The last three kept are held (issued within the minute); earlier ones expired or
        // were pushed out by capacity.
        for token in kept.suffix(2) { #expect(await issuer.holder(of: token, for: interface) != nil) }
        #expect(await issuer.holder(of: kept[0], for: interface) == nil)
        let fresh = (0..<3).map { issuer.issue(to: "F\($0)").token }
        for token in fresh { #expect(await issuer.holder(of: token, for: interface) != nil) }
        #expect(await issuer.holder(of: kept.last ?? "", for: interface) == nil)
    }
}

/// Clients check requests against their tables before sending: a bad one never leaves.
@Suite struct OutgoingValidationTests {
    @Test func aBadRequestIsNotSent() async throws {
        let secrets = EVCSSecrets(operatorID: "MA5DA0053", dataSecret: "1234567890abcdef", dataSecretIV: "1234567890abcdef", sigSecret: "1234567890abcdef")
        let sent = Mutex(0)
        struct Counting: ClientTransport {
            let dispatcher: Dispatcher
            let sent: @Sendable () -> Void
            func send(_ request: WireRequest) async throws -> WireResponse {
                sent()
                return await dispatcher.handle(request)
            }
        }
        let route = Route(interface: EVCSInterfaces.queryEquipAuth) { _, _ in nil }
        let server = Dispatcher(binding: try EVCSBinding(secrets: secrets), routes: [route], now: { 1_714_521_661 })
        let transport = Counting(dispatcher: server) { sent.withLock { $0 += 1 } }
        let request = QueryEquipAuthRequest(equipAuthSeq: "MA5DA0053000000000000000001XXX", connectorID: "1")
        let checking = EVCSChargingOperatorClient(core: ClientCore(transport: transport, binding: try EVCSBinding(secrets: secrets), now: { 1_714_521_661 }))
        do {
            _ = try await checking.queryEquipAuth(request)
            Issue.record("a 30-character EquipAuthSeq was sent")
        } catch let error as ClientError {
            guard case .invalidRequest = error.kind else { Issue.record("\(error)"); return }
            #expect(error.message == "$.EquipAuthSeq: error: exactLength: 设备认证流水号 expects exactly 27 characters, got 30 [表B.10]")
        }
        #expect(sent.withLock { $0 } == 0)
        // Switched off, the request goes and the server refuses it (4004).
        let trusting = EVCSChargingOperatorClient(core: ClientCore(
            transport: transport, binding: try EVCSBinding(secrets: secrets), validatesRequests: false, now: { 1_714_521_661 }))
        await #expect(throws: ClientError.self) { try await trusting.queryEquipAuth(request) }
        #expect(sent.withLock { $0 } == 1)
    }
}

/// A partner allowed to break one rule (its order numbers are 13 characters), and only it.
@Suite struct ToleratedRuleTests {
    @Test func onePeerMayBreakOneRule() async throws {
        let secrets = EVCSSecrets(operatorID: "MA5DA0053", dataSecret: "1234567890abcdef", dataSecretIV: "1234567890abcdef", sigSecret: "1234567890abcdef")
        let route = Route(interface: EVCSInterfaces.queryStartCharge) { data, _ in
            let request = try QueryStartChargeRequest(json: data ?? .null)
            return QueryStartChargeResponse(
                startChargeSeq: request.startChargeSeq, startChargeSeqStat: .starting, connectorID: request.connectorID, succStat: .success,
                failReason: .noFailure).json
        }
        func ret(_ profile: PeerProfile, _ json: String) async throws -> EVCSEnvelope.Response {
            let server = Dispatcher(
                binding: try EVCSBinding(secrets: secrets, profile: profile), routes: [route], now: { epochSeconds(ofCompact: "20240501080101") })
            let envelope = EVCSEnvelope(secrets: secrets)
            let sealed = try envelope.request(data: Array(json.utf8), timeStamp: "20240501080101", seq: "0001")
            return try envelope.openResponse(await server.handle(WireRequest(path: "/query_start_charge", body: JSONWriter().bytes(sealed))).body)
        }
        let short = #"{"StartChargeSeq":"MA5DA00531234","ConnectorID":"1","QRCode":"x"}"#
        #expect(try await ret(PeerProfile(), short).ret == 4004)
        let tolerant = try PeerProfile(json: JSONReader().read(#"{"toleratedRules": {"StartChargeSeq": ["exactLength"]}}"#))
        #expect(try await ret(tolerant, short).ret == 0)
        // Only that rule: a missing QRCode is still refused.
        #expect(try await ret(tolerant, #"{"StartChargeSeq":"MA5DA00531234","ConnectorID":"1"}"#).ret == 4004)
        #expect(throws: EnvelopeError.self) { try PeerProfile(json: JSONReader().read(#"{"toleratedRules": {"A": ["lenient"]}}"#)) }
    }
}

/// A partner file loads into the secrets one dispatcher serves every partner with.
@Suite struct PartnerFileTests {
    @Test func aPartnerFileLoads() async throws {
        let file = try JSONReader().read(#"""
            {"partners": [
              {"operatorID": "MA5DA0053", "dataSecret": "aaaaaaaaaaaaaaaa", "sigSecret": "A-sig-secret"},
              {"operatorID": "MA6CR1234", "dataSecret": "bbbbbbbbbbbbbbbb", "dataSecretIV": "cccccccccccccccc", "sigSecret": "B-sig-secret"}
            ]}
            """#)
        let partners = try EVCSSecrets.partners(json: file)
        #expect(partners.map(\.operatorID) == ["MA5DA0053", "MA6CR1234"])
        #expect(partners[0].dataSecretIV == "aaaaaaaaaaaaaaaa" && partners[1].dataSecretIV == "cccccccccccccccc")
        #expect(throws: EnvelopeError(.missingMember, "partner 2: 'sigSecret' is missing or empty")) {
            try EVCSSecrets.partners(json: JSONReader().read(#"{"partners": [{"operatorID": "A", "dataSecret": "s", "sigSecret": "t"}, {"operatorID": "B", "dataSecret": "s"}]}"#))
        }
        #expect(throws: EnvelopeError(.malformed, "partner 2: OperatorID A is listed twice")) {
            try EVCSSecrets.partners(json: JSONReader().read(#"{"partners": [{"operatorID": "A", "dataSecret": "s", "sigSecret": "t"}, {"operatorID": "A", "dataSecret": "s", "sigSecret": "t"}]}"#))
        }
        _ = try EVCSBinding(partners: partners)
    }
}
