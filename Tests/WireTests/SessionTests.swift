import DB4403Wire
import InterchangeRuntime
import Testing

/// Client and server sessions wired together in memory; time is a number the test moves.
@Suite struct SessionTests {
    static let login: JSONValue = ["userId": "b38080814d9be81f014d9beb8109033a", "password": "HUX+7VtHgb0="]

    /// Bytes the actions ask to send, concatenated.
    func sent(_ actions: [SessionAction]) -> [UInt8] {
        actions.flatMap { action -> [UInt8] in
            if case .send(let bytes) = action { bytes } else { [] }
        }
    }

    func frames(_ bytes: [UInt8]) throws -> [SZTCFrame] {
        var decoder = FrameDecoder()
        decoder.append(bytes)
        var frames: [SZTCFrame] = []
        while let frame = try decoder.next() { frames.append(frame) }
        return frames
    }

    /// A client and server logged in at time 0.
    func loggedIn() throws -> (SZTCClientSession, SZTCServerSession) {
        var client = SZTCClientSession(loginData: Self.login)
        var server = SZTCServerSession(connectedAt: 0)
        let toServer = server.received(sent(client.connected(now: 0)), now: 0)
        guard case .loginRequested(let request)? = toServer.first else {
            Issue.record("expected a login request, got \(toServer)")
            return (client, server)
        }
        #expect(try DB4403Envelope().openRequest(request.data).data == [Self.login])
        let answer = server.acceptLogin(request, now: 0)
        #expect(client.received(sent(answer), now: 0) == [.loggedIn])
        #expect(client.state == .ready)
        #expect(server.state == .ready)
        return (client, server)
    }

    @Test func loginComesFirst() throws {
        _ = try loggedIn()
        var server = SZTCServerSession(connectedAt: 0)
        let early = SZTCFrame(packetNo: 1, direction: .request, command: 5004, data: JSONWriter().bytes(try DB4403Envelope().request(data: [], timestamp: 0)))
        let actions = server.received(early.encoded, now: 0)
        #expect(actions.last == .close(.notLoggedIn))
        let refusal = try DB4403Envelope().openResponse(try frames(sent(actions))[0].data)
        #expect(refusal.resultCode == 1)
        #expect(refusal.data.first?["code"] == 3002)
    }

    @Test func heartbeatsKeepTheConnectionAlive() throws {
        var (client, server) = try loggedIn()
        #expect(client.tick(now: 2_999) == [])
        let heartbeat = client.tick(now: 3_000)
        let beat = try frames(sent(heartbeat))
        #expect(beat.map(\.command) == [SessionCommand.heartbeat])
        let answer = server.received(sent(heartbeat), now: 3_000)
        #expect(try frames(sent(answer)).first?.packetNo == beat.first?.packetNo)
        #expect(client.received(sent(answer), now: 3_100) == [])
        #expect(server.tick(now: 12_000) == [])
        #expect(client.tick(now: 6_099) == [])
        #expect(try frames(sent(client.tick(now: 6_100))).map(\.command) == [SessionCommand.heartbeat])
    }

    @Test func unansweredHeartbeatIsResentTwiceThenTheClientDisconnectsAndReconnects() throws {
        var (client, _) = try loggedIn()
        #expect(sent(client.tick(now: 3_000)).isEmpty == false)
        #expect(sent(client.tick(now: 5_999)).isEmpty)
        #expect(try frames(sent(client.tick(now: 6_000))).map(\.command) == [SessionCommand.heartbeat])
        #expect(try frames(sent(client.tick(now: 9_000))).map(\.command) == [SessionCommand.heartbeat])
        #expect(client.tick(now: 12_000) == [.close(.heartbeatUnanswered)])
        #expect(client.state == .waitingToReconnect(until: 17_000))
        #expect(client.tick(now: 16_999) == [])
        #expect(client.tick(now: 17_000) == [.connect])
        let relogin = try frames(sent(client.connected(now: 17_000)))
        #expect(relogin.map(\.command) == [SessionCommand.login])
        #expect(client.state == .loggingIn)
    }

    @Test func theServerDropsASilentClient() throws {
        var (_, server) = try loggedIn()
        #expect(server.tick(now: 9_000) == [])
        #expect(server.tick(now: 9_001) == [.close(.clientSilent)])
        #expect(server.state == .closed)
    }

    @Test func responsesAreMatchedByPacketNumber() throws {
        var (client, server) = try loggedIn()
        let first = try client.send(command: 5004, data: [["id": "A"]], now: 100)
        let second = try client.send(command: 5005, data: [["id": "B"]], now: 100)
        let requests = server.received(sent(first.actions + second.actions), now: 100)
        #expect(requests.count == 2)
        guard case .request(let a) = requests[0], case .request(let b) = requests[1] else {
            Issue.record("expected two requests, got \(requests)")
            return
        }
        #expect(a.packetNo == first.packetNo)
        // Answer out of order: matching is by packetNo, not by order.
        let answers = server.respond(to: b, resultCode: 0, resultMsg: "成功", data: [["id": "B"]], now: 200)
            + server.respond(to: a, resultCode: 0, resultMsg: "成功", data: [["id": "A"]], now: 200)
        let delivered = client.received(sent(answers), now: 200)
        let packetNumbers = delivered.compactMap { action -> UInt32? in
            if case .response(let frame) = action { frame.packetNo } else { nil }
        }
        #expect(packetNumbers == [second.packetNo, first.packetNo])
        let stray = SZTCFrame(packetNo: 999, direction: .response, command: 5004, data: [])
        #expect(client.received(stray.encoded, now: 300) == [.unmatchedResponse(stray)])
    }

    @Test func unansweredRequestsTimeOutAndAreNotResent() throws {
        var (client, server) = try loggedIn()
        let request = try client.send(command: 5012, data: [], now: 1_000)
        _ = server.received(sent(request.actions), now: 1_000)
        let actions = client.tick(now: 21_000)
        #expect(actions.contains(.requestTimedOut(packetNo: request.packetNo, command: 5012)))
        #expect(try frames(sent(actions)).allSatisfy { $0.command == SessionCommand.heartbeat })
    }

    @Test func logoutClosesBothSides() throws {
        var (client, server) = try loggedIn()
        let logout = client.logout(now: 500)
        #expect(try frames(sent(logout)).map(\.command) == [SessionCommand.logout])
        let serverActions = server.received(sent(logout), now: 500)
        #expect(serverActions.last == .close(.loggedOut))
        #expect(client.received(sent(serverActions), now: 500) == [.close(.loggedOut)])
        #expect(client.state == .disconnected)
        #expect(throws: SessionError.self) { try client.send(command: 5004, data: [], now: 600) }
    }

    @Test func rejectedLoginClosesAndRetriesLater() throws {
        var client = SZTCClientSession(loginData: Self.login)
        var server = SZTCServerSession(connectedAt: 0)
        guard case .loginRequested(let request)? = server.received(sent(client.connected(now: 0)), now: 0).first else {
            Issue.record("expected a login request")
            return
        }
        let refusal = server.rejectLogin(request, now: 0)
        #expect(refusal.last == .close(.loginRejected("用户名或密码错误")))
        #expect(client.received(sent(refusal), now: 0) == [.close(.loginRejected("用户名或密码错误"))])
        #expect(client.state == .waitingToReconnect(until: 5_000))
    }

    @Test func garbageOnTheWireCloses() throws {
        var (client, _) = try loggedIn()
        #expect(client.received(Array("HTTP/1.1 400".utf8), now: 10) == [.close(.frameError(.badHeadFlag(found: Array("HTTP".utf8))))])
    }
}
