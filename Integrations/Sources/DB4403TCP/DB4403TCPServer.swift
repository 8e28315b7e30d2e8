public import DB4403Wire
public import InterchangeRuntime
public import Logging
public import NIOCore
import NIOPosix

/// A DB4403 TCP server (6.1.3), as a city platform runs it: clients connect and log in (1004,
/// checked by `SZTCAccounts`), heartbeats (1006) are answered and silent clients dropped by
/// the runtime's `SZTCServerSession`, and the platform pushes 下行 requests (4001, 6001…) to a
/// logged-in client through `transport(to:)`, awaiting the answer with the same packet number.
///
/// ```swift
/// let server = try await DB4403TCPServer.bind(port: 9000, accounts: SZTCAccounts(["park-0001": .init(password: "…", key: "…")]))
/// Task { try await server.run() }
/// let park = DB4403ThirdPartyClient(core: ClientCore(binding: DB4403Binding(), transport: server.transport(to: "park-0001")))
/// let answer = try await park.issueControlList(sheet)
/// ```
public actor DB4403TCPServer {
    /// What happened to a client, for the application to watch (`events`).
    public enum Event: Sendable, Hashable {
        /// A client logged in as `userId`.
        case loggedIn(userId: String)
        /// A login was refused; `reason` names the check (never a password).
        case loginRefused(userId: String?, reason: String)
        /// A connection closed; `userId` when it had logged in.
        case closed(userId: String?, reason: SessionCloseReason)
    }

    /// The port the server listens on (the one the system chose when asked for 0).
    public nonisolated let port: Int
    /// Logins, refusals and closes, newest 1,000 kept until read; one reader.
    public nonisolated let events: AsyncStream<Event>
    let eventSink: AsyncStream<Event>.Continuation
    let settings: Settings
    private let listener: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>
    private var clients: [String: ServerConnection] = [:]

    /// What every connection is served with.
    struct Settings: Sendable {
        let accounts: SZTCAccounts
        let dispatcher: Dispatcher?
        let envelope: DB4403Envelope
        let timing: SessionTiming
        let tickInterval: Duration
        let logger: Logger
    }

    private init(listener: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>, port: Int, settings: Settings) {
        self.listener = listener
        self.port = port
        self.settings = settings
        (events, eventSink) = AsyncStream.makeStream(of: Event.self, bufferingPolicy: .bufferingNewest(1_000))
    }

    /// Listens on `host`:`port` (0: any free port, see `port`). `dispatcher` answers requests
    /// clients send over the connection other than login, logout and heartbeat (none in
    /// DB4403's 表1; without one they are refused). `timing` and `tickInterval` set how
    /// often the sessions' clocks are read.
    public static func bind(
        host: String = "127.0.0.1", port: Int, accounts: SZTCAccounts, dispatcher: Dispatcher? = nil,
        envelope: DB4403Envelope = DB4403Envelope(), timing: SessionTiming = SessionTiming(), tickInterval: Duration = .milliseconds(250),
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton, logger: Logger = Logger(label: "interchange.db4403.tcp")
    ) async throws -> DB4403TCPServer {
        let listener = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
            }
        let settings = Settings(accounts: accounts, dispatcher: dispatcher, envelope: envelope, timing: timing, tickInterval: tickInterval, logger: logger)
        return DB4403TCPServer(listener: listener, port: listener.channel.localAddress?.port ?? port, settings: settings)
    }

    /// Serves connections until the task is cancelled; then every connection closes.
    public func run() async throws {
        try await listener.executeThenClose { inbound in
            try await withThrowingDiscardingTaskGroup { group in
                for try await channel in inbound {
                    group.addTask { await self.serve(channel) }
                }
            }
        }
        eventSink.finish()
    }

    /// A transport pushing requests to the client logged in as `userId`, whichever connection
    /// it is on when a request is sent.
    public nonisolated func transport(to userId: String) -> DB4403TCPTransport {
        DB4403TCPTransport { command, body in try await self.push(command: command, body: body, to: userId) }
    }

    /// Sends a request (an envelope already written) to `userId` and returns the answer frame.
    public func push(command: UInt16, body: [UInt8], to userId: String) async throws -> SZTCFrame {
        guard let connection = clients[userId] else { throw DB4403TCPError.notConnected(userId) }
        return try await connection.push(command: command, body: body)
    }

    /// The users logged in now.
    public var loggedInUsers: [String] { clients.keys.sorted() }

    /// Closes the connection of `userId`, if logged in.
    public func disconnect(_ userId: String) async {
        await clients[userId]?.close(.closedLocally)
    }

    private func serve(_ channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async {
        let (outgoing, sink) = AsyncStream.makeStream(of: [UInt8].self)
        let connection = ServerConnection(server: self, settings: settings, out: sink)
        await runConnection(channel, outgoing: outgoing, driver: connection, tickInterval: settings.tickInterval)
        await connection.peerClosed()
    }

    /// `connection` logged in as `userId`; an earlier connection of the same user closes.
    func register(_ userId: String, _ connection: ServerConnection) async {
        let earlier = clients.updateValue(connection, forKey: userId)
        eventSink.yield(.loggedIn(userId: userId))
        if let earlier, earlier !== connection { await earlier.close(.closedLocally) }
    }

    /// `connection` closed.
    func unregister(_ userId: String?, _ connection: ServerConnection, reason: SessionCloseReason) {
        if let userId, clients[userId] === connection { clients[userId] = nil }
        eventSink.yield(.closed(userId: userId, reason: reason))
    }
}

