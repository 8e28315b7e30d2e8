import DB4403TCP
import Foundation
import InterchangeCommandLine
import InterchangeSimulator
import Synchronization
import Testing

/// `interchange-sim` run in-process as a user runs it: `serve` a mock partner on loopback,
/// `conform` against it (all pass) and against one with deliberate faults (each reported by
/// name), `call` one interface, faults, recording and the user's answers.
@Suite(.serialized, .timeLimit(.minutes(2))) struct SimulatorTests {
    /// What a run wrote to standard output and error.
    final class Captured: Sendable {
        let output = Mutex("")
        let errors = Mutex("")

        var console: Console {
            Console(
                standardInput: STDIN_FILENO, environment: [:], writeOutput: { bytes in self.output.withLock { $0 += String(decoding: bytes, as: UTF8.self) } },
                writeError: { bytes in self.errors.withLock { $0 += String(decoding: bytes, as: UTF8.self) } })
        }

        var out: String { output.withLock { $0 } }
        var err: String { errors.withLock { $0 } }
    }

    static let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("interchange-sim-tests-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    static func file(_ name: String, _ text: String) -> String {
        let path = folder.appendingPathComponent(name).path
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    static let partner = file("partner.json", """
        {"secrets": {"operator-id": "MA5DA0053", "data-secret": "1234567890abcdef", "data-iv": "1234567890abcdef", "sig-secret": "1234567890abcdef"},
         "operatorSecret": "1234567890abcdef"}
        """)

    /// Runs `serve` with `arguments` on a free port; returns its base URL and the task to cancel.
    func serve(_ arguments: [String]) async throws -> (url: String, task: Task<Int32, Never>, captured: Captured) {
        let captured = Captured()
        let task = Task { await SimulatorTool(console: captured.console).run(["serve"] + arguments + ["--port", "0"]) }
        for _ in 0..<200 {
            if let line = captured.out.split(separator: "\n").first(where: { $0.hasPrefix("serving ") }), let range = line.range(of: "http://") {
                return (String(line[range.lowerBound...].prefix { $0 != " " }), task, captured)
            }
            try await Task.sleep(for: .milliseconds(25))
        }
        task.cancel()
        Issue.record("serve did not start: \(captured.out) \(captured.err)")
        throw CancellationError()
    }

    func run(_ arguments: [String]) async -> (status: Int32, captured: Captured) {
        let captured = Captured()
        return (await SimulatorTool(console: captured.console).run(arguments), captured)
    }

    @Test func conformAgainstTheMockPassesEveryCheck() async throws {
        let record = Self.folder.appendingPathComponent("record.jsonl").path
        let server = try await serve(["evcs", "--role", "chargingOperator", "--partner", Self.partner, "--record", record])
        defer { server.task.cancel() }
        #expect(server.captured.out.hasPrefix("serving EVCS as chargingOperator on http://127.0.0.1:"))
        let (status, captured) = await run(["conform", "evcs", "--role", "chargingOperator", "--url", server.url, "--partner", Self.partner])
        #expect(status == 0, "\(captured.out)\(captured.err)")
        #expect(captured.out.hasSuffix("49 checks: 49 passed, 0 failed\n"))
        #expect(captured.out.contains("query_start_charge           bad signature             pass    4001"))
        #expect(captured.out.contains("query_start_charge           unknown or expired token  pass    4002"))
        #expect(captured.out.contains("query_start_charge           replayed message          pass    4003"))
        #expect(captured.out.contains("query_start_charge           StartChargeSeq too long   pass    4004"))

        // Every exchange recorded: raw request, opened data (secrets redacted), answer, verdict.
        let lines = try String(contentsOfFile: record, encoding: .utf8).split(separator: "\n")
        #expect(lines.count >= 49)
        let first = try #require(lines.first)
        #expect(first.contains(#""path":"/query_token""#))
        #expect(first.contains(#""opened":{"data":{"OperatorID":"MA5DA0053","OperatorSecret":"<redacted>"}}"#))
        #expect(first.contains(#""verdict":{"data":{"SuccStat":0,"AccessToken":"<redacted>","TokenAvailableTime":7200},"code":"0","message":"请求成功","success":true}"#))
        #expect(!lines.contains { $0.contains("1234567890abcdef") })
    }

    @Test func conformReportsEachFaultOfAFaultyPartnerByName() async throws {
        let server = try await serve([
            "evcs", "--role", "chargingOperator", "--partner", Self.partner, "--fault", "no-token-check", "--fault", "no-replay-check",
        ])
        defer { server.task.cancel() }
        let junit = Self.folder.appendingPathComponent("junit.xml").path
        let (status, captured) = await run([
            "conform", "evcs", "--role", "chargingOperator", "--url", server.url, "--partner", Self.partner, "--format", "json", "--junit", junit,
        ])
        #expect(status == 1)
        #expect(captured.out.contains(#"{"interface":"query_start_charge","check":"unknown or expired token","passed":false,"detail":"accepted; expected a refusal with 4002"}"#))
        #expect(captured.out.contains(#"{"interface":"query_start_charge","check":"replayed message","passed":false,"detail":"accepted; expected a refusal with 4003"}"#))
        #expect(captured.out.contains(#"{"interface":"query_start_charge","check":"bad signature","passed":true,"detail":"4001"}"#))
        #expect(captured.out.hasSuffix(#""passed":32,"failed":17}"# + "\n"), "\(captured.out.suffix(40))")
        let report = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(report.contains(#"<testsuite name="EVCS chargingOperator" tests="49" failures="17">"#))
        #expect(report.contains(#"<testcase classname="query_token" name="replayed message">"#))
    }

    @Test func callFetchesATokenSealsSendsOpensAndValidates() async throws {
        let server = try await serve(["evcs", "--role", "chargingOperator", "--partner", Self.partner])
        defer { server.task.cancel() }
        let request = Self.file("start.json", #"{"StartChargeSeq":"MA5DA0053000000000000000001","ConnectorID":"3702120244102_1","QRCode":"hlht://3702120244102_1"}"#)
        let (status, captured) = await run(["call", "evcs", "query_start_charge", "--url", server.url, "--partner", Self.partner, request])
        #expect(status == 0, "\(captured.err)")
        #expect(captured.out == #"{"StartChargeSeq":"AAAAAAAAAAAAAAAAAAAAAAAAAAA","StartChargeSeqStat":1,"ConnectorID":"AAAA","SuccStat":0,"FailReason":0}"# + "\n")

        let tooLong = Self.file("long.json", #"{"StartChargeSeq":"MA5DA00530000000000000000012","ConnectorID":"1"}"#)
        let refused = await run(["call", "evcs", "query_start_charge", "--url", server.url, "--partner", Self.partner, tooLong])
        #expect(refused.status == 1)
        #expect(refused.captured.err.hasPrefix("\(tooLong): error: "), "checked before sending: \(refused.captured.err)")
    }

    @Test func faultsAnswerWithACodeLateOrRefuseTheToken() async throws {
        let server = try await serve(["evcs", "--role", "chargingOperator", "--partner", Self.partner, "--fault", "code=500,every=3", "--fault", "delay=300"])
        defer { server.task.cancel() }
        let request = Self.file("station.json", #"{"StationID":"1","StartTime":"2024-05-01","EndTime":"2024-05-02"}"#)
        let started = ContinuousClock.now
        let first = await run(["call", "evcs", "query_station_stats", "--url", server.url, "--partner", Self.partner, request])
        #expect(ContinuousClock.now - started >= .milliseconds(300), "delay=300 holds the answer")
        let second = await run(["call", "evcs", "query_station_stats", "--url", server.url, "--partner", Self.partner, request])
        // Each run fetches its token first (query_token is a call too): the second run's token
        // fetch is the third call, answered 500.
        #expect(first.status == 0, "\(first.captured.err)")
        #expect(second.status == 1)
        #expect(second.captured.err.contains("500"), "\(second.captured.err)")

        let expiring = try await serve(["evcs", "--role", "chargingOperator", "--partner", Self.partner, "--fault", "token-expiry"])
        defer { expiring.task.cancel() }
        let expired = await run(["call", "evcs", "query_station_stats", "--url", expiring.url, "--partner", Self.partner, request])
        #expect(expired.status == 1)
        #expect(expired.captured.err == "\(request): error: the partner refused the token (code 4002)\n")
    }

    @Test func aDroppedConnectionIsNoAnswerAndNotResent() async throws {
        let record = Self.folder.appendingPathComponent("dropped.jsonl").path
        let server = try await serve(["evcs", "--role", "chargingOperator", "--partner", Self.partner, "--fault", "drop,every=2", "--record", record])
        defer { server.task.cancel() }
        let request = Self.file("start2.json", #"{"StartChargeSeq":"MA5DA0053000000000000000001","ConnectorID":"3702120244102_1","QRCode":"hlht://1"}"#)
        // query_token is the first call, query_start_charge the second: its connection drops.
        let (status, captured) = await run(["call", "evcs", "query_start_charge", "--url", server.url, "--partner", Self.partner, request])
        #expect(status == 2)
        #expect(captured.err == "\(request): error: no answer from \(server.url): transfer closed with 64 bytes remaining to read; not resent\n")
        let lines = try String(contentsOfFile: record, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1, "the dropped call never reached the dispatcher, so only query_token is recorded")
    }

    @Test func theUsersOwnAnswersReplaceTheSamples() async throws {
        let answers = Self.folder.appendingPathComponent("answers").path
        try FileManager.default.createDirectory(atPath: answers, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: answers + "/query_station_stats.json", contents: Data(#"{"StationStats":{"StationID":"S1","StartTime":"2024-05-01","EndTime":"2024-05-02","StationElectricity":12.5}}"#.utf8))
        let server = try await serve(["evcs", "--role", "chargingOperator", "--partner", Self.partner, "--answers", answers])
        defer { server.task.cancel() }
        let request = Self.file("station2.json", #"{"StationID":"S1","StartTime":"2024-05-01","EndTime":"2024-05-02"}"#)
        let (status, captured) = await run(["call", "evcs", "query_station_stats", "--url", server.url, "--partner", Self.partner, request])
        #expect(captured.out == #"{"StationStats":{"StationID":"S1","StartTime":"2024-05-01","EndTime":"2024-05-02","StationElectricity":12.5}}"# + "\n")
        #expect(status == 1, "the answer lacks 表B.19's EquipmentStatsInfos, and call says so")
        #expect(captured.err.hasPrefix("answer: $.StationStats.EquipmentStatsInfos: error: required: "), "\(captured.err)")
    }

    @Test func anInvalidAnswerFaultIsCaughtByTheClient() async throws {
        let server = try await serve(["evcs", "--role", "chargingOperator", "--partner", Self.partner, "--fault", "invalid-answer,every=2"])
        defer { server.task.cancel() }
        // query_token is the first call (answered whole), query_station_stats the second.
        let request = Self.file("station3.json", #"{"StationID":"1","StartTime":"2024-05-01","EndTime":"2024-05-02"}"#)
        let (status, captured) = await run(["call", "evcs", "query_station_stats", "--url", server.url, "--partner", Self.partner, request])
        #expect(status == 1)
        #expect(captured.out == "{}\n")
        #expect(captured.err.hasPrefix("answer: $.StationStats: error: required: "), "\(captured.err)")
    }

    /// Every role of every protocol: the mock passes the suite. Roles that hand out no tokens
    /// (DB4403 third parties, EVCS data consumers) use the token agreed out of band.
    @Test(arguments: [
        ("db4403", "cityPlatform", 199), ("db4403", "thirdParty", 89), ("evcs", "chargingOperator", 49), ("evcs", "dataConsumer", 37),
        ("youxing", "youxing", 1), ("tomda", "tomda", 30), ("tomda", "thirdParty", 18), ("yinli", "yinli", 1),
    ])
    func everyRoleOfEveryProtocolConforms(_ name: String, _ role: String, _ count: Int) async throws {
        let partner = Self.file("partner-\(name)-\(role).json", """
            {"secrets": {"key": "1234567890abcdef", "operator-id": "MA5DA0053", "data-secret": "1234567890abcdef", "sig-secret": "1234567890abcdef"}
            \(["thirdParty", "dataConsumer"].contains(role) && name != "tomda" ? #", "token": "agreed-token""# : "")}
            """)
        let server = try await serve([name, "--role", role, "--partner", partner])
        defer { server.task.cancel() }
        let (status, captured) = await run(["conform", name, "--role", role, "--url", server.url, "--partner", partner])
        #expect(status == 0, "\(captured.out)")
        #expect(captured.out.hasSuffix("\(count) checks: \(count) passed, 0 failed\n"))
    }

    @Test func withoutTheAgreedTokenConformSaysWhatIsMissing() async throws {
        let server = try await serve(["db4403", "--role", "thirdParty"])
        defer { server.task.cancel() }
        let (status, captured) = await run(["conform", "db4403", "--role", "thirdParty", "--url", server.url])
        #expect(status == 1)
        #expect(captured.out.hasPrefix("interface  check  result  detail\n-          token  FAIL    thirdParty hands out no tokens: give the token agreed with the partner as the partner file's \"token\"\n"))
    }

    @Test func aDB4403MockTakesTCPLoginsFromItsAccounts() async throws {
        let accounts = Self.file("accounts.json", #"{"park-0001": {"password": "s3cret", "key": "12345678"}}"#)
        let server = try await serve(["db4403", "--role", "cityPlatform", "--tcp-port", "0", "--accounts", accounts])
        defer { server.task.cancel() }
        let line = try #require(server.captured.out.split(separator: "\n").first { $0.hasPrefix("DB4403 TCP logins on 127.0.0.1:") })
        let port = try #require(Int(line.split(separator: ":").last ?? ""))
        for (password, expected) in [("s3cret", DB4403TCPClient.Event.loggedIn), ("guess", .closed(.loginRejected("用户名或密码错误")))] {
            let client = try DB4403TCPClient(host: "127.0.0.1", port: port, userId: "park-0001", password: password, key: "12345678")
            let running = Task { await client.run() }
            var events = client.events.makeAsyncIterator()
            #expect(await events.next() == expected)
            running.cancel()
        }
    }

    @Test func usageErrorsSayWhatIsWrong() async {
        let cases: [([String], String)] = [
            (["serve", "evcs", "--role", "chargingOperator", "--fault", "explode"], "interchange-sim serve: --fault explode: known faults are delay=MS, code=N, token-expiry, no-token-check, no-replay-check, invalid-answer, drop\n"),
            (["serve", "evcs", "--role", "nobody"], "interchange-sim serve: EVCS has no role 'nobody'; its roles: chargingOperator, dataConsumer\n"),
            (["conform", "evcs", "--role", "chargingOperator", "--url", "ftp://x"], "interchange-sim conform: --url must be an http(s) URL (the partner's base)\n"),
            (["call", "smtp", "x"], "interchange-sim call: unknown protocol 'smtp'; known: db4403, evcs, youxing, tomda, yinli\n"),
            (["serve", "evcs", "--role", "chargingOperator", "--tcp-port", "9000"], "interchange-sim serve: --tcp-port is for DB4403 (6.1.3)\n"),
        ]
        for (arguments, message) in cases {
            let (status, captured) = await run(arguments)
            #expect(status == 2, "\(arguments)")
            #expect(captured.err == message)
        }
    }
}
