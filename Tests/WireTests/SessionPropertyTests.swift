import DB4403Wire
import InterchangeRuntime
import TestSupport
import Testing

/// Random event sequences between a client session and a real server session over a lossy
/// link: frames dropped, logins refused, connections cut, logouts, requests, time jumps.
/// Invariants after every step: the client is never stuck (left alone, it reaches a state
/// from which it reconnects or has closed), a close always leaves it disconnected or waiting
/// to reconnect, and it never sends business requests when not logged in.
@Suite struct SessionPropertyTests {
    static let login: JSONValue = ["userId": "b38080814d9be81f014d9beb8109033a", "password": "HUX+7VtHgb0="]

    func sent(_ actions: [SessionAction]) -> [UInt8] {
        actions.flatMap { action -> [UInt8] in
            if case .send(let bytes) = action { bytes } else { [] }
        }
    }

    /// The client, left alone long enough, is not waiting on an answer that may never come.
    func settles(_ client: SZTCClientSession, at now: EpochMilliseconds) -> Bool {
        var copy = client
        var time = now
        for _ in 0..<4 {
            time += copy.timing.responseTimeout + copy.timing.heartbeatTimeout * Int64(copy.timing.heartbeatResends + 2)
            _ = copy.tick(now: time)
            switch copy.state {
            case .disconnected, .waitingToReconnect: return true
            case .ready, .loggingIn, .loggingOut: continue
            }
        }
        // Still "ready" with nobody answering heartbeats would have closed; loggingIn or
        // loggingOut here means stuck.
        return false
    }

    @Test(arguments: 0..<200)
    func randomEventSequencesNeverStickTheClient(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        var client = SZTCClientSession(loginData: Self.login)
        var server = SZTCServerSession(connectedAt: 0)
        var connected = false
        var now: EpochMilliseconds = 0
        var toClient: [UInt8] = []
        for step in 0..<120 {
            var actions: [SessionAction] = []
            switch Int.random(in: 0..<10, using: &random) {
            case 0 where !connected:
                actions = client.connected(now: now)
                server = SZTCServerSession(connectedAt: now)
                connected = true
            case 1 where connected:
                connected = false
                toClient = []
                actions = client.connectionClosed(now: now)
            case 2:
                actions = client.logout(now: now)
            case 3:
                if let sent = try? client.send(command: 5004, data: [["id": "A"]], now: now) { actions = sent.actions }
                else { #expect(client.state != .ready, "seed \(seed) step \(step): send refused while ready") }
            case 4 where connected && !toClient.isEmpty:
                // Deliver what the server said, unless the link drops it.
                if Bool.random(using: &random) { actions = client.received(toClient, now: now) }
                toClient = []
            default:
                now += Int64.random(in: 0...6_000, using: &random)
                actions = client.tick(now: now)
            }
            for action in actions {
                switch action {
                case .close:
                    connected = false
                    toClient = []
                    let ended: Bool
                    switch client.state {
                    case .disconnected, .waitingToReconnect: ended = true
                    default: ended = false
                    }
                    #expect(ended, "seed \(seed) step \(step): closed but \(client.state)")
                case .connect:
                    break
                case .send(let bytes) where connected && Int.random(in: 0..<4, using: &random) > 0:
                    for reply in server.received(bytes, now: now) {
                        switch reply {
                        case .loginRequested(let request):
                            let answer = Bool.random(using: &random) ? server.acceptLogin(request, now: now) : server.rejectLogin(request, now: now)
                            toClient += sent(answer)
                        case .request(let request):
                            toClient += sent(server.respond(to: request, resultCode: 0, resultMsg: "成功", data: [], now: now))
                        case .send(let bytes):
                            toClient += bytes
                        default:
                            break
                        }
                    }
                default:
                    break
                }
            }
            #expect(settles(client, at: now), "seed \(seed) step \(step): stuck in \(client.state)")
        }
    }

    /// An unanswered login used to leave the client in `loggingIn` forever.
    @Test func anUnansweredLoginClosesAndReconnects() {
        var client = SZTCClientSession(loginData: Self.login)
        _ = client.connected(now: 0)
        let actions = client.tick(now: 20_000)
        #expect(actions.last == .close(.loginUnanswered))
        #expect(client.state == .waitingToReconnect(until: 25_000))
    }

    @Test func anUnansweredLogoutCloses() throws {
        var client = SZTCClientSession(loginData: Self.login)
        var server = SZTCServerSession(connectedAt: 0)
        guard case .loginRequested(let request)? = server.received(sent(client.connected(now: 0)), now: 0).first else { return }
        _ = client.received(sent(server.acceptLogin(request, now: 0)), now: 0)
        _ = client.logout(now: 1_000)
        #expect(client.tick(now: 21_000).last == .close(.logoutUnanswered))
        #expect(client.state == .disconnected)
    }

    /// Before login a connection may not park a large frame.
    @Test func aServerRefusesLargeFramesBeforeLogin() {
        var server = SZTCServerSession(connectedAt: 0)
        let big = SZTCFrame(packetNo: 1, direction: .request, command: 1004, data: Array(repeating: UInt8(ascii: " "), count: 20_000))
        let actions = server.received(big.encoded.prefix(SZTCFrame.headerLength), now: 0)
        #expect(actions == [.close(.frameError(.dataTooLong(length: 20_000, limit: 16_384)))])
    }
}
