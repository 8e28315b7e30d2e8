import DB4403
import DB4403Wire
import EVCS
import EVCSWire
import InterchangeRuntime
import Synchronization
import TestSupport
import Testing
import Tomda
import TomdaWire
import Youxing
import YouxingWire

/// Each protocol's token call is wired into a client's token cache: the client fetches a token
/// with its credentials, then calls an authenticated interface with it.
@Suite struct TokenAcquisitionTests {
    static let now: EpochSeconds = 1_714_521_661

    /// Serves `tokenRoute` and one authenticated `interface` (accepting only `token`), then
    /// calls `interface` through a client whose cache is `tokens`; returns the token the handler saw.
    func call(
        _ binding: any ProtocolBinding & ClientBinding, tokenRoute: Route, interface: InterfaceSchema, token: String,
        tokens: (any ClientTransport) -> TokenCache
    ) async throws -> String? {
        let seen = Mutex<String?>(nil)
        let route = Route(interface: interface) { _, context in
            seen.withLock { $0 = context.token }
            return Samples.response(for: interface)
        }
        let server = Dispatcher(binding: binding, routes: [tokenRoute, route], tokens: .accepting { presented, _ in presented == token }, now: { Self.now })
        let transport = InMemoryTransport(dispatcher: server)
        let core = ClientCore(transport: transport, binding: binding, tokens: tokens(transport), now: { Self.now })
        _ = try await core.call(interface, Samples.request(for: interface))
        return seen.withLock { $0 }
    }

    @Test func evcsQueryToken() async throws {
        let secrets = EVCSSecrets(operatorID: "MA5DA0053", dataSecret: "1234567890abcdef", dataSecretIV: "1234567890abcdef", sigSecret: "1234567890abcdef")
        let binding = try EVCSBinding(secrets: secrets)
        let tokenRoute = Route(interface: EVCSInterfaces.queryToken) { data, context in
            let request = try QueryTokenRequest(json: data ?? .null)
            #expect(request.operatorID == "MA5DA0053" && request.operatorSecret == "operator-secret" && context.caller == "MA5DA0053")
            return QueryTokenResponse(operatorID: request.operatorID, succStat: .success, accessToken: "EVCS-TOKEN", tokenAvailableTime: 3600, failReason: nil).json
        }
        let seen = try await call(binding, tokenRoute: tokenRoute, interface: EVCSInterfaces.queryStartCharge, token: "EVCS-TOKEN") { transport in
            .evcs(transport: transport, binding: binding, operatorSecret: "operator-secret", now: { Self.now })
        }
        #expect(seen == "EVCS-TOKEN")
    }

    @Test func db4403Login() async throws {
        let binding = DB4403Binding()
        let tokenRoute = Route(interface: DB4403Interfaces.login) { data, _ in
            let request = try LoginRequest(json: data ?? .null)
            #expect(request.userId == "cadre01")
            #expect(try DB4403Envelope.decryptPassword(request.password, key: "12345678") == "pa55word")
            return LoginResponse(scope: "all", tokenType: "bearer", expiresIn: 7200, accessToken: "DB-TOKEN", refreshToken: "R").json
        }
        let seen = try await call(binding, tokenRoute: tokenRoute, interface: DB4403Interfaces.reportVehicleEntry, token: "DB-TOKEN") { transport in
            .db4403(transport: transport, binding: binding, userId: "cadre01", password: "pa55word", passwordKey: "12345678", now: { Self.now })
        }
        #expect(seen == "DB-TOKEN")
    }

    @Test func youxingQueryToken() async throws {
        let binding = YouxingBinding(key: "1234567890abcdef")
        let tokenRoute = Route(interface: YouxingInterfaces.queryToken) { data, _ in
            let request = try YouxingTokenRequest(json: data ?? .null)
            #expect(request.appkey == "app" && request.appsecret == "secret" && request.time == "1714521661")
            return YouxingTokenResponse(token: "YX-TOKEN").json
        }
        let seen = try await call(binding, tokenRoute: tokenRoute, interface: YouxingInterfaces.syncStubGroupInfo, token: "YX-TOKEN") { transport in
            .youxing(transport: transport, binding: binding, appKey: "app", appSecret: "secret", now: { Self.now })
        }
        #expect(seen == "YX-TOKEN")
    }

    @Test func tomdaGetToken() async throws {
        let binding = TomdaAPIBinding()
        let tokenRoute = Route(interface: TomdaInterfaces.getToken) { data, _ in
            let request = try TokenRequest(json: data ?? .null)
            #expect(request.apiId == "id" && request.apiKey == "key")
            return TokenResponse(token: "TD-TOKEN", timeout: 7200).json
        }
        let seen = try await call(binding, tokenRoute: tokenRoute, interface: TomdaInterfaces.syncCharge, token: "TD-TOKEN") { transport in
            .tomda(transport: transport, binding: binding, apiId: "id", apiKey: "key", now: { Self.now })
        }
        #expect(seen == "TD-TOKEN")
    }
}
