import EVCS
import EVCSWire
import InterchangeRuntime
import Synchronization
import TestSupport
import Testing
import Youxing
import YouxingWire

/// How often a handler ran.
final class RunCounter: Sendable {
    private let count = Mutex(0)
    func hit() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}

/// Refusals must not help an attacker: no peer-chosen text in a signed answer, fields that
/// enter a MAC checked for form before any crypto, one refusal for every unreadable
/// ciphertext, the token checked before decryption, and no unencrypted data by default.
@Suite struct RefusalOracleTests {
    static let secrets = EVCSSecrets(operatorID: "MA5DA0053", dataSecret: "1234567890abcdef", dataSecretIV: "1234567890abcdef", sigSecret: "1234567890abcdef")
    let evcs = EVCSEnvelope(secrets: Self.secrets)

    /// A start-charge service that counts how often its handler runs.
    func startCharge(_ runs: RunCounter) throws -> Dispatcher {
        let route = Route(interface: EVCSInterfaces.queryStartCharge) { data, _ in
            runs.hit()
            let request = try QueryStartChargeRequest(json: data ?? .null)
            return QueryStartChargeResponse(
                startChargeSeq: request.startChargeSeq, startChargeSeqStat: .starting, connectorID: request.connectorID,
                succStat: .success, failReason: .noFailure).json
        }
        return Dispatcher(binding: try EVCSBinding(secrets: Self.secrets), routes: [route], tokens: .accepting { token, _ in token == "TOKEN" }, now: { epochSeconds(ofCompact: "20240501083100") })
    }

    func post(_ body: [UInt8]) -> WireRequest {
        WireRequest(path: "/evcs/v1.0/query_start_charge", headers: [("Authorization", "Bearer TOKEN")], body: body)
    }

    @Test func anEVCSRefusalNeverEchoesTheCallersText() async throws {
        let chosen = "MA5DA0053RVZJTA20240501083100"
        let runs = RunCounter()
        let body = #"{"OperatorID":"MA5DA0053","\#(chosen)":1,"\#(chosen)":2}"#
        let refusal = try evcs.openResponse(await startCharge(runs).handle(post(Array(body.utf8))).body)
        #expect(refusal.ret == 4003)
        #expect(refusal.msg == "the message is not a well-formed envelope")
        #expect(!refusal.msg.contains(chosen))
    }

