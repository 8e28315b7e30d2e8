import Foundation
import Testing

/// The CLI given what a hostile or careless user gives it: each gets a clear error, the
/// right exit status and bounded memory, never a crash.
@Suite struct HostileInputCommandTests {
    /// The audit's reproducer: an exponent near Int.min in a field with a scale trapped.
    @Test func anExponentNearIntMinIsAScaleError() throws {
        let run = try interchange(["validate", "db4403", "parkRecordInfo"], stdin: #"{"discount":5e-9223372036854775808}"#)
        #expect(run.status == 1)
        #expect(run.stdout.contains("<stdin>: $.discount: error: scale: 优惠汇总 expects at most 2 digits after the decimal point, got 5e-9223372036854775808 [表13]\n"))
    }

    /// Problems past 100 are counted, not listed: the output stays small.
    @Test func problemsAreCappedPerMessage() throws {
        let many = "[" + Array(repeating: "{}", count: 200).joined(separator: ",") + "]"
        let run = try interchange(["validate", "db4403", "1001"], stdin: many)
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 102)
        #expect(lines[100] == "<stdin>: error: and 300 more problems not listed (300 errors, 0 warnings; at most 100 are listed)")
    }

    /// Each line of a JSON Lines input is checked as it comes; an overlong line is one error.
    @Test func jsonLinesStreamAndAnOverlongLineIsReported() throws {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("small-\(UUID().uuidString).json")
        try Data(#"{"maxMessageBytes": 64}"#.utf8).write(to: profile)
        defer { try? FileManager.default.removeItem(at: profile) }
        let input = #"{"parkCode":"P1"}"# + "\n" + String(repeating: "x", count: 200) + "\n\n" + #"{"parkCode":"P2"}"# + "\n"
        let run = try interchange(["validate", "db4403", "parkInfo", "--lines", "--profile", profile.path], stdin: input)
        #expect(run.status == 1)
        #expect(run.stdout.contains("<stdin>:2: $: error: '<stdin>:2' is larger than 64 bytes, the most a message may have\n"))
        #expect(run.stdout.hasSuffix("3 records: 0 valid, 3 invalid (19 errors, 0 warnings)\n"))
    }

    @Test func processSubstitutionAndPipesAreRead() throws {
        let run = try interchangeProcess(["validate", "db4403", "parkInfo", "/dev/stdin"], stdin: "{}")
        #expect(run.status == 1)
        #expect(run.stdout.contains("/dev/stdin: $.parkCode: error: required: 停车场编号 is required [表3]"))
    }

    @Test func frameRefusesWhatUnframeWouldNotAccept() throws {
        let command = try interchange(["frame", "--command", "70000"], stdin: "{}")
        #expect(command.status == 2)
        #expect(command.stderr.hasPrefix("interchange frame: --command must be 0-65535, got '70000'"))
        let big = try interchange(["frame", "--command", "1"], stdin: String(repeating: " ", count: 10 * 1024 * 1024 + 1))
        #expect(big.status == 2)
        #expect(big.stderr.hasPrefix("interchange frame: '<stdin>' is larger than 10485760 bytes, the most a message may have"))
    }

    @Test func unframeAcceptsOnlyHexDigits() throws {
        let signed = try interchange(["unframe", "--hex"], stdin: "+5")
        #expect(signed.status == 1)
        #expect(signed.stderr == "<stdin>: error: not hexadecimal text: '+' at character 0\n")
        let odd = try interchange(["unframe", "--hex"], stdin: "535")
        #expect(odd.stderr == "<stdin>: error: an odd number of hexadecimal digits\n")
    }
}

/// The profile setting `acceptsUnencryptedData`, through `validate --envelope --profile`.
@Suite struct UnencryptedDataProfileTests {
    @Test func plainYouxingDataNeedsTheProfile() throws {
        let example = #"{  "data": {    "appkey": "asx76yhg3892sx",    "appsecret": "12sdr543fvg",    "time": 1456789091  }}"#
        let environment = ["INTERCHANGE_KEY": "1234567890abcdef"]
        let refused = try interchange(["validate", "youxing", "queryToken", "--envelope"], stdin: example, environment: environment)
        #expect(refused.stdout.hasPrefix("<stdin>: $: error: undecryptable: data is a plain JSON value and the profile does not accept unencrypted data\n"))
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("plain-\(UUID().uuidString).json")
        try Data(#"{"acceptsUnencryptedData": true}"#.utf8).write(to: profile)
        defer { try? FileManager.default.removeItem(at: profile) }
        let opened = try interchange(["validate", "youxing", "queryToken", "--envelope", "--profile", profile.path], stdin: example, environment: environment)
        // Opened: what remains is 1.2's own example contradicting its table (time as a number).
        #expect(opened.stdout.hasPrefix("<stdin>: $.time: error: type: 秒级时间戳 expects a string, got number 1456789091 [1.2]\n"))
    }
}

/// unframe refuses a frame of a version 表33 does not define (it once read 9.0 silently).
@Suite struct FrameVersionTests {
    @Test func version9IsRefused() throws {
        // The 1006 heartbeat frame of `frame --command 1006 --packet 7`, its version byte set to 9 and its CRC recomputed.
        let run = try interchange(["unframe", "--hex"], stdin: "535a5443090000000007000000080003ee7b2261223a317d0a" + crc("535a5443090000000007000000080003ee7b2261223a317d0a"))
        #expect(run.status == 1)
        #expect(run.stderr == "<stdin>: error: frame at byte 0: version 9.0: 表33 defines 1.x only\n")
    }

    private func crc(_ hex: String) throws -> String {
        try interchange(["crc16", "--hex"], stdin: hex).stdout.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
