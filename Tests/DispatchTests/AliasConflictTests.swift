import EVCS
import EVCSWire
import Foundation
import InterchangeRuntime
import TestSupport
import Testing

/// A field sent under two spellings with different values is refused, naming both; under
/// one spelling, either is accepted.
@Suite struct AliasConflictTests {
    static let secrets = EVCSSecrets(operatorID: "MA5DA0053", dataSecret: "1234567890abcdef", dataSecretIV: "1234567890abcdef", sigSecret: "1234567890abcdef")

    func answer(_ fixture: String) async throws -> EVCSEnvelope.Response {
        let route = Route(interface: EVCSInterfaces.notificationChargeOrderInfo) { data, _ in
            let order = try NotificationChargeOrderInfoRequest(json: data ?? .null)
            return NotificationChargeOrderInfoResponse(startChargeSeq: order.startChargeSeq, connectorID: order.connectorID, confirmResult: .success).json
        }
        let server = Dispatcher(binding: try EVCSBinding(secrets: Self.secrets), routes: [route], now: { epochSeconds(ofCompact: "20240501100000") })
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/EVCS")
        let text = try String(contentsOf: fixtures.appendingPathComponent(fixture), encoding: .utf8)
        let envelope = EVCSEnvelope(secrets: Self.secrets)
        let sealed = try envelope.request(data: Array(text.utf8), timeStamp: "20240501100000", seq: "0001")
        return try envelope.openResponse(await server.handle(WireRequest(path: "/notification_charge_order_info", body: JSONWriter().bytes(sealed))).body)
    }

    @Test func eitherSpellingAloneIsAccepted() async throws {
        #expect(try await answer("notification-charge-order-info.json").ret == 0)
        #expect(try await answer("notification-charge-order-info-alias.json").ret == 0)
    }

    @Test func bothSpellingsWithDifferentValuesAreRefused() async throws {
        let refused = try await answer("notification-charge-order-info-conflict.json")
        #expect(refused.ret == 4004)
        #expect(refused.msg == "总服务费 is given as TotalServiceMoney and as TotalSeviceMoney with different values ($.TotalSeviceMoney)")
    }
}
