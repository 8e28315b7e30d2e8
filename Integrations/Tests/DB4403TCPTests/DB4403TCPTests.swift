import DB4403
import DB4403TCP
import DB4403Wire
import InterchangeRuntime
import Testing

/// A DB4403 TCP server and client over loopback: login, heartbeats, a 4001 push through the
/// generated client, reconnect after a drop, a wrong password refused.
@Suite(.timeLimit(.minutes(1))) struct DB4403TCPTests {
    static let accounts = SZTCAccounts(["park-0001": .init(password: "s3cret", key: "12345678")])
    /// Fast clocks, so a test sees heartbeats and reconnects in well under a second.
    static let timing = SessionTiming(heartbeatInterval: 100, heartbeatTimeout: 300, serverSilenceLimit: 1_000, responseTimeout: 2_000, reconnectDelay: 100)

    /// The third party's answer to 4001: the list's id back, as 表55 asks.
    static let parkDispatcher = Dispatcher(binding: DB4403Binding(), routes: [
        Route(interface: DB4403Interfaces.issueControlList) { data, _ in
            let request = try IssueControlListRequest(json: data ?? .null)
            return IssueControlListResponse(id: request.blackWhiteGraySheet?.id).json
        },
    ])

    static func sheet() throws -> IssueControlListRequest {
        IssueControlListRequest(
        blackWhiteGraySheet: try BlackWhiteGraySheet(json: [
            "id": "ff8080814d9be81f014d9beb81090003", "parkCode": "44030400100101000010",
            "parkCarInfo": ["plateNo": "粤B88888", "eidEquiped": false], "strategyType": 3, "endDate": "2025-01-01 00:00:00",
            "strategyFrom": "城市停车管理平台",
        ]), state: .normal)
    }

    func server() async throws -> (DB4403TCPServer, Task<Void, any Error>) {
        let server = try await DB4403TCPServer.bind(port: 0, accounts: Self.accounts, timing: Self.timing, tickInterval: .milliseconds(20))
        return (server, Task { try await server.run() })
    }

    func client(port: Int, password: String = "s3cret") throws -> (DB4403TCPClient, Task<Void, Never>) {
        let client = try DB4403TCPClient(
            host: "127.0.0.1", port: port, userId: "park-0001", password: password, key: "12345678", dispatcher: Self.parkDispatcher,
            timing: Self.timing, tickInterval: .milliseconds(20))
        return (client, Task { await client.run() })
    }

    /// The next event matching `wanted`, skipping others.
    func next<Event>(_ events: AsyncStream<Event>, _ wanted: (Event) -> Bool) async -> Event? {
        for await event in events where wanted(event) { return event }
        return nil
    }

    @Test func logsInStaysAliveAndAnswersAPushThroughTheGeneratedClient() async throws {
        let (server, serving) = try await server()
        let (client, running) = try client(port: server.port)
        defer { running.cancel(); serving.cancel() }
        #expect(await next(server.events) { _ in true } == .loggedIn(userId: "park-0001"))
        #expect(await next(client.events) { _ in true } == .loggedIn)

        // Heartbeats every 100 ms keep the 1 s silence limit from dropping the client.
        try await Task.sleep(for: .milliseconds(1_500))
        #expect(await server.loggedInUsers == ["park-0001"])
        #expect(await client.state == .ready)

        let platform = DB4403ThirdPartyClient(core: ClientCore(transport: server.transport(to: "park-0001"), binding: DB4403Binding()))
        let answer = try await platform.issueControlList(try Self.sheet())
        #expect(answer.id?.text == "ff8080814d9be81f014d9beb81090003")

        let nobody = DB4403ThirdPartyClient(core: ClientCore(transport: server.transport(to: "park-0002"), binding: DB4403Binding()))
        await #expect(throws: DB4403TCPError.notConnected("park-0002")) { try await nobody.issueControlList(try Self.sheet()) }
    }

    @Test func reconnectsAndLogsInAgainAfterTheServerDropsTheConnection() async throws {
        let (server, serving) = try await server()
        let (client, running) = try client(port: server.port)
        defer { running.cancel(); serving.cancel() }
        #expect(await next(server.events) { _ in true } == .loggedIn(userId: "park-0001"))
        await server.disconnect("park-0001")
        #expect(await next(server.events) { _ in true } == .closed(userId: "park-0001", reason: .closedLocally))
        #expect(await next(client.events) { if case .closed = $0 { true } else { false } } == .closed(.peerClosed))
        #expect(await next(server.events) { _ in true } == .loggedIn(userId: "park-0001"))
        #expect(await next(client.events) { _ in true } == .loggedIn)

        let platform = DB4403ThirdPartyClient(core: ClientCore(transport: server.transport(to: "park-0001"), binding: DB4403Binding()))
        #expect(try await platform.issueControlList(try Self.sheet()).id?.text == "ff8080814d9be81f014d9beb81090003")
    }

    @Test func aWrongPasswordIsRefusedAndTheClientIsToldWhy() async throws {
        let (server, serving) = try await server()
        let (client, running) = try client(port: server.port, password: "guess")
        defer { running.cancel(); serving.cancel() }
        #expect(await next(server.events) { _ in true } == .loginRefused(userId: "park-0001", reason: "wrong password"))
        #expect(await next(client.events) { _ in true } == .closed(.loginRejected("用户名或密码错误")))
        #expect(await server.loggedInUsers == [])
    }

    @Test func aClientWithoutAServerKeepsTryingLongerEachTime() async throws {
        let (server, serving) = try await server()
        let port = server.port
        serving.cancel()
        _ = try? await serving.value
        let (client, running) = try client(port: port)
        defer { running.cancel() }
        #expect(await next(client.events) { _ in true }.map { if case .connectFailed = $0 { true } else { false } } == true)
        guard case .waitingToReconnect(let first) = await client.state else {
            Issue.record("expected a wait, the session is \(await client.state)")
            return
        }
        _ = await next(client.events) { _ in true }
        guard case .waitingToReconnect(let second) = await client.state else { return }
        #expect(second - first >= 150, "the second wait (200 ms) is longer than the first (100 ms)")
    }

    @Test func logoutEndsTheClientForGood() async throws {
        let (server, serving) = try await server()
        let (client, running) = try client(port: server.port)
        defer { serving.cancel() }
        #expect(await next(client.events) { _ in true } == .loggedIn)
        await client.logout()
        #expect(await next(client.events) { _ in true } == .closed(.loggedOut))
        await running.value
        #expect(await client.state == .disconnected)
    }
}
