import DB4403Wire
import NIOCore

/// What runs one SZTC connection: the bytes received, the clock's ticks, the peer's close.
/// The client and the server's connections are actors that hold a sans-IO session.
protocol SZTCConnectionDriver: Actor {
    /// Bytes arrived from the peer.
    func received(_ bytes: [UInt8]) async
    /// Time passed (heartbeats, silence, timeouts).
    func tick() async
    /// The peer or the network closed the connection.
    func peerClosed() async
}

/// Runs `channel` until the driver or the peer closes it: one task reads into the driver, one
/// writes what the driver yields to `outgoing` (in order; finishing the stream closes the
/// connection), one ticks every `tickInterval`.
func runConnection(
    _ channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>, outgoing: AsyncStream<[UInt8]>, driver: some SZTCConnectionDriver, tickInterval: Duration
) async {
    try? await channel.executeThenClose { inbound, outbound in
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await bytes in outgoing {
                    do { try await outbound.write(ByteBuffer(bytes: bytes)) } catch { break }
                }
            }
            group.addTask {
                do {
                    for try await buffer in inbound { await driver.received(Array(buffer: buffer)) }
                } catch {}
                await driver.peerClosed()
            }
            group.addTask {
                while !Task.isCancelled {
                    do { try await Task.sleep(for: tickInterval) } catch { return }
                    await driver.tick()
                }
            }
            // Whichever ends first (the driver closed, the peer closed) ends the connection.
            await group.next()
            group.cancelAll()
        }
    }
}

/// The callers waiting for the answers to requests sent, by packet number.
struct AwaitedAnswers {
    private var waiting: [UInt32: CheckedContinuation<SZTCFrame, any Error>] = [:]

    mutating func await(_ packetNo: UInt32, _ continuation: CheckedContinuation<SZTCFrame, any Error>) {
        waiting[packetNo] = continuation
    }

    /// Hands `frame` to the caller waiting for it; false when nobody was.
    mutating func answer(_ frame: SZTCFrame) -> Bool {
        guard let continuation = waiting.removeValue(forKey: frame.packetNo) else { return false }
        continuation.resume(returning: frame)
        return true
    }

    mutating func fail(_ packetNo: UInt32, _ error: DB4403TCPError) {
        waiting.removeValue(forKey: packetNo)?.resume(throwing: error)
    }

    mutating func failAll(_ error: DB4403TCPError) {
        for continuation in waiting.values { continuation.resume(throwing: error) }
        waiting.removeAll()
    }
}

/// Why a request over a DB4403 TCP connection got no answer. None is retried: whether the
/// peer acted on it is unknown.
public enum DB4403TCPError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No logged-in connection to send on (for a server: no client logged in as that user).
    case notConnected(String)
    /// The request went unanswered within the session's response timeout (6.1.1 e).
    case timedOut(command: UInt16)
    /// The connection closed before the answer arrived.
    case connectionClosed
    /// The request names no TCP command (表1 gives none to that interface).
    case noCommand(path: String)

    public var description: String {
        switch self {
        case .notConnected(let who): "no logged-in connection: \(who)"
        case .timedOut(let command): "command \(command) went unanswered"
        case .connectionClosed: "the connection closed before the answer arrived"
        case .noCommand(let path): "the request for \(path) has no TCP command (表1)"
        }
    }
}
