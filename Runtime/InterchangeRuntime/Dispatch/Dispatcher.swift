/// Serves a set of routes over any transport: takes a `WireRequest`, returns a
/// `WireResponse`. In order: size limit → parse and envelope (signature over the text
/// received, decryption) → token → validation against the interface's request table →
/// handler (decode, service, encode) → response envelope. Every failure is answered in the
/// protocol's own terms; a handler that throws never takes the server down and its error is
/// not shown to the peer.
public struct Dispatcher: Sendable {
    public let binding: any ProtocolBinding
    public let routes: [Route]
    public let profile: PeerProfile
    /// Checks the token presented to an `authenticated` interface; nil accepts every request.
    public let acceptsToken: (@Sendable (String?, InterfaceSchema) async -> Bool)?
    /// Epoch seconds, injected for tests.
    public let now: @Sendable () -> Int64

    public init(
        binding: any ProtocolBinding, routes: [Route], profile: PeerProfile = PeerProfile(),
        acceptsToken: (@Sendable (String?, InterfaceSchema) async -> Bool)? = nil, now: @escaping @Sendable () -> Int64
    ) {
        self.binding = binding
        self.routes = routes
        self.profile = profile
        self.acceptsToken = acceptsToken
        self.now = now
    }

    public func handle(_ request: WireRequest) async -> WireResponse {
        let time = now()
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
        var answers: [JSONValue] = []
        do {
            let inputs: [JSONValue?] = interface.request == nil ? [nil] : opened.data.map { $0 }
            for input in inputs {
                if let answer = try await route.handle(input, context) { answers.append(answer) }
            }
        } catch {
            return binding.refuse(DispatchFailure(.handlerFailed, "the service could not handle the request"), now: time)
        }
        return binding.respond(answers, to: opened, interface: interface, now: time)
    }
}
