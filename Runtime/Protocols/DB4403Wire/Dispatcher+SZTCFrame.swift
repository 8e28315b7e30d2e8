import DB4403
import InterchangeRuntime

extension Dispatcher {
    /// Serves a DB4403 TCP request frame (a session's `.request` action): its data is the
    /// https envelope (6.1.3) and its command names the interface. Returns the response
    /// envelope, to send with the session's `respond(to:body:)`.
    public func handle(frame: SZTCFrame) async -> [UInt8] {
        await handle(WireRequest(method: "TCP", path: "", command: frame.command, body: frame.data)).body
    }
}
