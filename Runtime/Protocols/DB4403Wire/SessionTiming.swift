import DB4403
import InterchangeRuntime

/// Timing and commands of a DB4403 TCP session (6.1.3). Moments are `EpochMilliseconds`;
/// durations are milliseconds.
public struct SessionTiming: Sendable, Hashable {
    /// The client sends a heartbeat this often while idle.
    public var heartbeatInterval: Int64
    /// A heartbeat unanswered this long is resent (6.1.3: 3 s).
    public var heartbeatTimeout: Int64
    /// Resends before the client gives up and disconnects (6.1.3: 2).
    public var heartbeatResends: Int
    /// The server drops a client it has not heard from this long (6.1.3: 9 s).
    public var serverSilenceLimit: Int64
    /// A request unanswered this long fails (6.1.1 e: 20 s). It is never resent.
    public var responseTimeout: Int64
    /// The client reconnects this long after a connection closes; each further failure
    /// before a login doubles it.
    public var reconnectDelay: Int64
    /// The longest wait between reconnects.
    public var maxReconnectDelay: Int64

    /// Timing; the defaults are 6.1.3's (heartbeat every 3 s, two resends, 9 s of silence).
    public init(
        heartbeatInterval: Int64 = 3_000, heartbeatTimeout: Int64 = 3_000, heartbeatResends: Int = 2,
        serverSilenceLimit: Int64 = 9_000, responseTimeout: Int64 = 20_000, reconnectDelay: Int64 = 5_000,
        maxReconnectDelay: Int64 = 60_000
    ) {
        self.heartbeatInterval = heartbeatInterval
        self.heartbeatTimeout = heartbeatTimeout
        self.heartbeatResends = heartbeatResends
        self.serverSilenceLimit = serverSilenceLimit
        self.responseTimeout = responseTimeout
        self.reconnectDelay = reconnectDelay
        self.maxReconnectDelay = max(reconnectDelay, maxReconnectDelay)
    }
}

/// The commands of the session itself (表1).
public enum SessionCommand {
    /// 1004 登录 (TCP).
    public static let login: UInt16 = 1004
    /// 1005 登出 (TCP).
    public static let logout: UInt16 = 1005
    /// 1006 心跳.
    public static let heartbeat: UInt16 = 1006
}

/// Why a session closed its connection.
public enum SessionCloseReason: Sendable, Hashable {
    /// The logout was answered.
    case loggedOut
    /// The server refused the login, with its message.
    case loginRejected(String)
    /// The login request went unanswered within `responseTimeout` (client side).
    case loginUnanswered
    /// The logout request went unanswered within `responseTimeout` (client side).
    case logoutUnanswered
    /// The client's heartbeats went unanswered (client side).
    case heartbeatUnanswered
    /// The client was silent longer than the limit (server side).
    case clientSilent
    /// A request other than login arrived before login (server side).
    case notLoggedIn
    /// A frame could not be read; the stream cannot be trusted after it.
    case frameError(FrameError)
    /// The peer closed the connection.
    case peerClosed
    /// The application closed the connection (a server dropping a client, say).
    case closedLocally
    /// OpenSSL failed to sign an outgoing request (client side); nothing was sent.
    case signingFailed(CryptoError)
}

/// What a session asks its transport or application to do.
public enum SessionAction: Sendable, Hashable {
    /// Write these bytes to the connection.
    case send([UInt8])
    /// Close the connection.
    case close(SessionCloseReason)
    /// Open a new connection (client, after `reconnectDelay`).
    case connect
    /// The client is logged in; requests may flow.
    case loggedIn
    /// A login request for the application to check (server); answer with accept/reject.
    case loginRequested(SZTCFrame)
    /// A business request for the application (the dispatcher); answer with `respond`.
    case request(SZTCFrame)
    /// The response to a request sent earlier.
    case response(SZTCFrame)
    /// A request sent earlier got no response in time. It is not resent.
    case requestTimedOut(packetNo: UInt32, command: UInt16)
    /// A response matching no outstanding request; it is dropped and reported.
    case unmatchedResponse(SZTCFrame)
}

/// Requests sent and not yet answered, by packet number.
struct PendingRequests: Sendable {
    private var byPacket: [UInt32: (command: UInt16, deadline: EpochMilliseconds)] = [:]

    mutating func add(_ packetNo: UInt32, command: UInt16, deadline: EpochMilliseconds) {
        byPacket[packetNo] = (command, deadline)
    }

    /// Removes and returns the command of the request `packetNo` answers.
    mutating func resolve(_ packetNo: UInt32) -> UInt16? {
        byPacket.removeValue(forKey: packetNo)?.command
    }

    /// Whether `packetNo` is still awaiting its answer.
    func isPending(_ packetNo: UInt32?) -> Bool {
        packetNo.map { byPacket[$0] != nil } ?? false
    }

    /// Removes requests past their deadline, as timeout actions in packet order.
    mutating func expire(now: EpochMilliseconds) -> [SessionAction] {
        let expired = byPacket.filter { $0.value.deadline <= now }.sorted { $0.key < $1.key }
        for (packetNo, _) in expired { byPacket.removeValue(forKey: packetNo) }
        return expired.map { .requestTimedOut(packetNo: $0.key, command: $0.value.command) }
    }

    mutating func removeAll() { byPacket.removeAll() }
}

/// A session is not in a state to do what was asked.
public struct SessionError: Error, Sendable, Hashable, CustomStringConvertible {
    public let description: String
}
