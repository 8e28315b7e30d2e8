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
        /// failure code (the handler is cancelled).
        public var handlerDeadline: Duration
        /// Deadlines for single interfaces, by code or name (`"query_start_charge"`).
        public var handlerDeadlines: [String: Duration]
        /// Requests served at once; past it a request is refused at once as busy.
        public var maxConcurrentRequests: Int

        public init(handlerDeadline: Duration = .seconds(30), handlerDeadlines: [String: Duration] = [:], maxConcurrentRequests: Int = 512) {
            self.handlerDeadline = handlerDeadline
            self.handlerDeadlines = handlerDeadlines
            self.maxConcurrentRequests = maxConcurrentRequests
        }

        /// The deadline of `interface`.
        func deadline(for interface: InterfaceSchema) -> Duration {
            interface.code.flatMap { handlerDeadlines[$0] } ?? handlerDeadlines[interface.name] ?? handlerDeadline
        }
    }

    public let binding: any ProtocolBinding
    public let routes: [Route]
    public let profile: PeerProfile
    public let limits: Limits
    private let inFlight: InFlightCounter
    /// Checks the token presented to an `authenticated` interface; nil accepts every request.
    public let acceptsToken: (@Sendable (String?, InterfaceSchema) async -> Bool)?
    /// Epoch seconds, injected for tests.
    public let now: @Sendable () -> Int64

    public init(
        binding: any ProtocolBinding, routes: [Route], profile: PeerProfile = PeerProfile(), limits: Limits = Limits(),
        acceptsToken: (@Sendable (String?, InterfaceSchema) async -> Bool)? = nil, now: @escaping @Sendable () -> Int64
    ) {
        self.binding = binding
        self.routes = routes
        self.profile = profile
        self.limits = limits
        inFlight = InFlightCounter(limit: limits.maxConcurrentRequests)
        self.acceptsToken = acceptsToken
        self.now = now
    }

    public func handle(_ request: WireRequest) async -> WireResponse {
        let time = now()
        guard inFlight.enter() else {
            return binding.refuse(DispatchFailure(.busy, "more than \(limits.maxConcurrentRequests) requests in flight"), now: time)
        }
        defer { inFlight.leave() }
        guard request.body.count <= profile.maxMessageBytes else {
            return binding.refuse(DispatchFailure(.tooLarge, "the body is \(request.body.count) bytes, more than \(profile.maxMessageBytes)"), now: time)
        }
        guard let interface = binding.interface(for: request, among: routes.map(\.interface)),
            let route = routes.first(where: { $0.interface.name == interface.name })
        else {
            return binding.refuse(DispatchFailure(.unknownInterface, "no interface at \(request.command.map { "command \($0)" } ?? request.path)"), now: time)
        }
        let token = binding.presentedToken(in: request)
        if interface.authenticated, let acceptsToken, await !acceptsToken(token, interface) {
            return binding.refuse(DispatchFailure(.envelope(.badToken), "the access token is missing, unknown or expired"), now: time)
        }
        let opened: OpenedRequest
        do {
            opened = try binding.open(request, interface: interface, now: time)
        } catch {
            return binding.refuse(error, now: time)
        }
        if let model = interface.request {
            let problems = model.validate(each: opened.data)
            if problems.containsErrors { return binding.refuse(DispatchFailure(.invalid(problems), "invalid request"), now: time) }
        }
        let context = RequestContext(interface: interface, token: token, caller: opened.caller, profile: profile)
        let inputs: [JSONValue?] = interface.request == nil ? [nil] : opened.data.map { $0 }
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
            return binding.respond(answers, to: opened, interface: interface, now: time)
        case .failed(let error):
            return binding.refuse(DispatchFailure(.handlerFailed, "the handler threw \(type(of: error))"), now: time)
        case .expired:
            return binding.refuse(DispatchFailure(.handlerFailed, "the handler did not answer within \(deadline)"), now: time)
        }
    }
}
