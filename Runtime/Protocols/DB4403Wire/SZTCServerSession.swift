import DB4403
import InterchangeRuntime

/// The server side of one DB4403 TCP connection (6.1.3), sans-IO. Requires login (1004)
/// first, answers heartbeats (1006) itself, drops a client silent for 9 s, answers logout
/// (1005) and closes, hands other requests to the application and matches responses to
/// the requests it pushed.
public struct SZTCServerSession: Sendable {
    /// Where the server's session stands.
    public enum State: Sendable, Hashable {
        /// Connected; only a login is accepted.
        case awaitingLogin
        /// The client logged in.
        case ready
        /// The session closed; nothing more is accepted.
        case closed
    }

    /// Where the session stands.
    public private(set) var state: State = .awaitingLogin
    /// Silence and timeout limits.
    public let timing: SessionTiming
    private let envelope: DB4403Envelope
    private var decoder: FrameDecoder
    private var packets = PacketNumbers()
    private var pending = PendingRequests()
    private var lastHeard: EpochMilliseconds
    private let maxDataLength: Int

    /// Until the client has logged in, frames may carry at most `loginFrameLimit` bytes of
    /// data (a 表40 login takes a few hundred), so a connection that never logs in cannot park
    /// a 10 MiB frame; afterwards `maxDataLength`.
    public init(
        connectedAt now: EpochMilliseconds, envelope: DB4403Envelope = DB4403Envelope(), timing: SessionTiming = SessionTiming(),
        loginFrameLimit: Int = 16 * 1024, maxDataLength: Int = JSONReader.defaultMaxBytes
    ) {
        self.envelope = envelope
        self.timing = timing
        self.maxDataLength = maxDataLength
        decoder = FrameDecoder(maxDataLength: min(loginFrameLimit, maxDataLength))
        lastHeard = now
    }

    /// Bytes arrived from the client.
    public mutating func received(_ bytes: some Sequence<UInt8>, now: EpochMilliseconds) -> [SessionAction] {
        guard state != .closed else { return [] }
        decoder.append(bytes)
        var actions: [SessionAction] = []
        do {
            while let frame = try decoder.next() {
                lastHeard = now
                actions += handle(frame, now: now)
                if case .close? = actions.last { return actions }
            }
        } catch {
            return actions + close(.frameError(error))
        }
        return actions
    }

    /// Accepts the login `request` (after the application checked 表40's credentials).
    public mutating func acceptLogin(_ request: SZTCFrame, now: EpochMilliseconds) -> [SessionAction] {
        state = .ready
        decoder.maxDataLength = maxDataLength
        return respond(to: request, resultCode: 0, resultMsg: "成功", data: [], now: now)
    }

    /// Refuses the login `request` (表A.2 3001 用户名或密码错误) and closes.
    public mutating func rejectLogin(_ request: SZTCFrame, now: EpochMilliseconds) -> [SessionAction] {
        respond(to: request, resultCode: 1, resultMsg: "用户名或密码错误", data: [["code": 3001, "message": "用户名或密码错误"]], now: now)
            + close(.loginRejected("用户名或密码错误"))
    }

    /// Answers a request from the client.
    public func respond(to request: SZTCFrame, resultCode: Int, resultMsg: String?, data: [JSONValue], now: EpochMilliseconds) -> [SessionAction] {
        respond(to: request, body: JSONWriter().bytes(envelope.response(resultCode: resultCode, resultMsg: resultMsg, timestamp: now.seconds.value, data: data)))
    }

    /// Answers a request from the client with a ready response envelope (e.g. a `Dispatcher`'s).
    public func respond(to request: SZTCFrame, body: [UInt8]) -> [SessionAction] {
        [.send(SZTCFrame(packetNo: request.packetNo, direction: .response, command: request.command, data: body).encoded)]
    }

    /// Pushes a request to the client (下行 over TCP), its envelope signed here.
    public mutating func send(command: UInt16, data: [JSONValue], now: EpochMilliseconds) throws(SessionError) -> (packetNo: UInt32, actions: [SessionAction]) {
        let body: JSONValue
        do {
            body = try envelope.request(data: data, timestamp: now.seconds.value)
        } catch {
            throw SessionError(description: "the request could not be signed: \(error)")
        }
        return try send(command: command, body: JSONWriter().bytes(body), now: now)
    }

    /// Pushes a request whose envelope is already written (e.g. by a generated client through
    /// `DB4403Binding`).
    public mutating func send(command: UInt16, body: [UInt8], now: EpochMilliseconds) throws(SessionError) -> (packetNo: UInt32, actions: [SessionAction]) {
        guard state == .ready else { throw SessionError(description: "the client has not logged in") }
        let packetNo = packets.next()
        pending.add(packetNo, command: command, deadline: now + timing.responseTimeout)
        return (packetNo, [.send(SZTCFrame(packetNo: packetNo, direction: .request, command: command, data: body).encoded)])
    }

    /// Time passed: the silence limit and push timeouts.
    public mutating func tick(now: EpochMilliseconds) -> [SessionAction] {
        guard state != .closed else { return [] }
        if now - lastHeard > timing.serverSilenceLimit { return close(.clientSilent) }
        return pending.expire(now: now)
    }

    private mutating func handle(_ frame: SZTCFrame, now: EpochMilliseconds) -> [SessionAction] {
        if frame.direction == .response {
            return pending.resolve(frame.packetNo) == nil ? [.unmatchedResponse(frame)] : [.response(frame)]
        }
        switch (state, frame.command) {
        case (.awaitingLogin, SessionCommand.login), (.ready, SessionCommand.login):
            return [.loginRequested(frame)]
        case (.awaitingLogin, _):
            let refusal = respond(to: frame, resultCode: 1, resultMsg: "请先登录 (1004)", data: [["code": 3002, "message": "请先登录 (1004)"]], now: now)
            return refusal + close(.notLoggedIn)
        case (_, SessionCommand.heartbeat):
            return respond(to: frame, resultCode: 0, resultMsg: "成功", data: [], now: now)
        case (_, SessionCommand.logout):
            return respond(to: frame, resultCode: 0, resultMsg: "成功", data: [], now: now) + close(.loggedOut)
        default:
            return [.request(frame)]
        }
    }

    private mutating func close(_ reason: SessionCloseReason) -> [SessionAction] {
        state = .closed
        pending.removeAll()
        return [.close(reason)]
    }
}
