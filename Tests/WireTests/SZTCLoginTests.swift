import DB4403
import DB4403Wire
import InterchangeRuntime
import Testing

/// The 表40 login check a TCP server makes, and the client's reconnect backoff.
@Suite struct SZTCLoginTests {
    static let accounts = SZTCAccounts(["park-0001": .init(password: "s3cret", key: "12345678")])

    func loginFrame(userId: JSONValue, password: JSONValue, timestamp: Int64 = 1_700_000_000, tamper: Bool = false) throws -> SZTCFrame {
        let data: [JSONValue] = [["userId": userId, "password": password]]
        let envelope: JSONValue =
            tamper
            ? ["timestamp": .number(ExactNumber(Int(timestamp))), "sign": "0000000000000000000000000000000000000000", "data": .array(data)]
            : try DB4403Envelope().request(data: data, timestamp: timestamp)
        return SZTCFrame(packetNo: 1, direction: .request, command: SessionCommand.login, data: JSONWriter().bytes(envelope))
    }

    func verdict(_ frame: SZTCFrame) -> SZTCAccounts.LoginVerdict {
        Self.accounts.check(frame, now: EpochSeconds(1_700_000_010))
    }

    @Test func theRightPasswordUnderTheAccountsKeyLogsIn() throws {
        let password = try DB4403Envelope.encryptPassword("s3cret", key: "12345678")
        #expect(verdict(try loginFrame(userId: "park-0001", password: .string(password))) == .accepted(userId: "park-0001"))
    }

    @Test func everyFailedCheckIsARefusalNamingTheCheckButNoPassword() throws {
        let right = try DB4403Envelope.encryptPassword("s3cret", key: "12345678")
        let wrong = try DB4403Envelope.encryptPassword("guess", key: "12345678")
        let otherKey = try DB4403Envelope.encryptPassword("s3cret", key: "87654321")
        #expect(verdict(try loginFrame(userId: "park-0001", password: .string(wrong))) == .refused(reason: "wrong password", userId: "park-0001"))
        #expect(verdict(try loginFrame(userId: "park-0001", password: .string(otherKey))) == .refused(reason: "wrong password", userId: "park-0001"))
        #expect(verdict(try loginFrame(userId: "park-0001", password: "not base64 !")) == .refused(reason: "wrong password", userId: "park-0001"))
        #expect(verdict(try loginFrame(userId: "park-9999", password: .string(right))) == .refused(reason: "no such account", userId: "park-9999"))
        #expect(verdict(try loginFrame(userId: "park-0001", password: .string(right), tamper: true)) == .refused(reason: "envelope: badSignature", userId: nil))
        #expect(verdict(try loginFrame(userId: "park-0001", password: .string(right), timestamp: 1_600_000_000)) == .refused(reason: "envelope: staleTimestamp", userId: nil))
        let longId = String(repeating: "x", count: 33)
        #expect(verdict(try loginFrame(userId: .string(longId), password: .string(right))) == .refused(reason: "表40: maxLength at $.userId", userId: longId))
        #expect(verdict(try loginFrame(userId: 42, password: .string(right))) == .refused(reason: "表40: type at $.userId", userId: nil))
    }

    @Test func reconnectsBackOffAfterEachFailureAndResetAfterALogin() {
        var client = SZTCClientSession(loginData: ["userId": "u", "password": "p"], timing: SessionTiming(reconnectDelay: 1_000, maxReconnectDelay: 5_000))
        _ = client.connected(now: 0)
        _ = client.connectionClosed(now: 0)
        #expect(client.state == .waitingToReconnect(until: 1_000))
        #expect(client.tick(now: 1_000) == [.connect])
        _ = client.connectFailed(now: 1_000)
        #expect(client.state == .waitingToReconnect(until: 3_000))
        #expect(client.tick(now: 3_000) == [.connect])
        _ = client.connectFailed(now: 3_000)
        #expect(client.state == .waitingToReconnect(until: 7_000))
        #expect(client.tick(now: 7_000) == [.connect])
        _ = client.connectFailed(now: 7_000)
        #expect(client.state == .waitingToReconnect(until: 12_000), "capped at maxReconnectDelay")
    }

    @Test func aRequestWrittenElsewhereIsFramedAsIs() throws {
        var client = SZTCClientSession(loginData: ["userId": "u", "password": "p"])
        var server = SZTCServerSession(connectedAt: 0)
        var login: SZTCFrame?
        for action in server.received(client.connected(now: 0).sentBytes, now: 0) {
            if case .loginRequested(let frame) = action { login = frame }
        }
        let request = try #require(login)
        _ = client.received(server.acceptLogin(request, now: 0).sentBytes, now: 0)
        let body = Array(#"{"timestamp":0,"sign":"x","data":[]}"#.utf8)
        let push = try server.send(command: 4001, body: body, now: 10)
        guard case .request(let frame)? = client.received(push.actions.sentBytes, now: 10).first else {
            Issue.record("the push did not arrive")
            return
        }
        #expect(frame.data == body)
        #expect(frame.packetNo == push.packetNo)
        let upload = try client.send(command: 5004, body: body, now: 20)
        guard case .request(let uploaded)? = server.received(upload.actions.sentBytes, now: 20).first else {
            Issue.record("the request did not arrive")
            return
        }
        #expect(uploaded.data == body)
    }
}

extension [SessionAction] {
    /// The bytes these actions send, in order.
    var sentBytes: [UInt8] {
        flatMap { action -> [UInt8] in
            if case .send(let bytes) = action { bytes } else { [] }
        }
    }
}
