import DB4403
import InterchangeRuntime

/// The client side of a DB4403 TCP session (6.1.3), sans-IO: feed it connection events,
/// received bytes and the time; it returns what to send, deliver or close. Logs in first
/// (1004), keeps the connection alive with heartbeats (1006), resends an unanswered heartbeat
/// twice then disconnects, logs out (1005), matches responses by packetNo and reconnects
/// after a delay that doubles with each failure in a row. Business requests are never resent on their own.
public struct SZTCClientSession: Sendable {
    /// Where the client's session stands.
    public enum State: Sendable, Hashable {
        /// Logged out for good; `connected(now:)` starts again.
        case disconnected
        /// The login (1004) is sent, its answer awaited.
        case loggingIn
        /// Logged in: requests may be sent; heartbeats run.
        case ready
        /// The logout (1005) is sent, its answer awaited.
        case loggingOut
        /// Waiting until `until` (ms) to reconnect.
        case waitingToReconnect(until: EpochMilliseconds)
    }

    /// Where the session stands.
    public private(set) var state: State = .disconnected
    /// Heartbeat, timeout and reconnect intervals.
    public let timing: SessionTiming
    private let envelope: DB4403Envelope
    private let loginData: JSONValue
    private var decoder = FrameDecoder()
    private var packets = PacketNumbers()
    private var pending = PendingRequests()
    private var loginPacket: UInt32?
    private var logoutPacket: UInt32?
    private var lastHeartbeatAnswered: EpochMilliseconds = 0
    private var heartbeatSentAt: EpochMilliseconds?
    private var heartbeatResendsDone = 0
    private var failuresInARow = 0

    /// `loginData` is the 表40 object (`userId`, DES-encrypted `password`).
    public init(loginData: JSONValue, envelope: DB4403Envelope = DB4403Envelope(), timing: SessionTiming = SessionTiming()) {
        self.loginData = loginData
        self.envelope = envelope
        self.timing = timing
    }

    /// The connection is open: log in.
    public mutating func connected(now: EpochMilliseconds) -> [SessionAction] {
        decoder = FrameDecoder()
        pending.removeAll()
        state = .loggingIn
        let packetNo = packets.next()
        loginPacket = packetNo
        pending.add(packetNo, command: SessionCommand.login, deadline: now + timing.responseTimeout)
        return sending(packetNo, SessionCommand.login, [loginData], now: now)
    }

    /// Sends a business request, its envelope signed here; returns its packet number to match
    /// the response.
    public mutating func send(command: UInt16, data: [JSONValue], now: EpochMilliseconds) throws(SessionError) -> (packetNo: UInt32, actions: [SessionAction]) {
        guard state == .ready else { throw SessionError(description: "not logged in: the session is \(state)") }
        let packetNo = packets.next()
        pending.add(packetNo, command: command, deadline: now + timing.responseTimeout)
        return (packetNo, sending(packetNo, command, data, now: now))
    }

    /// Sends a request whose envelope is already written (e.g. by a generated client through
    /// `DB4403Binding`); returns its packet number to match the response.
    public mutating func send(command: UInt16, body: [UInt8], now: EpochMilliseconds) throws(SessionError) -> (packetNo: UInt32, actions: [SessionAction]) {
        guard state == .ready else { throw SessionError(description: "not logged in: the session is \(state)") }
        let packetNo = packets.next()
        pending.add(packetNo, command: command, deadline: now + timing.responseTimeout)
        return (packetNo, [.send(SZTCFrame(packetNo: packetNo, direction: .request, command: command, data: body).encoded)])
    }

    /// Answers a request the server sent (下行 over TCP).
    public func respond(to request: SZTCFrame, resultCode: Int, resultMsg: String?, data: [JSONValue], now: EpochMilliseconds) -> [SessionAction] {
        respond(to: request, body: JSONWriter().bytes(envelope.response(resultCode: resultCode, resultMsg: resultMsg, timestamp: now.seconds.value, data: data)))
    }

    /// Answers a request the server sent with a ready response envelope (e.g. a `Dispatcher`'s).
    public func respond(to request: SZTCFrame, body: [UInt8]) -> [SessionAction] {
        [.send(SZTCFrame(packetNo: request.packetNo, direction: .response, command: request.command, data: body).encoded)]
    }

    /// Logs out (1005); the connection closes when the server answers.
    public mutating func logout(now: EpochMilliseconds) -> [SessionAction] {
        guard state == .ready else { return [] }
        state = .loggingOut
        let packetNo = packets.next()
        logoutPacket = packetNo
        pending.add(packetNo, command: SessionCommand.logout, deadline: now + timing.responseTimeout)
        return sending(packetNo, SessionCommand.logout, [], now: now)
    }

    /// Bytes arrived from the server.
    public mutating func received(_ bytes: some Sequence<UInt8>, now: EpochMilliseconds) -> [SessionAction] {
        decoder.append(bytes)
        var actions: [SessionAction] = []
        do {
            while let frame = try decoder.next() {
                actions += handle(frame, now: now)
                if case .close? = actions.last { return actions }
            }
        } catch {
            return actions + closing(.frameError(error), now: now)
        }
        return actions
    }

