/// Serves a set of routes over any transport: takes a `WireRequest`, returns a
/// `WireResponse`. In order: concurrency and size limits → token → parse and envelope
/// (signature over the text received, decryption) → validation against the interface's
/// request table → handler (decode, service, encode) under a deadline → response envelope.
/// Every failure is answered in the protocol's own terms; a handler that throws or overruns
/// its deadline never takes the server down and its error is not shown to the peer.
public struct Dispatcher: Sendable {
    /// Bounds on the work one dispatcher takes on.
    public struct Limits: Sendable {
        /// How long a handler may run before its request is answered with the protocol's
        /// failure code (the handler is cancelled). The handler starts on the request's own
        /// thread and the time runs from its first suspension: a handler that awaits a hung
        /// backend is cut off, one that only computes is not interrupted.
        public var handlerDeadline: Duration
        /// Deadlines for single interfaces, by code or name (`"query_start_charge"`).
        public var handlerDeadlines: [String: Duration]
        /// Requests served at once; past it a request is refused at once as busy.
        public var maxConcurrentRequests: Int
        /// Signed messages remembered to refuse replays (each for the profile's clock-skew
        /// window); past it new messages are refused as busy. 0 turns the guard off.
        public var replayMemory: Int

        /// Limits with a 30 s handler deadline, 512 requests at once and 100,000 messages
        /// remembered for replay checks unless told otherwise.
        public init(
            handlerDeadline: Duration = .seconds(30), handlerDeadlines: [String: Duration] = [:], maxConcurrentRequests: Int = 512,
            replayMemory: Int = 100_000
        ) {
            self.handlerDeadline = handlerDeadline
            self.handlerDeadlines = handlerDeadlines
            self.maxConcurrentRequests = maxConcurrentRequests
            self.replayMemory = replayMemory
        }

        /// The deadline of `interface`.
        func deadline(for interface: InterfaceSchema) -> Duration {
            interface.code.flatMap { handlerDeadlines[$0] } ?? handlerDeadlines[interface.name] ?? handlerDeadline
        }
    }

    /// The protocol's envelope and answers.
    public let binding: any ProtocolBinding
    /// The interfaces served, one route each.
    public let routes: [Route]
    /// The bounds on the work taken on.
    public let limits: Limits
    private let inFlight: InFlightCounter
    private let replays: ReplayGuard?
    /// Checks the token presented to an `authenticated` interface, and whom it belongs to;
    /// nil accepts every request.
    public let tokens: (any TokenVerifier)?
    /// The wall clock (injected for tests).
    public let now: @Sendable () -> EpochSeconds
    /// Told of every refusal and handler failure, with its full reason, before the peer gets
    /// its answer: log and count them here (never on the wire).
    public let onRefusal: (@Sendable (DispatchRefusal) -> Void)?

    /// A dispatcher serving `routes` in `binding`'s protocol.
    public init(
        binding: any ProtocolBinding, routes: [Route], limits: Limits = Limits(),
        tokens: (any TokenVerifier)? = nil, now: @escaping @Sendable () -> EpochSeconds = { .now },
        onRefusal: (@Sendable (DispatchRefusal) -> Void)? = nil
    ) {
        self.binding = binding
        self.routes = routes
        self.limits = limits
        inFlight = InFlightCounter(limit: limits.maxConcurrentRequests)
        replays = limits.replayMemory > 0 ? ReplayGuard(capacity: limits.replayMemory) : nil
        self.tokens = tokens
        self.now = now
        self.onRefusal = onRefusal
    }

    /// The answer to `request`: the interface's response, or a refusal in the protocol's
    /// terms (reported to `onRefusal` first).
    public func handle(_ request: WireRequest) async -> WireResponse {
        let time = now()
        switch await serve(request, at: time) {
        case .answered(let response):
            return response
        case .refused(let refusal):
            onRefusal?(refusal)
            return binding.refuse(refusal.failure, caller: refusal.caller, now: time)
        }
    }

    private enum Outcome {
        case answered(WireResponse)
        case refused(DispatchRefusal)
    }

