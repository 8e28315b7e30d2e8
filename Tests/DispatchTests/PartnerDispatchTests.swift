import Foundation
import InterchangeRuntime
import Testing
import Tomda
import TomdaWire
import Yinli
import YinliWire
import Youxing
import YouxingWire

@Suite struct YouxingDispatchTests {
    let envelope = YouxingEnvelope(key: "1234567890abcdef")

    func dispatcher() -> Dispatcher {
        let stop = Route(interface: YouxingInterfaces.chargeStop) { data, _ in
            let request = try OrderIdRequest(json: data ?? .null)
            return OrderInfo(orderId: request.orderId, status: .finished).json
        }
        let callback = Route(interface: YouxingInterfaces.orderCallback) { _, _ in nil }
        return Dispatcher(binding: YouxingBinding(key: "1234567890abcdef"), routes: [stop, callback], tokens: .accepting { token, interface in
            interface.code == "orderCallback" || token == "94b879e509a8e20821c7587aad53c19f"
        }, now: { 0 })
    }

    func request(_ path: String, _ json: String, token: String? = "94b879e509a8e20821c7587aad53c19f") throws -> WireRequest {
        WireRequest(path: path, body: JSONWriter().bytes(try envelope.request(data: Array(json.utf8), token: token)))
    }

    @Test func chargeStopIsAnsweredEncrypted() async throws {
        let answer = try envelope.openResponse(await dispatcher().handle(try request("/chargeStop", #"{"orderId":"148878924804013004013"}"#)).body)
        #expect(answer.status == 200)
        #expect(try JSONReader().read(answer.data?.plaintext ?? [])["status"] == 2)
    }

    @Test func failuresAnswerWithTheirStatusCodes() async throws {
        #expect(try envelope.openResponse(await dispatcher().handle(try request("/chargeStop", #"{"orderId":"1"}"#, token: "WRONG")).body).status == 304)
        #expect(try envelope.openResponse(await dispatcher().handle(try request("/chargeStop", #"{"orderId":1}"#)).body).status == 303)
        // The token is checked before anything else: a request without one is 304, and one
        // with a token but no data is 302.
        #expect(try envelope.openResponse(await dispatcher().handle(WireRequest(path: "/chargeStop", body: Array(#"{"data":"x"}"#.utf8))).body).status == 304)
        #expect(try envelope.openResponse(await dispatcher().handle(WireRequest(path: "/chargeStop", body: Array(#"{"data":"","token":"94b879e509a8e20821c7587aad53c19f"}"#.utf8))).body).status == 302)
    }

    @Test func theOrderCallbackIsAcknowledgedWithSuccess() async throws {
        let response = await dispatcher().handle(try request("/notifyUrl", #"{"orderId":"1","status":1}"#, token: nil))
        #expect(YouxingEnvelope.acknowledgesCallback(response.body))
    }
}

@Suite struct TomdaDispatchTests {
    func dispatcher() -> Dispatcher {
        let work = Route(interface: TomdaInterfaces.workDataPush) { data, _ in
            _ = try WorkData(json: data ?? .null)
            return nil
        }
        let balance = Route(interface: TomdaInterfaces.orderBalanceQuery) { _, _ in OrderBalance(balance: 1250).json }
        return Dispatcher(binding: TomdaPushBinding(), routes: [work, balance], now: { 0 })
    }

    @Test func pushesAreToldApartByType() async throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/Partners/tomda-work-data.json")
        let work = try TomdaEnvelope.openResponse(await dispatcher().handle(WireRequest(path: "/", body: Array(try Data(contentsOf: fixture)))).body)
        #expect(work.isSuccess)
        let push = TomdaEnvelope.push(type: "QUERY_ORDER_BALANCE_INFO", time: LocalDateTime("2024-05-01 08:00:00")!, content: ["clientOrderId": "ORD1"])
        let balance = try TomdaEnvelope.openResponse(await dispatcher().handle(WireRequest(path: "/", body: JSONWriter().bytes(push))).body)
        #expect(balance.data?["balance"] == 1250)
    }

    @Test func invalidPushesAre1401NamingTheField() async throws {
        let push = TomdaEnvelope.push(type: "QUERY_ORDER_BALANCE_INFO", time: LocalDateTime("2024-05-01 08:00:00")!, content: ["clientOrderId": 7])
        let answer = try TomdaEnvelope.openResponse(await dispatcher().handle(WireRequest(path: "/", body: JSONWriter().bytes(push))).body)
        #expect(answer.errorCode == "1401")
        #expect(answer.errorDesc == "对接系统订单 ID expects a string ($.clientOrderId)")
        let unknown = TomdaEnvelope.push(type: "NEW_TYPE", time: LocalDateTime("2024-05-01 08:00:00")!, content: [:])
        #expect(await dispatcher().handle(WireRequest(path: "/", body: JSONWriter().bytes(unknown))).status == 200)
    }
}

@Suite struct YinliDispatchTests {
    @Test func synchronizeIsServed() async throws {
        let route = Route(interface: YinliInterfaces.synchronize) { data, _ in
            let request = try SynchronizeRequest(json: data ?? .null)
            return SynchronizeResponse(code: "200", msg: "\(request.data?.count ?? 0) readings", success: true).json
        }
        let dispatcher = Dispatcher(binding: YinliBinding(), routes: [route], now: { 0 })
        let body = Array(#"{"data":[{"shopCode":"S1","totalElec":12.5}],"mallCode":"M1","version":"1"}"#.utf8)
        let answer = try YinliEnvelope.openResponse(await dispatcher.handle(WireRequest(path: "/openapi/device/synchronize", body: body)).body)
        #expect(answer.success)
        #expect(answer.msg == "1 readings")
        let invalid = Array(#"{"data":[{"shopCode":5}],"mallCode":"M1","version":"1"}"#.utf8)
        let refused = try YinliEnvelope.openResponse(await dispatcher.handle(WireRequest(path: "/openapi/device/synchronize", body: invalid)).body)
        #expect(!refused.success)
        #expect(refused.msg == "商铺编码 expects a string ($.data[0].shopCode)")
    }
}
