import EVCS
import EVCSWire
import Foundation
import Hummingbird
import HummingbirdTesting
import InterchangeHummingbird
import InterchangeRuntime
import Logging
import Synchronization
import Testing

/// An EVCS charging operator served by Hummingbird through the one-line adapter.
@Suite struct HummingbirdAdapterTests {
    static let secrets = EVCSSecrets(operatorID: "MA5DA0053", dataSecret: "1234567890abcdef", dataSecretIV: "1234567890abcdef", sigSecret: "1234567890abcdef")
    static let now: EpochSeconds = 1_714_521_661

    /// Log records, for checking what a refusal logs.
    final class Records: @unchecked Sendable {
        let lines = Mutex<[String]>([])
    }

    struct Capture: LogHandler {
        let records: Records
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let fields = (event.metadata ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            records.lines.withLock { $0.append("\(event.message) \(fields)") }
        }
    }

    func router(records: Records = Records()) throws -> Router<BasicRequestContext> {
        let route = Route(interface: EVCSInterfaces.queryStartCharge) { data, _ in
            let request = try QueryStartChargeRequest(json: data ?? .null)
            return QueryStartChargeResponse(
                startChargeSeq: request.startChargeSeq, startChargeSeqStat: .starting, connectorID: request.connectorID, succStat: .success,
                failReason: .noFailure).json
        }
        let logger = Logger(label: "interchange") { _ in Capture(records: records) }
        let dispatcher = Dispatcher(
            binding: try EVCSBinding(secrets: Self.secrets), routes: [route], tokens: .accepting { token, _ in token == "GOOD-TOKEN" },
            now: { Self.now }, onRefusal: { $0.log(to: logger) })
        let router = Router()
        router.addInterchange(dispatcher, at: "/evcs/v1.0")
        return router
    }

    /// A generated client over real HTTP (URLSession, loopback) to the Hummingbird server.
    @Test func aGeneratedClientCallsTheServerOverHTTP() async throws {
        let app = Application(router: try router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let transport = URLSessionTransport(baseURL: try #require(URL(string: "http://127.0.0.1:\(port)/evcs/v1.0")), timeout: 5)
            let tokens = TokenCache(defaultLifetimeSeconds: 7200, now: { Self.now }, fetch: { ("GOOD-TOKEN", nil) })
            let evcs = EVCSChargingOperatorClient(core: ClientCore(transport: transport, binding: try EVCSBinding(secrets: Self.secrets), tokens: tokens, now: { Self.now }))
            let answer = try await evcs.queryStartCharge(QueryStartChargeRequest(startChargeSeq: "MA5DA0053000000000000000001", connectorID: "1", qRCode: "x"))
            #expect(answer.startChargeSeqStat == .starting)
        }
    }

    /// Refusals are answered in the protocol's terms and logged with their reason, never
    /// with the token.
    @Test func refusalsAreAnsweredAndLogged() async throws {
        let records = Records()
        let app = Application(router: try router(records: records))
        let envelope = EVCSEnvelope(secrets: Self.secrets)
        let sealed = JSONWriter().bytes(try envelope.request(data: Array(#"{"StartChargeSeq":"X"}"#.utf8), timeStamp: "20240501080101", seq: "0001"))
        try await app.test(.router) { client in
            let refused = try await client.execute(
                uri: "/evcs/v1.0/query_start_charge", method: .post, headers: [.authorization: "Bearer WRONG-TOKEN"], body: ByteBuffer(bytes: sealed)
            ) { response in
                #expect(response.status == .ok)
                return Array(buffer: response.body)
            }
            #expect(try envelope.openResponse(refused).ret == 4002)
            try await client.execute(uri: "/evcs/v1.0/no_such_interface", method: .post, body: ByteBuffer(bytes: sealed)) { response in
                #expect(response.status == .notFound)
            }
        }
        let lines = records.lines.withLock { $0 }
        #expect(lines.first == "interchange refused a request interface=query_start_charge reason=the access token is missing, unknown or expired")
        #expect(!lines.joined().contains("WRONG-TOKEN"))
    }

    /// A body past the profile's limit is refused without being read, in the protocol's code.
    @Test func anOversizedBodyIsRefusedInTheProtocolsTerms() async throws {
        let route = Route(interface: EVCSInterfaces.queryStartCharge) { _, _ in nil }
        let dispatcher = Dispatcher(
            binding: try EVCSBinding(secrets: Self.secrets, profile: PeerProfile(maxMessageBytes: 64)), routes: [route], now: { Self.now })
        let router = Router()
        router.addInterchange(dispatcher)
        try await Application(router: router).test(.router) { client in
            let body = try await client.execute(uri: "/query_start_charge", method: .post, body: ByteBuffer(bytes: [UInt8](repeating: 0x20, count: 1000))) { response in
                Array(buffer: response.body)
            }
            let answer = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
            #expect(answer?["Ret"] as? Int == 4003)
        }
    }
}