/// One client's connection to a `DB4403TCPServer`.
actor ServerConnection: SZTCConnectionDriver {
    private let server: DB4403TCPServer
    private let settings: DB4403TCPServer.Settings
    private let out: AsyncStream<[UInt8]>.Continuation
    private var session: SZTCServerSession
    private var answers = AwaitedAnswers()
    private var userId: String?
    private var closed = false

    init(server: DB4403TCPServer, settings: DB4403TCPServer.Settings, out: AsyncStream<[UInt8]>.Continuation) {
        self.server = server
        self.settings = settings
        self.out = out
        session = SZTCServerSession(connectedAt: .now, envelope: settings.envelope, timing: settings.timing)
    }

    func received(_ bytes: [UInt8]) async { await perform(session.received(bytes, now: .now)) }

    func tick() async { await perform(session.tick(now: .now)) }

    func peerClosed() async { await close(.peerClosed) }

    func close(_ reason: SessionCloseReason) async {
        guard !closed else { return }
        closed = true
        answers.failAll(.connectionClosed)
        out.finish()
        settings.logger.info("DB4403 TCP connection closed", metadata: ["user": "\(userId ?? "-")", "reason": "\(reason)"])
        await server.unregister(userId, self, reason: reason)
    }

    func push(command: UInt16, body: [UInt8]) async throws -> SZTCFrame {
        guard !closed else { throw DB4403TCPError.connectionClosed }
        let sent: (packetNo: UInt32, actions: [SessionAction])
        do { sent = try session.send(command: command, body: body, now: .now) } catch { throw DB4403TCPError.notConnected(userId ?? "not logged in") }
        return try await withCheckedThrowingContinuation { continuation in
            answers.await(sent.packetNo, continuation)
            for case .send(let bytes) in sent.actions { out.yield(bytes) }
        }
    }

    private func respond(to frame: SZTCFrame, body: [UInt8]) async {
        await perform(session.respond(to: frame, body: body))
    }

    private func perform(_ actions: [SessionAction]) async {
        for action in actions {
            switch action {
            case .send(let bytes): out.yield(bytes)
            case .close(let reason): await close(reason)
            case .loginRequested(let frame): await login(frame)
            case .request(let frame): serve(frame)
            case .response(let frame): _ = answers.answer(frame)
            case .requestTimedOut(let packetNo, let command): answers.fail(packetNo, .timedOut(command: command))
            case .unmatchedResponse(let frame):
                settings.logger.warning("DB4403 TCP answer matches no request", metadata: ["packetNo": "\(frame.packetNo)", "command": "\(frame.command)"])
            case .loggedIn, .connect: break
            }
        }
    }

    private func login(_ frame: SZTCFrame) async {
        switch settings.accounts.check(frame, now: EpochMilliseconds.now.seconds) {
        case .accepted(let user):
            userId = user
            await perform(session.acceptLogin(frame, now: .now))
            await server.register(user, self)
        case .refused(let reason, let user):
            settings.logger.notice("DB4403 TCP login refused", metadata: ["user": "\(user ?? "-")", "reason": "\(reason)"])
            server.eventSink.yield(.loginRefused(userId: user, reason: reason))
            await perform(session.rejectLogin(frame, now: .now))
        }
    }

    /// A request from the client: the dispatcher answers it, or, without one, a refusal.
    private func serve(_ frame: SZTCFrame) {
        guard let dispatcher = settings.dispatcher else {
            Task { await perform(session.respond(to: frame, resultCode: 1, resultMsg: "该命令不经 TCP 提供", data: [], now: .now)) }
            return
        }
        Task {
            let body = await dispatcher.handle(frame: frame)
            await respond(to: frame, body: body)
        }
    }
}
