import DB4403
import DB4403Wire
import InterchangeRuntime
import TestSupport
import Testing

/// The audit's hostile requests through the dispatcher: each is answered in the protocol's
/// terms, at a cost in proportion to its size, and nothing of the peer's text comes back
/// beyond a 40-character excerpt.
@Suite struct HostileRequestTests {
    let envelope = DB4403Envelope()

    func server(_ interface: InterfaceSchema) -> Dispatcher {
        Dispatcher(binding: DB4403Binding(), routes: [Route(interface: interface) { _, _ in nil }], now: { 1_700_000_000 })
    }

    func answer(_ interface: InterfaceSchema, data: [JSONValue]) async throws -> (DB4403Envelope.Response, Int) {
        let body = JSONWriter().bytes(try envelope.request(data: data, timestamp: 1_700_000_000))
        let response = await server(interface).handle(WireRequest(path: "/\(interface.code ?? "")", body: body))
        return (try envelope.openResponse(response.body), response.body.count)
    }

    /// 10 MB of `[{},{},…]` on the unauthenticated login once cost 2 GB and 9 s: the reader
    /// now stops at its value limit.
    @Test func tenMegabytesOfEmptyObjectsIsRefusedAtTheReader() async throws {
        let body = Array(#"{"timestamp":1,"sign":"x","data":["#.utf8) + Array(repeating: Array("{},".utf8), count: 3_400_000).joined() + Array("{}]}".utf8)
        let response = await server(DB4403Interfaces.login).handle(WireRequest(path: "/1001", body: body))
        let opened = try envelope.openResponse(response.body)
        #expect(opened.resultCode == 1)
        #expect(opened.data.first?["code"] == 1005)
    }

    /// Many invalid objects: the refusal names the first problem; building the rest is skipped.
    @Test func manyInvalidObjectsAreRefusedWithOneMessage() async throws {
        let (opened, size) = try await answer(DB4403Interfaces.login, data: Array(repeating: [:], count: 100_000))
        #expect(opened.data.first?["code"] == 1005)
        #expect(size < 1_000)
        let problems = LoginRequest.validate(each: Array(repeating: [:], count: 100_000))
        #expect(problems.count == 101)
        #expect(problems.last?.message.hasPrefix("and ") == true)
    }

    /// A 9 MB value is not echoed: diagnostics show 40 characters of it.
    @Test func aHugeValueIsShownAsAnExcerpt() throws {
        let huge = String(repeating: "9", count: 9_000_000)
        let problems = ParkRecordInfo.validate(["recordType": .string(huge)])
        let shown = problems.first { $0.rule == .type }
        #expect(shown?.message == "记录类型 expects an integer, got string '\(String(repeating: "9", count: 40))…'")
        #expect(problems.allSatisfy { $0.description.utf8.count < 400 })
    }

    /// 6001 over TCP with an exponent near Int.min in 预约金额: answered, not trapped.
    @Test func aHostileNumberOverTCPIsAnsweredThroughTheSameDispatcher() async throws {
        guard let model = DB4403Interfaces.lockReservedSpace.request, case .object(var sample) = Samples.object(model) else {
            Issue.record("6001 has no request table")
            return
        }
        sample.members.removeAll { $0.key == "bookMoney" }
        sample.append("bookMoney", .number(ExactNumber("5e-9223372036854775808")!))
        let frame = SZTCFrame(
            packetNo: 9, direction: .request, command: 6001,
            data: JSONWriter().bytes(try envelope.request(data: [.object(sample)], timestamp: 1_700_000_000)))
        let opened = try envelope.openResponse(await server(DB4403Interfaces.lockReservedSpace).handle(frame: frame))
        #expect(opened.resultCode == 1)
        #expect(opened.data.first?["code"] == 1007)
        #expect(opened.resultMsg == "预约金额 expects at most 2 digits after the decimal point ($[0].bookMoney)")
    }
}
