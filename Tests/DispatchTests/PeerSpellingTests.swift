import DB4403
import DB4403Wire
import EVCS
import EVCSWire
import InterchangeRuntime
import Synchronization
import TestSupport
import Testing

/// Peers that spell members their own way (profile `payloadKeyCasing`, `fieldAliases`)
/// round-trip through a generated client and a dispatcher with every field decoded: nothing
/// lands in `additionalMembers`, and what each side sends is in the peer's spelling.
@Suite struct PeerSpellingTests {
    static let secrets = EVCSSecrets(operatorID: "MA5DA0053", dataSecret: "1234567890abcdef", dataSecretIV: "1234567890abcdef", sigSecret: "1234567890abcdef")

    /// Records what crossed the wire, then hands it to the dispatcher.
    final class Recording: ClientTransport {
        let dispatcher: Dispatcher
        let seen = Mutex<[WireRequest]>([])

        init(dispatcher: Dispatcher) {
            self.dispatcher = dispatcher
        }

        var first: WireRequest? { seen.withLock { $0.first } }

        func send(_ request: WireRequest) async throws -> WireResponse {
            seen.withLock { $0.append(request) }
            return await dispatcher.handle(request)
        }
    }

    @Test func aLowerCamelEVCSPeer() async throws {
        let profile = PeerProfile(envelopeKeyCasing: .lowerCamel, payloadKeyCasing: .lowerCamel)
        let received = Mutex<QueryStartChargeRequest?>(nil)
        let route = Route(interface: EVCSInterfaces.queryStartCharge) { data, _ in
            let request = try QueryStartChargeRequest(json: data ?? .null)
            received.withLock { $0 = request }
            return QueryStartChargeResponse(
                startChargeSeq: request.startChargeSeq, startChargeSeqStat: .starting, connectorID: request.connectorID, succStat: .success,
                failReason: .noFailure).json
        }
        let server = Dispatcher(binding: try EVCSBinding(secrets: Self.secrets, profile: profile), routes: [route], now: { 0 })
        let transport = Recording(dispatcher: server)
        let client = EVCSChargingOperatorClient(core: ClientCore(
            transport: transport, binding: try EVCSBinding(secrets: Self.secrets, profile: profile), now: { 0 }))
        let answer = try await client.queryStartCharge(
            QueryStartChargeRequest(startChargeSeq: "MA5DA0053000000000000000001", connectorID: "1", qRCode: "hlht://1"))
        let request = try #require(received.withLock { $0 })
        #expect(request.startChargeSeq == "MA5DA0053000000000000000001" && request.connectorID == "1" && request.qRCode == "hlht://1")
        #expect(request.additionalMembers.isEmpty)
        #expect(answer.startChargeSeqStat == .starting && answer.connectorID == "1" && answer.additionalMembers.isEmpty)
        // On the wire: the envelope and the sealed data in the peer's casing.
        let body = try JSONReader().read(try #require(transport.first).body)
        #expect(body["operatorID"] != nil && body["OperatorID"] == nil)
        let opened = try EVCSEnvelope(secrets: Self.secrets, profile: profile).openRequest(try #require(transport.first).body)
        #expect(String(decoding: opened.plaintext, as: UTF8.self) == #"{"startChargeSeq":"MA5DA0053000000000000000001","connectorID":"1","qRCode":"hlht://1"}"#)
    }

    @Test func aPascalCaseDB4403PeerWithItsOwnAliases() async throws {
        let profile = PeerProfile(payloadKeyCasing: .pascalCase, fieldAliases: ["Amount": "receivables"])
        let received = Mutex<ParkRecordInfo?>(nil)
        let route = Route(interface: DB4403Interfaces.reportVehicleEntry) { data, _ in
            let record = try ParkRecordInfo(json: data ?? .null)
            received.withLock { $0 = record }
            return ReportVehicleEntryResponse(id: record.id).json
        }
        let server = Dispatcher(binding: DB4403Binding(profile: profile), routes: [route], now: { 0 })
        let transport = Recording(dispatcher: server)
        let client = DB4403CityPlatformClient(core: ClientCore(
            transport: transport, binding: DB4403Binding(profile: profile), now: { 0 }))
        let record = ParkRecordInfo(
            id: CompactUUID("C78E319DAB604A268842ACF164774592")!, enterTime: LocalDateTime("2024-05-01 08:00:00")!,
            receivables: ExactNumber("20.00")!, discount: ExactNumber("5.00")!, received: ExactNumber("15.00")!)
        let answer = try await client.reportVehicleEntry(record)
        #expect(answer.id.text == "C78E319DAB604A268842ACF164774592" && answer.additionalMembers.isEmpty)
        let got = try #require(received.withLock { $0 })
        #expect(got == record)
        let sent = try DB4403Envelope(profile: profile).openRequest(try #require(transport.first).body)
        #expect(JSONWriter().string(.array(sent.data)) == #"[{"Id":"C78E319DAB604A268842ACF164774592","EnterTime":"2024-05-01 08:00:00","Amount":20.00,"Discount":5.00,"Received":15.00}]"#)
    }

    /// Without the profile the same lowerCamel data is not silently accepted: the required
    /// members are missing and the unknown ones are named.
    @Test func withoutTheProfileTheDataIsRefusedNotLost() async throws {
        let route = Route(interface: EVCSInterfaces.queryStartCharge) { _, _ in nil }
        let server = Dispatcher(binding: try EVCSBinding(secrets: Self.secrets), routes: [route], now: { epochSeconds(ofCompact: "20240501080000") })
        let sealed = try EVCSEnvelope(secrets: Self.secrets).request(
            data: Array(#"{"startChargeSeq":"MA5DA0053000000000000000001","connectorID":"1","qRCode":"hlht://1"}"#.utf8),
            timeStamp: "20240501080000", seq: "0001")
        let response = await server.handle(WireRequest(path: "/query_start_charge", body: JSONWriter().bytes(sealed)))
        let answer = try EVCSEnvelope(secrets: Self.secrets).openResponse(response.body)
        #expect(answer.ret == 4004)
        #expect(answer.msg == "充电订单号 is required ($.StartChargeSeq)")
    }
}

/// A partner whose Data IV is not its data secret: both sides with the IV round-trip; a
/// server that assumes IV = key refuses the data as undecryptable.
@Suite struct DistinctIVDispatchTests {
    static let key = "1234567890abcdef"
    static let withIV = EVCSSecrets(operatorID: "MA5DA0053", dataSecret: key, dataSecretIV: "abcdef1234567890", sigSecret: key)
    static let keyAsIV = EVCSSecrets(operatorID: "MA5DA0053", dataSecret: key, dataSecretIV: key, sigSecret: key)

    func call(server: EVCSSecrets) async throws -> QueryStartChargeResponse {
        let route = Route(interface: EVCSInterfaces.queryStartCharge) { data, _ in
            let request = try QueryStartChargeRequest(json: data ?? .null)
            return QueryStartChargeResponse(
                startChargeSeq: request.startChargeSeq, startChargeSeqStat: .starting, connectorID: request.connectorID, succStat: .success,
                failReason: .noFailure).json
        }
        let dispatcher = Dispatcher(binding: try EVCSBinding(secrets: server), routes: [route], now: { 0 })
        let client = EVCSChargingOperatorClient(core: ClientCore(
            transport: InMemoryTransport(dispatcher: dispatcher), binding: try EVCSBinding(secrets: Self.withIV), now: { 0 }))
        return try await client.queryStartCharge(QueryStartChargeRequest(startChargeSeq: "MA5DA0053000000000000000001", connectorID: "1", qRCode: "x"))
    }

    @Test func theIVIsUsed() async throws {
        #expect(try await call(server: Self.withIV).startChargeSeqStat == .starting)
        await #expect(throws: ClientError.self) { try await call(server: Self.keyAsIV) }
    }
}

/// Envelope quirks of real T/CEC peers, each switched on by its profile setting and
/// refused without it, through the dispatcher.
@Suite struct EnvelopeQuirkTests {
    static let secrets = EVCSSecrets(operatorID: "MA5DA0053", dataSecret: "1234567890abcdef", dataSecretIV: "1234567890abcdef", sigSecret: "1234567890abcdef")
    static let plaintext = #"{"StartChargeSeq":"MA5DA0053000000000000000001","ConnectorID":"1","QRCode":"hlht://1"}"#

    func ret(_ profile: PeerProfile, _ body: JSONValue) async throws -> Int {
        let route = Route(interface: EVCSInterfaces.queryStartCharge) { data, _ in
            let request = try QueryStartChargeRequest(json: data ?? .null)
            return QueryStartChargeResponse(
                startChargeSeq: request.startChargeSeq, startChargeSeqStat: .starting, connectorID: request.connectorID, succStat: .success,
                failReason: .noFailure).json
        }
        let dispatcher = Dispatcher(
            binding: try EVCSBinding(secrets: Self.secrets, profile: profile), routes: [route], now: { epochSeconds(ofCompact: "20240501080000") })
        let response = await dispatcher.handle(WireRequest(path: "/query_start_charge", body: JSONWriter().bytes(body)))
        return try EVCSEnvelope(secrets: Self.secrets, profile: profile).openResponse(response.body).ret
    }

    /// Data as a Java MIME encoder writes it (a line break every 76 characters), its Sig
    /// computed over the Data with the line breaks removed.
    @Test func aSigOverDataWithoutLineBreaks() async throws {
        let envelope = EVCSEnvelope(secrets: Self.secrets)
        let sealed = try envelope.request(data: Array(Self.plaintext.utf8), timeStamp: "20240501080000", seq: "0001")
        guard case .string(let data)? = sealed["Data"] else { Issue.record("no Data"); return }
        let wrapped = String(data.prefix(76)) + "\r\n" + String(data.dropFirst(76))
        let sig = try envelope.signature("MA5DA0053" + data + "20240501080000" + "0001")
        let body: JSONValue = ["OperatorID": "MA5DA0053", "Data": .string(wrapped), "TimeStamp": "20240501080000", "Seq": "0001", "Sig": .string(sig)]
        #expect(try await ret(PeerProfile(), body) == 4001)
        #expect(try await ret(PeerProfile(signsDataWithoutLineBreaks: true), body) == 0)
    }

    /// A peer that writes some envelope members in lowerCamel and others in PascalCase.
    @Test func bothEnvelopeCasingsAtOnce() async throws {
        let sealed = try EVCSEnvelope(secrets: Self.secrets).request(data: Array(Self.plaintext.utf8), timeStamp: "20240501080000", seq: "0001")
        guard case .object(var object) = sealed else { return }
        object.members = object.members.map { $0.key == "OperatorID" || $0.key == "Seq" ? JSONObject.Member(PeerProfile.KeyCasing.lowerCamel.apply($0.key), $0.value) : $0 }
        #expect(try await ret(PeerProfile(), .object(object)) == 4003)
        #expect(try await ret(PeerProfile(acceptsBothEnvelopeCasings: true), .object(object)) == 0)
    }
}

/// A peer answering with an unencrypted object Data: read only when the profile accepts it.
@Suite struct UnencryptedAnswerTests {
    @Test func anObjectDataNeedsTheProfile() throws {
        let secrets = EVCSSecrets(operatorID: "MA5DA0053", dataSecret: "1234567890abcdef", dataSecretIV: "1234567890abcdef", sigSecret: "1234567890abcdef")
        let envelope = EVCSEnvelope(secrets: secrets)
        let data = #"{"SuccStat":0,"FailReason":0}"#
        let sig = try envelope.signature("0" + "请求成功" + data)
        let body = Array(#"{"Ret":0,"Msg":"请求成功","Data":{"SuccStat":0,"FailReason":0},"Sig":"\#(sig)"}"#.utf8)
        #expect(throws: EnvelopeError(.malformed, "'Data' must be a string, got object")) { try envelope.openResponse(body) }
        let lenient = EVCSEnvelope(secrets: secrets, profile: PeerProfile(acceptsUnencryptedData: true))
        #expect(String(decoding: try lenient.openResponse(body).plaintext, as: UTF8.self) == data)
        let forged = Array(String(decoding: body, as: UTF8.self).replacingOccurrences(of: #""FailReason":0}"#, with: #""FailReason":1}"#).utf8)
        #expect(throws: EnvelopeError(.badSignature, "Sig does not match Ret+Msg+Data")) { try lenient.openResponse(forged) }
    }
}
