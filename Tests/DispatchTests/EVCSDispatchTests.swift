import EVCS
import EVCSWire
import InterchangeRuntime
import TestSupport
import Testing

/// EVCS through the dispatcher: sealed request in, sealed answer out; 表B.26 codes on failure.
@Suite struct EVCSDispatchTests {
    static let secrets = EVCSSecrets(operatorID: "MA5DA0053", dataSecret: "1234567890abcdef", dataSecretIV: "1234567890abcdef", sigSecret: "1234567890abcdef")
    let envelope = EVCSEnvelope(secrets: Self.secrets)

    func dispatcher(failing: Bool = false) throws -> Dispatcher {
        let route = Route(interface: EVCSInterfaces.queryStartCharge) { data, context in
            if failing { throw CancellationError() }
            let request = try QueryStartChargeRequest(json: data ?? .null)
            #expect(context.caller == "MA5DA0053")
            return QueryStartChargeResponse(
                startChargeSeq: request.startChargeSeq, startChargeSeqStat: .starting, connectorID: request.connectorID,
                succStat: .success, failReason: .noFailure).json
        }
        return Dispatcher(binding: try EVCSBinding(secrets: Self.secrets), routes: [route], tokens: .accepting { token, _ in token == "TOKEN" }, now: { epochSeconds(ofCompact: "20240501083100") })
    }

    func request(_ json: String, token: String = "TOKEN") throws -> WireRequest {
        let sealed = try envelope.request(data: Array(json.utf8), timeStamp: "20240501083100", seq: "0001")
        return WireRequest(path: "/evcs/v1.0/query_start_charge", headers: [("Authorization", "Bearer \(token)")], body: JSONWriter().bytes(sealed))
    }

    let valid = #"{"StartChargeSeq":"MA5DA0053000000000000000001","ConnectorID":"3702120244102_1","QRCode":"hlht://3702120244102_1"}"#

    @Test func sealedRequestGetsASealedAnswer() async throws {
        let answer = try envelope.openResponse(try await dispatcher().handle(try request(valid)).body)
        #expect(answer.ret == 0)
        let data = try JSONReader().read(answer.plaintext)
        #expect(data["StartChargeSeqStat"] == 1)
        #expect(data["StartChargeSeq"] == "MA5DA0053000000000000000001")
    }

    @Test func failuresAnswerWithTheirRetCodes() async throws {
        var tampered = try request(valid)
        tampered.body = Array(String(decoding: tampered.body, as: UTF8.self).replacingOccurrences(of: "\"0001\"", with: "\"0002\"").utf8)
        #expect(try envelope.openResponse(try await dispatcher().handle(tampered).body).ret == 4001)
        #expect(try envelope.openResponse(try await dispatcher().handle(try request(valid, token: "OLD")).body).ret == 4002)
        let missing = WireRequest(path: "/evcs/v1.0/query_start_charge", headers: [("Authorization", "Bearer TOKEN")], body: Array(#"{"OperatorID":"MA5DA0053"}"#.utf8))
        #expect(try envelope.openResponse(try await dispatcher().handle(missing).body).ret == 4003)
        let invalid = try envelope.openResponse(try await dispatcher().handle(try request(#"{"StartChargeSeq":"TOO-SHORT","ConnectorID":"1","QRCode":"x"}"#)).body)
        #expect(invalid.ret == 4004)
        // One object, not a list: the path has no index (DB4403 data is a list: $[0]…).
        #expect(invalid.msg == "充电订单号 expects exactly 27 characters, got 9 characters ($.StartChargeSeq)")
        #expect(try envelope.openResponse(try await dispatcher(failing: true).handle(try request(valid)).body).ret == 500)
    }

    @Test func secretsOfTheWrongLengthAreRefusedUpFront() {
        #expect(throws: CryptoError.self) {
            try EVCSBinding(secrets: EVCSSecrets(operatorID: "X", dataSecret: "short", dataSecretIV: "short", sigSecret: "s"))
        }
    }
}
