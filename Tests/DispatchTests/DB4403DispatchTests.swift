import DB4403
import DB4403Wire
import Foundation
@_spi(Generated) import InterchangeRuntime
import Synchronization
import Testing

/// DB4403 over https through the dispatcher: a valid request, then each failure with its code.
@Suite struct DB4403DispatchTests {
    static let record = try! JSONReader().read(#"{"id":"C78E319DAB604A268842ACF164774592","parkCode":"44030400100101000010","enterTime":"2018-01-01 01:01:01","receivables":20.00,"discount":5.00,"received":15.00}"#)
    let envelope = DB4403Envelope()

    func dispatcher(acceptsToken: Bool = true, failing: Bool = false) -> Dispatcher {
        let route = Route(interface: DB4403Interfaces.reportVehicleEntry) { data, context in
            if failing { throw CocoaError(.fileReadCorruptFile, userInfo: ["secret": "database password"]) }
            let record = try ParkRecordInfo(json: data ?? .null)
            return ReportVehicleEntryResponse(id: record.id).json
        }
        return Dispatcher(
            binding: DB4403Binding(), routes: [route], tokens: .accepting { token, _ in acceptsToken && token == "T0KEN" }, now: { 1_700_000_000 })
    }

    func request(_ data: [JSONValue], path: String = "/5004") throws -> WireRequest {
        WireRequest(path: path, headers: [("Authorization", "Bearer T0KEN")], body: JSONWriter().bytes(try envelope.request(data: data, timestamp: 1_700_000_000)))
    }

    func answer(_ response: WireResponse) throws -> DB4403Envelope.Response {
        try envelope.openResponse(response.body)
    }

    @Test func validRequestIsAnsweredWithResultCodeZero() async throws {
        let response = await dispatcher().handle(try request([Self.record]))
        #expect(response.status == 200)
        let answer = try answer(response)
        #expect(answer.resultCode == 0)
        #expect(answer.data == [["id": "C78E319DAB604A268842ACF164774592"]])
    }

    @Test(arguments: [
        ("parkCode", JSONValue.number(ExactNumber("44030400100101000010")!), 1005, "停车场编号 expects a string ($[0].parkCode)"),
        ("spaceNo", JSONValue.string(String(repeating: "9", count: 29)), 1004, "车位编号 expects at most 28 characters, got 29 characters ($[0].spaceNo)"),
        ("recordType", JSONValue.number(7), 1007, "记录类型 expects one of 0 (正常), 1 (异常), 2 (未解锁出场) ($[0].recordType)"),
        ("enterTime", JSONValue.null, 1005, "入场\\入位时间 is required ($[0].enterTime)"),
    ])
    func invalidRequestsNameTheFieldWithTheTableA2Code(field: String, value: JSONValue, code: Int, message: String) async throws {
        guard case .object(var object) = Self.record else { return }
        if let index = object.members.firstIndex(where: { $0.key == field }) {
            object.members[index].value = value
        } else {
            object.append(field, value)
        }
        let answer = try answer(await dispatcher().handle(try request([.object(object)])))
        #expect(answer.resultCode == 1)
        #expect(answer.resultMsg == message)
        #expect(answer.data == [["code": .number(ExactNumber(code)), "message": .string(message)]])
    }

    @Test func badSignatureExpiredTokenUnknownInterfaceTooLarge() async throws {
        var tampered = try request([Self.record])
        tampered.body = Array(String(decoding: tampered.body, as: UTF8.self).replacingOccurrences(of: "20.00", with: "21.00").utf8)
        let signature = try answer(await dispatcher().handle(tampered))
        #expect(signature.resultCode == 1)
        #expect(signature.resultMsg == "the signature does not match")

        let token = try answer(await dispatcher(acceptsToken: false).handle(try request([Self.record])))
        #expect(token.data == [["code": 3002, "message": "the access token is missing, unknown or expired"]])

        let unknown = await dispatcher().handle(try request([Self.record], path: "/9999"))
        #expect(unknown.status == 404)

        let small = Dispatcher(binding: DB4403Binding(profile: PeerProfile(maxMessageBytes: 10)), routes: [], now: { 0 })
        let large = await small.handle(try request([Self.record]))
        #expect(large.status == 413)
        #expect(try answer(large).data.first?["code"] == 1004)
    }

    @Test func aThrowingHandlerNeitherCrashesNorLeaks() async throws {
        let response = await dispatcher(failing: true).handle(try request([Self.record]))
        let text = String(decoding: response.body, as: UTF8.self)
        #expect(try answer(response).resultCode == 1)
        #expect(!text.contains("password") && !text.contains("Cocoa"))
    }

    /// Data that validates but does not decode (a route whose model is out of step with its
    /// table) is its own failure kind, answered 1005 and reported with the decoder's reason.
    @Test func dataThatDoesNotDecodeIsUndecodableNotAHandlerFailure() async throws {
        let route = Route(interface: DB4403Interfaces.reportVehicleEntry) { data, context in
            try decodeRequest(data, as: LoginRequest.self).json
        }
        let refusals = Mutex<[DispatchRefusal]>([])
        let dispatcher = Dispatcher(binding: DB4403Binding(), routes: [route], now: { 1_700_000_000 }) { refusal in
            refusals.withLock { $0.append(refusal) }
        }
        let answer = try answer(await dispatcher.handle(try request([Self.record])))
        #expect(answer.resultCode == 1)
        #expect(answer.data.first?["code"] == 1005)
        #expect(answer.resultMsg == "the business data does not fit the interface's table")
        let refusal = try #require(refusals.withLock { $0.first })
        guard case .undecodable = refusal.failure.kind else { Issue.record("kind \(refusal.failure.kind)"); return }
        #expect(refusal.failure.message.hasPrefix("the request does not decode: "))
        #expect(refusal.underlyingError is RequestDecodingFailure)
    }

    @Test func malformedJSONIsRefusedNotCrashed() async throws {
        let response = await dispatcher().handle(
            WireRequest(path: "/5004", headers: [("Authorization", "Bearer T0KEN")], body: Array(#"{"timestamp": 1, "sign": "#.utf8)))
        let answer = try answer(response)
        #expect(answer.resultCode == 1)
        #expect(answer.data.first?["code"] == 1005)
        #expect(answer.resultMsg == "the message is not a well-formed envelope")
    }
}

/// A peer's own paths (profile `interfacePaths`) route by whole path components; `/` and a
/// mere suffix of a word route nowhere (they once reached the first overridden interface).
@Suite struct DB4403RoutingTests {
    @Test func overriddenPathsMatchWholeComponents() {
        let binding = DB4403Binding(profile: PeerProfile(interfacePaths: ["1001": "login", "5004": "/vehicles/entry/"]))
        let interfaces = [DB4403Interfaces.login, DB4403Interfaces.reportVehicleEntry]
        func routed(_ path: String) -> String? {
            binding.interface(for: WireRequest(path: path, body: []), among: interfaces)?.code
        }
        #expect(routed("/") == nil)
        #expect(routed("") == nil)
        #expect(routed("/xlogin") == nil)
        #expect(routed("/login") == "1001")
        #expect(routed("/api/1.0/vehicles/entry?x=1") == "5004")
        #expect(routed("/api/1.0/5004") == "5004")
        #expect(routed("/api/1.0/1001") == "1001")
    }
}
