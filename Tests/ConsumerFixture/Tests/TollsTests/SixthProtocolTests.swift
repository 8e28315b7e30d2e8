import Foundation
import InterchangeCommandLine
import Synchronization
import Testing
import Tolls

/// A sixth protocol, added outside the package: its folder (spec + wire code) and one
/// registry line are all it takes to be served, validated, described and exported.
@Suite struct SixthProtocolTests {
    /// The registry line.
    let protocols = InterchangeTool.bundledProtocols + [TollDescriptor()]

    final class Platform: TollPlatformService {
        let seen = Mutex<[GateEvent]>([])

        func reportGateEvent(_ request: GateEvent, context: CallContext) async throws -> GateEventAck {
            seen.withLock { $0.append(request) }
            return GateEventAck(received: true)
        }
    }

    let event: JSONValue = ["gateId": "G1", "direction": 1, "fee": .number(ExactNumber("5.50")!), "time": "2024-05-01 08:30:00"]

    @Test func isServedThroughTheNeutralDispatcher() async throws {
        let platform = Platform()
        let binding = try #require(try TollDescriptor().binding(server: "tollPlatform", profile: PeerProfile(), secrets: SecretValues()))
        let dispatcher = Dispatcher(binding: binding, routes: platform.routes, now: { 0 })
        let body = JSONWriter().bytes(try TollEnvelope().request(event))
        let answer = await dispatcher.handle(WireRequest(path: "/toll/1001", body: body))
        #expect(String(decoding: answer.body, as: UTF8.self) == #"{"code":0,"message":"ok","data":{"received":true}}"#)
        #expect(platform.seen.withLock { $0.map(\.fee?.text) } == ["5.50"])

        let forged = Array(String(decoding: body, as: UTF8.self).replacingOccurrences(of: "G1", with: "G2").utf8)
        let refused = await dispatcher.handle(WireRequest(path: "/toll/1001", body: forged))
        #expect(String(decoding: refused.body, as: UTF8.self) == #"{"code":1,"message":"the signature does not match"}"#)

        let invalid: JSONValue = ["gateId": "GATE-000001", "direction": 1, "time": "2024-05-01 08:30:00"]
        let problem = await dispatcher.handle(WireRequest(path: "/toll/1001", body: JSONWriter().bytes(try TollEnvelope().request(invalid))))
        #expect(String(decoding: problem.body, as: UTF8.self) == #"{"code":2,"message":"道闸编号 expects at most 8 characters, got 11 characters ($.gateId)"}"#)
    }

    @Test func isCalledThroughTheGeneratedClient() async throws {
        let platform = Platform()
        let dispatcher = Dispatcher(binding: TollBinding(), routes: platform.routes, now: { 0 })
        struct Loopback: ClientTransport {
            let dispatcher: Dispatcher
            func send(_ request: WireRequest) async throws -> WireResponse { await dispatcher.handle(request) }
        }
        let client = TollPlatformClient(core: ClientCore(transport: Loopback(dispatcher: dispatcher), binding: TollBinding(), now: { 0 }))
        let ack = try await client.reportGateEvent(try GateEvent(json: event))
        #expect(ack.received)
    }

    @Test func isListedDescribedValidatedAndExported() throws {
        #expect(try run(["list", "toll"]).out.contains("1001  道闸事件上报  reportGateEvent  tollPlatform  POST /toll/1001"))
        #expect(try run(["describe", "toll", "gateEvent"]).out.hasPrefix("TOLL 1—2024 表1 道闸事件 (gateEvent)"))

        let checked = try run(["validate", "toll", "1001", "-"], stdin: #"{"gateId":"GATE-000001","direction":3}"#)
        #expect(checked.status == 1)
        #expect(checked.out == """
            <stdin>: $.gateId: error: maxLength: 道闸编号 expects at most 8 characters, got 11 [表1]
            <stdin>: $.direction: error: enumeration: 方向 expects one of 1 (入场), 2 (出场), got 3 [表1]
            <stdin>: $.time: error: required: 时间 is required [表1]
            1 record: 0 valid, 1 invalid (3 errors, 0 warnings)

            """)

        let sealed = JSONWriter().string(try TollEnvelope().request(event))
        #expect(try run(["validate", "toll", "1001", "--envelope", "-"], stdin: sealed).status == 0)
        let forged = sealed.replacingOccurrences(of: "G1", with: "G2")
        let refused = try run(["validate", "toll", "1001", "--envelope", "-"], stdin: forged)
        #expect(refused.out.hasPrefix("<stdin>: $: error: badSignature: sign does not match the data"))

        let openAPI = try run(["export", "openapi", "toll"])
        #expect(openAPI.status == 0)
        #expect(openAPI.out.contains(#""sign":{"type":"string","pattern":"^[0-9a-f]{40}$"}"#))
        #expect(openAPI.out.contains(#""/toll/1001":{"post":"#))
    }

    /// The tool in-process with the extended registry.
    private func run(_ arguments: [String], stdin: String = "") throws -> (status: Int32, out: String, err: String) {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("toll-\(UUID().uuidString)")
        try Data(stdin.utf8).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let descriptor = open(input.path, O_RDONLY)
        defer { close(descriptor) }
        let out = Mutex<[UInt8]>([])
        let err = Mutex<[UInt8]>([])
        let console = Console(
            standardInput: descriptor, environment: [:], writeOutput: { bytes in out.withLock { $0 += bytes } },
            writeError: { bytes in err.withLock { $0 += bytes } })
        let status = InterchangeTool(protocols: protocols, console: console).run(arguments)
        return (status, String(decoding: out.withLock { $0 }, as: UTF8.self), String(decoding: err.withLock { $0 }, as: UTF8.self))
    }
}