    private func serve(_ request: WireRequest, at time: EpochSeconds) async -> Outcome {
        func refused(_ failure: DispatchFailure, _ interface: InterfaceSchema? = nil, caller: String? = nil, error: (any Error)? = nil) -> Outcome {
            .refused(DispatchRefusal(interface: interface, caller: caller, failure: failure, underlyingError: error))
        }
        guard inFlight.enter() else {
            return refused(DispatchFailure(.busy, "more than \(limits.maxConcurrentRequests) requests in flight"))
        }
        defer { inFlight.leave() }
        let limit = binding.profile.maxMessageBytes
        guard request.body.count <= limit else {
            return refused(DispatchFailure(.tooLarge, "the body is \(request.body.count) bytes, more than \(limit)"))
        }
        guard let interface = binding.interface(for: request, among: routes.map(\.interface)),
            let route = routes.first(where: { $0.interface.name == interface.name })
        else {
            return refused(DispatchFailure(.unknownInterface, "no interface at \(request.command.map { "command \($0)" } ?? request.path)"))
        }
        let token = binding.presentedToken(in: request)
        var holder = TokenHolder.anyone
        if interface.authenticated, let tokens {
            guard let found = await tokens.holder(of: token, for: interface) else {
                return refused(DispatchFailure(.token, "the access token is missing, unknown or expired"), interface)
            }
            holder = found
        }
        let opened: OpenedRequest
        do {
            opened = try binding.open(request, interface: interface, now: time)
        } catch {
            return refused(error, interface)
        }
        if case .partner(let partner) = holder, let caller = opened.caller, caller != partner {
            return refused(DispatchFailure(.token, "the access token was issued to \(partner), not \(caller)"), interface, caller: caller)
        }
        let profile = binding.profile
        if let replay = opened.replay, let replays, let window = profile.allowedClockSkewSeconds {
            // Partners are told apart by their token too (a DB4403 sign is unkeyed), and
            // interfaces by name: a DB4403 sign does not cover the interface, so two interfaces
            // sent the same data in the same second are two messages, not a replay.
            let keyed = OpenedRequest.Replay(key: (token ?? "") + "|" + interface.name + "|" + replay.key, sentAt: replay.sentAt)
            switch replays.admit(keyed, window: window, now: time) {
            case .fresh: break
            case .replayed:
                return refused(DispatchFailure(.envelope(.replayed), "the message \(replay.key) was received before"), interface, caller: opened.caller)
            case .full:
                return refused(DispatchFailure(.busy, "\(replays.capacity) messages remembered for replay checks"), interface, caller: opened.caller)
            }
        }
        // The peer's own spellings (profile casing and aliases) become the table's before
        // validation, so nothing it sent lands in additionalMembers unread.
        let data = profile.renamesKeys ? opened.data.map { profile.normalizedIncoming($0, table: interface.request) } : opened.data
        if let table = interface.request {
            let validator = Validator()
            let problems = profile.tolerating(
                opened.isList ? validator.validate(each: data, against: table) : data.flatMap { validator.validate($0, against: table) })
            if problems.containsErrors {
                return refused(DispatchFailure(.invalid(problems), "invalid request"), interface, caller: opened.caller)
            }
        }
        let context = CallContext(interface: interface, token: token, caller: opened.caller, profile: profile)
        let inputs: [JSONValue?] = interface.request == nil ? [nil] : data.map { $0 }
        let deadline = limits.deadline(for: interface)
        let outcome = await Deadline.run(deadline) {
            var answers: [JSONValue] = []
            for input in inputs {
                if let answer = try await route.handle(input, context) { answers.append(answer) }
            }
            return answers
        }
        switch outcome {
        case .finished(let answers):
            let spelled = profile.renamesKeys ? answers.map(profile.adaptedOutgoing) : answers
            return .answered(binding.respond(spelled, to: opened, interface: interface, now: time))
        case .failed(let refusal as ServiceRefusal):
            return refused(DispatchFailure(.declined(code: refusal.code), refusal.message), interface, caller: opened.caller)
        case .failed(let error as RequestDecodingFailure):
            return refused(
                DispatchFailure(.undecodable, "the request does not decode: \(error.underlying)"), interface, caller: opened.caller, error: error)
        case .failed(let error):
            return refused(DispatchFailure(.handlerFailed, "the handler threw \(type(of: error))"), interface, caller: opened.caller, error: error)
        case .expired:
            return refused(DispatchFailure(.handlerFailed, "the handler did not answer within \(deadline)"), interface, caller: opened.caller)
        }
    }
}

/// A request the dispatcher refused, for the service's own logs and metrics (`onRefusal`):
/// the interface and caller when they are known, the failure with its full reason, and a
/// handler's error. None of it is sent to the peer, whose refusal says only what
/// `DispatchFailure.answerText` says.
public struct DispatchRefusal: Sendable {
    /// The interface asked for; nil when the path or command named none.
    public let interface: InterfaceSchema?
    /// The caller the envelope names (an operator ID, say), once the envelope is open.
    public let caller: String?
    /// Why the request was refused, with the full reason.
    public let failure: DispatchFailure
    /// What a failing handler threw.
    public let underlyingError: (any Error)?
}
