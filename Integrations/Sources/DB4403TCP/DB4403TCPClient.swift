public import DB4403Wire
public import InterchangeRuntime
public import Logging
public import NIOCore
import NIOPosix

/// A DB4403 TCP client (6.1.3), as a third-party platform runs it towards the city platform:
/// connects, logs in (1004, the 表40 password DES-encrypted under the platform's key), keeps
/// the connection alive with heartbeats (1006), answers the platform's 下行 requests through
/// `dispatcher`, and after a drop reconnects, waiting longer after each failure in a row
/// (`SessionTiming.reconnectDelay` doubling up to `maxReconnectDelay`). Requests of its own go
/// through `transport`; none is ever resent.
///
/// ```swift
/// let client = try DB4403TCPClient(host: "platform.example", port: 9000, userId: "park-0001",
///                                  password: "…", key: "…", dispatcher: parkDispatcher)
/// Task { await client.run() }   // until cancelled or `logout()`
/// ```
public actor DB4403TCPClient: SZTCConnectionDriver {
    /// What happened to the connection, for the application to watch (`events`).
    public enum Event: Sendable, Hashable {
        /// The platform accepted the login.
        case loggedIn
        /// The connection closed (a refused login is `.closed(.loginRejected(message))`).
        case closed(SessionCloseReason)
        /// A connection could not be opened; `reason` is the system's.
        case connectFailed(reason: String)
    }

    /// Logins, closes and failed connects, newest 1,000 kept until read; one reader.
    public nonisolated let events: AsyncStream<Event>
    private let eventSink: AsyncStream<Event>.Continuation
    private let host: String
    private let port: Int
    private let dispatcher: Dispatcher?
    private let tickInterval: Duration
    private let group: any EventLoopGroup
    private let logger: Logger
    private var session: SZTCClientSession
    private var out: AsyncStream<[UInt8]>.Continuation?
    private var answers = AwaitedAnswers()

    /// A client for `host`:`port` logging in as `userId` with `password`, encrypted under the
    /// DES `key` (and `iv`, when the platform assigned one other than the key).
    public init(
        host: String, port: Int, userId: String, password: String, key: String, iv: String? = nil, dispatcher: Dispatcher? = nil,
        envelope: DB4403Envelope = DB4403Envelope(), timing: SessionTiming = SessionTiming(), tickInterval: Duration = .milliseconds(250),
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton, logger: Logger = Logger(label: "interchange.db4403.tcp")
    ) throws(CryptoError) {
        let login: JSONValue = ["userId": .string(userId), "password": .string(try DB4403Envelope.encryptPassword(password, key: key, iv: iv))]
        self.host = host
        self.port = port
        self.dispatcher = dispatcher
        self.tickInterval = tickInterval
        self.group = group
        self.logger = logger
        session = SZTCClientSession(loginData: login, envelope: envelope, timing: timing)
        (events, eventSink) = AsyncStream.makeStream(of: Event.self, bufferingPolicy: .bufferingNewest(1_000))
    }

    /// Connects and stays connected, reconnecting after drops, until the task is cancelled or
    /// `logout()` is answered.
    public func run() async {
        while !Task.isCancelled {
            do {
                let channel = try await ClientBootstrap(group: group).connect(host: host, port: port) { channel in
                    channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
                }
                let (outgoing, sink) = AsyncStream.makeStream(of: [UInt8].self)
                out = sink
                perform(session.connected(now: .now))
                await runConnection(channel, outgoing: outgoing, driver: self, tickInterval: tickInterval)
                await peerClosed()
            } catch {
                eventSink.yield(.connectFailed(reason: "\(error)"))
                logger.notice("DB4403 TCP connect failed", metadata: ["host": "\(host)", "port": "\(port)", "error": "\(error)"])
                perform(session.connectFailed(now: .now))
            }
            guard case .waitingToReconnect(let until) = session.state else { break }
            do { try await Task.sleep(for: .milliseconds(max(0, until - .now))) } catch { break }
            _ = session.tick(now: .now)
        }
        out?.finish()
        eventSink.finish()
    }

    /// A transport for this client's own requests over the connection.
    public nonisolated var transport: DB4403TCPTransport {
        DB4403TCPTransport { command, body in try await self.send(command: command, body: body) }
    }

    /// Sends a request (an envelope already written) and returns the answer frame.
    public func send(command: UInt16, body: [UInt8]) async throws -> SZTCFrame {
        let sent: (packetNo: UInt32, actions: [SessionAction])
        do { sent = try session.send(command: command, body: body, now: .now) } catch { throw DB4403TCPError.notConnected("\(session.state)") }
        return try await withCheckedThrowingContinuation { continuation in
            answers.await(sent.packetNo, continuation)
            perform(sent.actions)
        }
    }

    /// Logs out (1005); `run()` returns once the platform answers.
    public func logout() {
        perform(session.logout(now: .now))
    }

    /// Where the session stands.
    public var state: SZTCClientSession.State { session.state }

    func received(_ bytes: [UInt8]) async { perform(session.received(bytes, now: .now)) }

    func tick() async { perform(session.tick(now: .now)) }

    func peerClosed() async {
        guard out != nil else { return }
        perform(session.connectionClosed(now: .now))
        finishConnection(.peerClosed)
    }

    private func finishConnection(_ reason: SessionCloseReason) {
        guard let sink = out else { return }
        out = nil
        sink.finish()
        answers.failAll(.connectionClosed)
        eventSink.yield(.closed(reason))
        logger.info("DB4403 TCP connection closed", metadata: ["reason": "\(reason)"])
    }

    private func perform(_ actions: [SessionAction]) {
        for action in actions {
            switch action {
            case .send(let bytes): out?.yield(bytes)
            case .close(let reason): finishConnection(reason)
            case .loggedIn:
                eventSink.yield(.loggedIn)
                logger.info("DB4403 TCP logged in", metadata: ["host": "\(host)", "port": "\(port)"])
            case .request(let frame): serve(frame)
            case .response(let frame): _ = answers.answer(frame)
            case .requestTimedOut(let packetNo, let command): answers.fail(packetNo, .timedOut(command: command))
            case .unmatchedResponse(let frame):
                logger.warning("DB4403 TCP answer matches no request", metadata: ["packetNo": "\(frame.packetNo)", "command": "\(frame.command)"])
            case .connect, .loginRequested: break
            }
        }
    }

    /// A request from the platform: the dispatcher answers it, or, without one, a refusal.
    private func serve(_ frame: SZTCFrame) {
        Task {
            let body: [UInt8]
            if let dispatcher {
                body = await dispatcher.handle(frame: frame)
            } else {
                let refusal = session.respond(to: frame, resultCode: 1, resultMsg: "该命令未提供", data: [], now: .now)
                for case .send(let bytes) in refusal { out?.yield(bytes) }
                return
            }
            for case .send(let bytes) in session.respond(to: frame, body: body) { out?.yield(bytes) }
        }
    }
}