    /// The connection closed (by the peer or the network). While logging out that is the
    /// end; otherwise the session reconnects after `reconnectDelay`.
    public mutating func connectionClosed(now: EpochMilliseconds) -> [SessionAction] {
        guard state != .disconnected else { return [] }
        if case .waitingToReconnect = state { return [] }
        let reason: SessionCloseReason = state == .loggingOut ? .loggedOut : .peerClosed
        return closing(reason, now: now).filter { if case .close = $0 { false } else { true } }
    }

    /// The connection the last `.connect` asked for could not be opened: wait, longer after
    /// each failure in a row, and ask again.
    public mutating func connectFailed(now: EpochMilliseconds) -> [SessionAction] {
        guard state == .disconnected else { return [] }
        state = .waitingToReconnect(until: now + nextReconnectDelay())
        return []
    }

    /// Time passed: heartbeats, timeouts, reconnects.
    public mutating func tick(now: EpochMilliseconds) -> [SessionAction] {
        switch state {
        case .waitingToReconnect(let until):
            guard now >= until else { return [] }
            state = .disconnected
            return [.connect]
        case .disconnected:
            return []
        case .loggingIn, .ready, .loggingOut:
            var actions = pending.expire(now: now)
            // An unanswered login or logout must not leave the session waiting forever.
            if state == .loggingIn, !pending.isPending(loginPacket) { return actions + closing(.loginUnanswered, now: now) }
            if state == .loggingOut, !pending.isPending(logoutPacket) { return actions + closing(.logoutUnanswered, now: now) }
            if state == .ready { actions += heartbeat(now: now) }
            return actions
        }
    }

    private mutating func handle(_ frame: SZTCFrame, now: EpochMilliseconds) -> [SessionAction] {
        guard frame.direction == .response else { return [.request(frame)] }
        guard let command = pending.resolve(frame.packetNo) else { return [.unmatchedResponse(frame)] }
        switch command {
        case SessionCommand.login where frame.packetNo == loginPacket:
            let response = try? envelope.openResponse(frame.data)
            guard let response, response.resultCode == 0 else {
                return closing(.loginRejected(response?.resultMsg ?? "unreadable login response"), now: now)
            }
            state = .ready
            failuresInARow = 0
            lastHeartbeatAnswered = now
            heartbeatSentAt = nil
            heartbeatResendsDone = 0
            return [.loggedIn]
        case SessionCommand.heartbeat:
            lastHeartbeatAnswered = now
            heartbeatSentAt = nil
            heartbeatResendsDone = 0
            return []
        case SessionCommand.logout where frame.packetNo == logoutPacket:
            return closing(.loggedOut, now: now)
        default:
            return [.response(frame)]
        }
    }

    private mutating func heartbeat(now: EpochMilliseconds) -> [SessionAction] {
        if let sentAt = heartbeatSentAt {
            guard now - sentAt >= timing.heartbeatTimeout else { return [] }
            guard heartbeatResendsDone < timing.heartbeatResends else { return closing(.heartbeatUnanswered, now: now) }
            heartbeatResendsDone += 1
        } else if now - lastHeartbeatAnswered < timing.heartbeatInterval {
            return []
        }
        heartbeatSentAt = now
        let packetNo = packets.next()
        pending.add(packetNo, command: SessionCommand.heartbeat, deadline: now + timing.responseTimeout)
        return sending(packetNo, SessionCommand.heartbeat, [], now: now)
    }

    private mutating func closing(_ reason: SessionCloseReason, now: EpochMilliseconds) -> [SessionAction] {
        pending.removeAll()
        heartbeatSentAt = nil
        heartbeatResendsDone = 0
        let ending = reason == .loggedOut || reason == .logoutUnanswered
        state = ending ? .disconnected : .waitingToReconnect(until: now + nextReconnectDelay())
        return [.close(reason)]
    }

    /// `reconnectDelay`, doubled for each failure since the last login, at most
    /// `maxReconnectDelay`.
    private mutating func nextReconnectDelay() -> Int64 {
        let doublings = min(failuresInARow, 32)
        failuresInARow += 1
        let (delay, overflow) = timing.reconnectDelay.multipliedReportingOverflow(by: Int64(1) << doublings)
        return overflow ? timing.maxReconnectDelay : min(delay, timing.maxReconnectDelay)
    }

    /// A request frame carrying `data`, or, should OpenSSL fail to sign it, the session closed.
    private mutating func sending(_ packetNo: UInt32, _ command: UInt16, _ data: [JSONValue], now: EpochMilliseconds) -> [SessionAction] {
        do {
            let body = try envelope.request(data: data, timestamp: now.seconds.value)
            return [.send(SZTCFrame(packetNo: packetNo, direction: .request, command: command, data: JSONWriter().bytes(body)).encoded)]
        } catch {
            return closing(.signingFailed(error), now: now)
        }
    }
}
