import DB4403Wire
public import InterchangeRuntime

/// Sends requests over a DB4403 TCP connection, so the generated clients work over TCP exactly
/// as over HTTP: a request's envelope (as `DB4403Binding` writes it) is framed with its
/// interface's command (表1), and the answer frame's data is the response envelope. Made by
/// `DB4403TCPServer.transport(to:)` (下行 pushes to a logged-in client) and
/// `DB4403TCPClient.transport`.
public struct DB4403TCPTransport: ClientTransport {
    private let exchange: @Sendable (_ command: UInt16, _ body: [UInt8]) async throws -> SZTCFrame

    init(exchange: @escaping @Sendable (_ command: UInt16, _ body: [UInt8]) async throws -> SZTCFrame) {
        self.exchange = exchange
    }

    public func send(_ request: WireRequest) async throws -> WireResponse {
        guard let command = request.command else { throw DB4403TCPError.noCommand(path: request.path) }
        return WireResponse(body: try await exchange(command, request.body).data)
    }
}
