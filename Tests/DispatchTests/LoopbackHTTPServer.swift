import Foundation
import InterchangeRuntime
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A minimal HTTP/1.1 server on 127.0.0.1 for tests: one request per connection, handed to a
/// `Dispatcher`, answered with Content-Length and closed. Enough to drive `URLSessionTransport`
/// over a real socket; not a server to ship (Integrations/ will bring one).
final class LoopbackHTTPServer: Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let port: UInt16
    private let listener: Int32

    init(dispatcher: Dispatcher) throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw Failure(description: "socket: \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(listener, socketAddress, length) == 0 && listen(listener, 8) == 0 && getsockname(listener, socketAddress, &length) == 0
            }
        }
        guard bound else {
            close(listener)
            throw Failure(description: "bind/listen: \(errno)")
        }
        self.listener = listener
        port = UInt16(bigEndian: address.sin_port)
        Thread.detachNewThread {
            while true {
                let connection = accept(listener, nil, nil)
                guard connection >= 0 else { return }
                Self.serve(connection, dispatcher)
            }
        }
    }

    deinit {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private static func serve(_ connection: Int32, _ dispatcher: Dispatcher) {
        defer { close(connection) }
        guard let request = readRequest(connection) else { return }
        let answer = Mutex<WireResponse?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let response = await dispatcher.handle(request)
            answer.withLock { $0 = response }
            done.signal()
        }
        done.wait()
        guard let response = answer.withLock({ $0 }) else { return }
        let head = "HTTP/1.1 \(response.status) OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: \(response.body.count)\r\nConnection: close\r\n\r\n"
        let bytes = Array(head.utf8) + response.body
        var sent = 0
        while sent < bytes.count {
            let written = bytes[sent...].withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { return }
            sent += written
        }
    }

    /// The request line, headers and a Content-Length body; nil for anything else.
    private static func readRequest(_ connection: Int32) -> WireRequest? {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let separator = Array("\r\n\r\n".utf8)
        var head: (bodyStart: Int, lines: [String])?
        var expected = Int.max
        while bytes.count < expected {
            let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return nil }
            bytes += buffer[0..<count]
            if head == nil, let end = bytes.indices.first(where: { bytes[$0...].starts(with: separator) }) {
                let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
                let length = lines.dropFirst().first { $0.lowercased().hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                head = (end + separator.count, lines)
                expected = end + separator.count + length
            }
        }
        guard let head else { return nil }
        let requestLine = head.lines[0].split(separator: " ")
        guard requestLine.count == 3 else { return nil }
        let headers = head.lines.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return WireRequest(method: String(requestLine[0]), path: String(requestLine[1]), headers: headers, body: Array(bytes[head.bodyStart...]))
    }
}