    /// The attack the audit demonstrated: a refusal's Sig (over Ret+Msg+Data) re-split into a
    /// request's OperatorID+Data+TimeStamp+Seq. The parts' forms no longer allow it, and the
    /// handler never runs.
    @Test func aRefusalsSigCannotBeReusedAsARequestSig() async throws {
        let runs = RunCounter()
        let service = try startCharge(runs)
        let refusal = await service.handle(post(Array(#"{"OperatorID":"MA5DA0053"}"#.utf8)))
        let opened = try evcs.openResponse(refusal.body)
        guard case .object(let answer) = try JSONReader().read(refusal.body), case .string(let sig)? = answer["Sig"] else {
            Issue.record("no Sig")
            return
        }
        let signed = String(opened.ret) + opened.msg
        let forged: JSONValue = [
            "OperatorID": .string(String(signed.prefix(9))), "Data": .string(String(signed.dropFirst(9).dropLast(18))),
            "TimeStamp": .string(String(signed.suffix(18).prefix(14))), "Seq": .string(String(signed.suffix(4))), "Sig": .string(sig),
        ]
        #expect(try evcs.signature(String(signed.prefix(9)) + String(signed.dropFirst(9).dropLast(18)) + String(signed.suffix(18))) == sig)
        let replayed = try evcs.openResponse(await service.handle(post(JSONWriter().bytes(forged))).body)
        #expect(replayed.ret == 4003)
        #expect(runs.value == 0)
    }

    @Test(arguments: [
        ("OperatorID", JSONValue.string("MA5DA005"), "OperatorID is not 9 or 18 upper-case letters or digits"),
        ("OperatorID", JSONValue.string("ma5da0053"), "OperatorID is not 9 or 18 upper-case letters or digits"),
        ("TimeStamp", JSONValue.string("2024050108310"), "TimeStamp is not yyyyMMddHHmmss"),
        ("TimeStamp", JSONValue.string("20241301083100"), "TimeStamp is not yyyyMMddHHmmss"),
        ("Seq", JSONValue.string("01"), "Seq is not 4 digits"),
        ("Seq", JSONValue.string("0x01"), "Seq is not 4 digits"),
        ("Data", JSONValue.string("not base64!"), "Data is not Base64 text"),
    ])
    func macInputsAreCheckedForFormBeforeAnyCrypto(member: String, value: JSONValue, reason: String) throws {
        guard case .object(var object) = try evcs.request(data: Array("{}".utf8), timeStamp: "20240501083100", seq: "0001") else { return }
        if let index = object.members.firstIndex(where: { $0.key == member }) { object.members[index].value = value }
        #expect(throws: EnvelopeError(.malformed, reason)) { try evcs.openRequest(JSONWriter().bytes(.object(object))) }
    }

    // MARK: Youxing

    let youxing = YouxingEnvelope(key: "1234567890abcdef")

    func youxingService(_ runs: RunCounter) -> Dispatcher {
        let callback = Route(interface: YouxingInterfaces.orderCallback) { _, _ in
            runs.hit()
            return nil
        }
        let stop = Route(interface: YouxingInterfaces.chargeStop) { _, _ in
            runs.hit()
            return nil
        }
        return Dispatcher(binding: YouxingBinding(key: "1234567890abcdef"), routes: [callback, stop], tokens: .accepting { token, _ in token == "GOOD" }, now: { 0 })
    }

    /// Bad padding and good padding over a plaintext that is not JSON get the same answer,
    /// byte for byte: no padding oracle.
    @Test func everyUnreadableCiphertextGetsTheSameRefusal() async throws {
        let runs = RunCounter()
        let service = youxingService(runs)
        let key = Array("1234567890abcdef".utf8)
        let notJSON = Base64.encode(try Cipher.aes128CBC.encrypt(Array("not json".utf8), key: key, iv: key))
        var damaged = try Cipher.aes128CBC.encrypt(Array("{\"orderId\":\"1\"}".utf8), key: key, iv: key)
        damaged[damaged.count - 1] ^= 0x01
        let badPadding = Base64.encode(damaged)
        func send(_ data: String) async -> [UInt8] {
            await service.handle(WireRequest(path: "/notifyUrl", body: JSONWriter().bytes(["data": .string(data)]))).body
        }
        let first = await send(notJSON)
        let second = await send(badPadding)
        let third = await send("%%%not base64")
        #expect(first == second)
        #expect(second == third)
        #expect(try youxing.openResponse(first).msg == "the data could not be decrypted")
        #expect(runs.value == 0)
    }

    /// A wrong token is refused before `data` is decrypted: garbage data still gets 304.
    @Test func theTokenIsCheckedBeforeDecryption() async throws {
        let runs = RunCounter()
        let answer = await youxingService(runs).handle(
            WireRequest(path: "/chargeStop", body: Array(#"{"data":"AAAAAAAAAAAAAAAAAAAAAA==","token":"BAD"}"#.utf8)))
        #expect(try youxing.openResponse(answer.body).status == 304)
        #expect(runs.value == 0)
    }

    /// A forged order callback with plain JSON data needs no key: refused unless the profile
    /// accepts unencrypted data, then served.
    @Test func plainDataReachesAHandlerOnlyWhenTheProfileAllowsIt() async throws {
        let runs = RunCounter()
        let forged = WireRequest(path: "/notifyUrl", body: Array(#"{"data":{"orderId":"1","status":1}}"#.utf8))
        let refused = await youxingService(runs).handle(forged)
        #expect(try youxing.openResponse(refused.body).status == 303)
        #expect(runs.value == 0)

        let lenient = Dispatcher(
            binding: YouxingBinding(key: "1234567890abcdef", profile: PeerProfile(acceptsUnencryptedData: true)),
            routes: youxingService(runs).routes, now: { 0 })
        #expect(YouxingEnvelope.acknowledgesCallback(await lenient.handle(forged).body))
        #expect(runs.value == 1)
    }
}

/// What the peer is not told, the service is: `onRefusal` gets every refusal with its full
/// reason, the interface, the caller and a handler's error.
@Suite struct RefusalReportTests {
    static let secrets = RefusalOracleTests.secrets

    final class Reports: Sendable {
        let list = Mutex<[DispatchRefusal]>([])
        func add(_ refusal: DispatchRefusal) { list.withLock { $0.append(refusal) } }
        var all: [DispatchRefusal] { list.withLock { $0 } }
    }

    struct Broken: Error {}

    @Test func everyRefusalIsReportedWithItsReason() async throws {
        let reports = Reports()
        let route = Route(interface: EVCSInterfaces.queryStartCharge) { _, _ in throw Broken() }
        let server = Dispatcher(
            binding: try EVCSBinding(secrets: Self.secrets), routes: [route], tokens: .accepting { token, _ in token == "TOKEN" },
            now: { epochSeconds(ofCompact: "20240501083100") }, onRefusal: reports.add)
        let evcs = EVCSEnvelope(secrets: Self.secrets)
        let json = #"{"StartChargeSeq":"MA5DA0053000000000000000001","ConnectorID":"3702120244102_1","QRCode":"hlht://3702120244102_1"}"#
        let sealed = JSONWriter().bytes(try evcs.request(data: Array(json.utf8), timeStamp: "20240501083100", seq: "0001"))
        let path = "/evcs/v1.0/query_start_charge"
        _ = await server.handle(WireRequest(path: path, headers: [("Authorization", "Bearer TOKEN")], body: sealed))
        _ = await server.handle(WireRequest(path: path, headers: [("Authorization", "Bearer OLD")], body: sealed))
        _ = await server.handle(WireRequest(path: path, headers: [("Authorization", "Bearer TOKEN")], body: Array(#"{"OperatorID":"x","OperatorID":"y"}"#.utf8)))
        _ = await server.handle(WireRequest(path: "/evcs/v1.0/nothing", body: sealed))
        let all = reports.all
        #expect(all.count == 4)
        #expect(all[0].interface?.code == "query_start_charge")
        #expect(all[0].caller == "MA5DA0053")
        #expect(all[0].underlyingError is Broken)
        #expect(all[0].failure.message == "the handler threw Broken")
        #expect(all[1].failure.message == "the access token is missing, unknown or expired")
        #expect(all[2].failure.message.hasPrefix("body is not valid JSON: 1:"))
        #expect(all[2].failure.message.contains("duplicate key 'OperatorID'"))
        #expect(all[3].interface == nil)
    }
}
