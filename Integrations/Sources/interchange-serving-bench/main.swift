// The serving benchmark: what the protocol layer costs on the wire, measured in one run on
// loopback. wrk (Debian's package) loads an EVCS business call served through the Hummingbird
// adapter and, beside it, a minimal Hummingbird route doing no protocol work with a body of
// the same size; then a DB4403 TCP server pushes 4001 to a logged-in client as fast as 64
// callers can. Usage: interchange-serving-bench [--seconds N] (default 5).
//
// wrk sends one sealed request again and again, so the EVCS server runs without its replay
// memory and clock-skew check (both per-request lookups); every other step runs: token,
// Sig over the received text, AES, validation, the handler, AES and Sig of the answer.
import DB4403
import DB4403TCP
import DB4403Wire
import EVCS
import EVCSWire
import Foundation
import Hummingbird
import InterchangeHummingbird
import InterchangeRuntime
import Logging

/// The servers' own logs would interleave with the report.
let quiet: Logger = {
    var logger = Logger(label: "interchange-serving-bench")
    logger.logLevel = .critical
    return logger
}()
let seconds = CommandLine.arguments.firstIndex(of: "--seconds").flatMap { Int(CommandLine.arguments[$0 + 1]) } ?? 5
let secrets = EVCSSecrets(operatorID: "MA5DA0053", dataSecret: "1234567890abcdef", dataSecretIV: "1234567890abcdef", sigSecret: "1234567890abcdef")
var profile = PeerProfile()
profile.allowedClockSkewSeconds = nil
let binding = try EVCSBinding(secrets: secrets, profile: profile)
let interface = EVCSInterfaces.queryStationStats
let dispatcher = Dispatcher(
    binding: binding, routes: [Route(interface: interface) { _, _ in Samples.response(for: interface) }], limits: .init(replayMemory: 0),
    tokens: .accepting { token, _ in token == "bench-token" })
let request = try binding.request(interface, data: [["StationID": "3702120244102", "StartTime": "2024-05-01", "EndTime": "2024-05-02"]], token: "bench-token", now: .now)

/// Serves `router` on a free port until the returned task is cancelled.
func serve(_ router: Router<BasicRequestContext>) async throws -> (port: Int, task: Task<Void, any Error>) {
    let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
    let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) }, logger: quiet)
    let task = Task { try await app.run() }
    var ports = stream.makeAsyncIterator()
    return (await ports.next() ?? 0, task)
}

/// wrk's requests per second and p99 latency (ms) for POSTing `body` to `url`.
func wrk(_ url: String, body: [UInt8], headers: [(String, String)]) throws -> (perSecond: Double, p99: String) {
    let script = FileManager.default.temporaryDirectory.appendingPathComponent("interchange-bench-\(UUID().uuidString).lua")
    let escaped = String(decoding: body, as: UTF8.self).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
    var lua = "wrk.method = 'POST'\nwrk.body = '\(escaped)'\n"
    for (name, value) in headers { lua += "wrk.headers['\(name)'] = '\(value)'\n" }
    try lua.write(to: script, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: script) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["wrk", "-t1", "-c32", "-d\(seconds)s", "--latency", "-s", script.path, url]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let lines = output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    let perSecond = lines.first { $0.hasPrefix("Requests/sec:") }.flatMap { Double($0.dropFirst("Requests/sec:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
    let p99 = lines.first { $0.hasPrefix("99%") }.map { String($0.dropFirst(3)).trimmingCharacters(in: .whitespaces) } ?? "?"
    if lines.contains(where: { $0.hasPrefix("Non-2xx") }) { print("warning: wrk saw non-2xx answers for \(url)") }
    return (perSecond, p99)
}

// HTTP: the EVCS call through the adapter, and a plain route with a body of the same size.
let evcsRouter = Router()
evcsRouter.addInterchange(dispatcher, at: "/evcs")
let evcs = try await serve(evcsRouter)
let answerSize = await dispatcher.handle(request).body.count
let plainRouter = Router()
let plainAnswer = [UInt8](repeating: UInt8(ascii: "a"), count: answerSize)
plainRouter.post("/plain") { request, _ -> Response in
    _ = try await request.body.collect(upTo: 1 << 20)
    return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: plainAnswer)))
}
let plain = try await serve(plainRouter)

// A check that the measured call is answered Ret 0, not refused.
guard let evcsBase = URL(string: "http://127.0.0.1:\(evcs.port)/evcs") else { exit(2) }
let probe = try await URLSessionTransport(baseURL: evcsBase).send(request)
_ = try binding.answer(probe, interface: interface)

let headers = request.headers.map { ($0.name, $0.value) }
let evcsLoad = try wrk("http://127.0.0.1:\(evcs.port)/evcs\(request.path)", body: request.body, headers: headers)
let plainLoad = try wrk("http://127.0.0.1:\(plain.port)/plain", body: request.body, headers: headers)
evcs.task.cancel()
plain.task.cancel()

// DB4403 TCP: 4001 pushed to a logged-in client and answered by its dispatcher, 64 at a time.
let accounts = SZTCAccounts(["park-0001": .init(password: "s3cret", key: "12345678")])
let server = try await DB4403TCPServer.bind(port: 0, accounts: accounts, logger: quiet)
let serving = Task { try await server.run() }
let park = Dispatcher(
    binding: DB4403Binding(profile: profile), routes: [Route(interface: DB4403Interfaces.issueControlList) { _, _ in ["id": "ff8080814d9be81f014d9beb81090003"] }],
    limits: .init(replayMemory: 0))
let client = try DB4403TCPClient(host: "127.0.0.1", port: server.port, userId: "park-0001", password: "s3cret", key: "12345678", dispatcher: park, logger: quiet)
let running = Task { await client.run() }
/// Exchanges completed in the time given, 64 callers at a time; nil when the client never logs in.
func pushes() async -> Int? {
    var events = client.events.makeAsyncIterator()
    guard await events.next() == .loggedIn else { return nil }
    let push = JSONWriter().bytes((try? DB4403Envelope().request(data: [["state": 1]], timestamp: EpochSeconds.now.value)) ?? .null)
    let deadline = ContinuousClock.now + .seconds(seconds)
    return await withTaskGroup(of: Int.self) { group in
        for _ in 0..<64 {
            group.addTask {
                var count = 0
                while ContinuousClock.now < deadline {
                    guard (try? await server.push(command: 4001, body: push, to: "park-0001")) != nil else { break }
                    count += 1
                }
                return count
            }
        }
        return await group.reduce(0, +)
    }
}
guard let exchanges = await pushes() else {
    print("error: the DB4403 client did not log in")
    exit(1)
}
running.cancel()
serving.cancel()

let machine = "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.operatingSystemVersionString)"
print("serving benchmark, \(seconds) s each, loopback, wrk -t1 -c32 (\(machine))")
print(String(format: "EVCS query_station_stats via Hummingbird adapter  %9.0f req/s  p99 %@", evcsLoad.perSecond, evcsLoad.p99))
print(String(format: "plain Hummingbird route, same body sizes          %9.0f req/s  p99 %@", plainLoad.perSecond, plainLoad.p99))
print(String(format: "protocol layer keeps %.0f %% of the plain route's throughput", plainLoad.perSecond > 0 ? 100 * evcsLoad.perSecond / plainLoad.perSecond : 0))
print(String(format: "DB4403 TCP 4001 push + answer (64 in flight)      %9.0f exchanges/s (%.0f frames/s)", Double(exchanges) / Double(seconds), 2 * Double(exchanges) / Double(seconds)))
