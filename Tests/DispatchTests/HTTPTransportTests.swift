import DB4403
import DB4403Wire
import Foundation
import InterchangeRuntime
import TestSupport
import Testing
import Tomda
import TomdaWire

/// `URLSessionTransport` over a real socket: generated client → URLSession → loopback HTTP
/// server → dispatcher → handler, and back.
@Suite struct HTTPTransportTests {
    static func transport(_ server: LoopbackHTTPServer) -> URLSessionTransport {
        URLSessionTransport(baseURL: URL(string: "http://127.0.0.1:\(server.port)/")!, timeout: 5)
    }

    @Test func db4403PostWithBearerToken() async throws {
        let route = Route(interface: DB4403Interfaces.reportVehicleEntry) { data, context in
            #expect(context.token == "T1")
            return ReportVehicleEntryResponse(id: try ParkRecordInfo(json: data ?? .null).id).json
        }
        let server = try LoopbackHTTPServer(dispatcher: Dispatcher(
            binding: DB4403Binding(), routes: [route], tokens: .accepting { token, _ in token == "T1" }, now: { 0 }))
        let client = DB4403CityPlatformClient(core: ClientCore(
            transport: Self.transport(server), binding: DB4403Binding(),
            tokens: TokenCache(defaultLifetimeSeconds: 7200, now: { 0 }, fetch: { ("T1", nil) }), now: { 0 }))
        let record = ParkRecordInfo(
            id: CompactUUID("C78E319DAB604A268842ACF164774592")!, enterTime: LocalDateTime("2024-05-01 08:00:00")!,
            receivables: ExactNumber("20.00")!, discount: ExactNumber("5.00")!, received: ExactNumber("15.00")!)
        #expect(try await client.reportVehicleEntry(record).id.text == "C78E319DAB604A268842ACF164774592")
    }

    @Test func tomdaGetWithQueryAndFormPost() async throws {
        let getToken = Route(interface: TomdaInterfaces.getToken) { data, _ in
            let request = try TokenRequest(json: data ?? .null)
            #expect(request.apiId == "ID 1&2=3")  // percent-encoded in the query and decoded intact
            return TokenResponse(token: "abc", timeout: 7200).json
        }
        let syncCharge = Route(interface: TomdaInterfaces.syncCharge) { data, context in
            let request = try ClientOrderRequest(json: data ?? .null)
            #expect(request.clientOrderId == "ORD-1")
            #expect(context.token == "abc")
            return Samples.object(ChargeProgress.schema)
        }
        let server = try LoopbackHTTPServer(dispatcher: Dispatcher(
            binding: TomdaAPIBinding(), routes: [getToken, syncCharge], tokens: .accepting { token, _ in token == "abc" }, now: { 0 }))
        let plain = TomdaClient(core: ClientCore(transport: Self.transport(server), binding: TomdaAPIBinding(), now: { 0 }))
        let token = try await plain.getToken(TokenRequest(apiId: "ID 1&2=3", apiKey: "secret"))
        #expect(token.token == "abc")
        let client = TomdaClient(core: ClientCore(
            transport: Self.transport(server), binding: TomdaAPIBinding(),
            tokens: TokenCache(defaultLifetimeSeconds: 7200, now: { 0 }, fetch: { (token.token, nil) }), now: { 0 }))
        _ = try await client.syncCharge(ClientOrderRequest(clientOrderId: "ORD-1", token: ""))
    }

    /// A profile's baseURL (with a path of its own) and interfacePaths take a client to where
    /// this partner serves each interface.
    @Test func theProfileSaysWhereThePeerServes() async throws {
        let route = Route(interface: DB4403Interfaces.reportVehicleEntry) { data, _ in
            ReportVehicleEntryResponse(id: try ParkRecordInfo(json: data ?? .null).id).json
        }
        let paths = ["5004": "/vehicles/in"]
        let server = try LoopbackHTTPServer(dispatcher: Dispatcher(binding: DB4403Binding(profile: PeerProfile(interfacePaths: paths)), routes: [route], now: { 0 }))
        let profile = PeerProfile(baseURL: "http://127.0.0.1:\(server.port)/api/1.0", interfacePaths: paths)
        let client = DB4403CityPlatformClient(core: ClientCore(
            transport: try URLSessionTransport(profile: profile, timeout: 5), binding: DB4403Binding(profile: profile), now: { 0 }))
        let record = ParkRecordInfo(
            id: CompactUUID("C78E319DAB604A268842ACF164774592")!, enterTime: LocalDateTime("2024-05-01 08:00:00")!,
            receivables: ExactNumber("20.00")!, discount: ExactNumber("5.00")!, received: ExactNumber("15.00")!)
        #expect(try await client.reportVehicleEntry(record).id.text == "C78E319DAB604A268842ACF164774592")
        #expect(throws: ClientError.self) { try URLSessionTransport(profile: PeerProfile()) }
    }
}
