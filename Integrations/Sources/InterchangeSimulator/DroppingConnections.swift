import Hummingbird

/// The `drop` fault: a struck request gets the head of an answer and then a closed connection,
/// as when a partner's server dies mid-answer. The client sees no answer and must not assume
/// the request failed or succeeded.
struct DroppingConnections<Context: RequestContext>: RouterMiddleware {
    let faults: Faults

    /// Why the body was never written.
    struct Dropped: Error {}

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard faults.strikes(.drop) else { return try await next(request, context) }
        return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(contentLength: 64) { _ in throw Dropped() })
    }
}
