import Foundation
import Testing

/// `interchange diff`: every class of change, with exact expected reports, on a made-up
/// 2016 → 2021 revision and on the real one from Annex B's EVCS to the T/CEC 102—2016 set.
/// `INTERCHANGE_RECORD=1 swift test --filter DiffCommandTests` rewrites the expected files.
@Suite struct DiffCommandTests {
    static let revisions = "Tests/Fixtures/Revisions"

    /// `actual` against the expected file `name` (rewritten when recording).
    func expectMatches(_ actual: String, _ name: String) throws {
        let url = repositoryRoot.appendingPathComponent(Self.revisions).appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["INTERCHANGE_RECORD"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(actual == (try String(contentsOf: url, encoding: .utf8)), "\(name): rerun with INTERCHANGE_RECORD=1 if the change is intended")
    }

    @Test func everyClassOfChangeIsReportedWithBothPlaces() throws {
        let run = try interchange(["diff", "\(Self.revisions)/Charging2016", "\(Self.revisions)/Charging2021"])
        #expect(run.status == 1)
        #expect(run.stderr.isEmpty)
        try expectMatches(run.stdout, "charging-2016-to-2021.txt")
        for level in ["wire-breaking", "source-breaking", "additive", "editorial"] {
            #expect(run.stdout.contains(": \(level): "), "\(level)")
        }
    }

    @Test func markdownIsAChangelog() throws {
        let run = try interchange(["diff", "\(Self.revisions)/Charging2016", "\(Self.revisions)/Charging2021", "--format", "markdown"])
        try expectMatches(run.stdout, "charging-2016-to-2021.md")
    }

    @Test func jsonIsForMachines() throws {
        let run = try interchange(["diff", "\(Self.revisions)/Charging2016", "\(Self.revisions)/Charging2021", "--format", "json", "--fail-on", "none"])
        #expect(run.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let summary = try #require(document["summary"] as? [String: Int])
        #expect(summary == ["wire-breaking": 10, "source-breaking": 5, "additive": 7, "editorial": 5])
        let first = try #require((document["changes"] as? [[String: Any]])?.first)
        #expect(first["level"] as? String == "wire-breaking")
        #expect(first["element"] as? String == "setting signature")
        #expect((first["old"] as? [String: Any])?["file"] as? String == "\(Self.revisions)/Charging2016/Charging/protocol.yaml")
    }

    @Test func failOnPicksTheLevelThatFails() throws {
        let old = "\(Self.revisions)/EVCS-AnnexB"
        let new = "\(Self.revisions)/EVCS-TCEC102"
        #expect(try interchange(["diff", old, new]).status == 0, "additions only")
        #expect(try interchange(["diff", old, new, "--fail-on", "none"]).status == 0)
        #expect(try interchange(["diff", "\(Self.revisions)/Charging2016", "\(Self.revisions)/Charging2021", "--fail-on", "source"]).status == 1)
        #expect(try interchange(["diff", old, new, "--fail-on", "everything"]).status == 2)
    }

    /// The real revision: DB4403 Annex B's EVCS interfaces, then the seven T/CEC 102—2016
    /// interfaces it leaves out with their tables and code lists: additions only.
    @Test func annexBToTheFullTCEC102SetOnlyAdds() throws {
        let run = try interchange(["diff", "\(Self.revisions)/EVCS-AnnexB", "\(Self.revisions)/EVCS-TCEC102", "--protocol", "EVCS"])
        #expect(run.status == 0)
        try expectMatches(run.stdout, "evcs-annexB-to-tcec102.txt")
        #expect(run.stdout.hasSuffix("0 wire-breaking, 0 source-breaking, 24 additive, 0 editorial\n"))
    }

    /// Two git revisions of a spec folder, and a folder against a revision of itself.
    @Test func gitRevisionsAreCompared() throws {
        let repository = FileManager.default.temporaryDirectory.appendingPathComponent("interchange-diff-git-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: repository) }
        let specs = repository.appendingPathComponent("Specs")
        try FileManager.default.createDirectory(at: repository, withIntermediateDirectories: true)
        try git(["init", "-q"], in: repository)
        for edition in ["Charging2016", "Charging2021"] {
            try? FileManager.default.removeItem(at: specs)
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("\(Self.revisions)/\(edition)"), to: specs)
            try git(["add", "-A"], in: repository)
            try git(["-c", "user.name=Interchange", "-c", "user.email=tests@interchange.invalid", "commit", "-q", "-m", edition], in: repository)
        }
        let folders = try interchange(["diff", "\(Self.revisions)/Charging2016", "\(Self.revisions)/Charging2021"]).stdout
        let revisions = try interchange(["diff", "git:HEAD~1", "git:HEAD", "--specs", specs.path])
        #expect(revisions.status == 1)
        #expect(revisions.stdout.hasPrefix("HEAD:Specs/Charging/protocol.yaml:3:9: wire-breaking: Charging setting signature: changed from HMAC-MD5 to HMAC-SHA256 (old: HEAD~1:Specs/Charging/protocol.yaml:3:9)\n"))
        #expect(revisions.stdout.split(separator: "\n").count == folders.split(separator: "\n").count)
        let against = try interchange(["diff", specs.path, "--against", "git:HEAD~1"])
        #expect(against.stdout.hasPrefix("\(specs.path)/Charging/protocol.yaml:3:9: wire-breaking: Charging setting signature:"))
        #expect(against.stdout.hasSuffix(folders.split(separator: "\n").last.map { $0 + "\n" } ?? ""))
        let unknown = try interchange(["diff", specs.path, "--against", "git:no-such-ref"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("git archive failed"))
    }

    private func git(_ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + arguments
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " "))")
    }
}
