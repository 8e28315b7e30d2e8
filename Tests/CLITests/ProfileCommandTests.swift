import Foundation
import InterchangeRuntime
import Testing

/// `interchange profile check`: what a profile does, and every setting it lists is one the
/// loader reads.
@Suite struct ProfileCommandTests {
    @Test func aProfileIsExplainedSettingBySetting() throws {
        let profile = #"{"payloadKeyCasing":"lowerCamel","toleratedRules":{"StartChargeSeq":["exactLength"]}}"#
        let run = try interchange(["profile", "check", "-"], stdin: profile)
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "<stdin>: a valid peer profile")
        #expect(lines.contains { $0.hasPrefix("* payloadKeyCasing ") && $0.contains("lowerCamel") })
        #expect(lines.contains { $0.hasPrefix("* toleratedRules ") && $0.contains("StartChargeSeq: exactLength") })
        #expect(lines.contains { $0.hasPrefix("  allowedClockSkewSeconds ") && $0.contains("300") })
        #expect(lines.count == 2 + PeerProfile().settingsExplained.count)
    }

    @Test func aBadSettingIsNamed() throws {
        let run = try interchange(["profile", "check"], stdin: #"{"signatureHexCase":"mixed"}"#)
        #expect(run.status == 1)
        #expect(run.stderr == "<stdin>: error: malformed: peer profile setting 'signatureHexCase' does not accept 'mixed'\n")
    }

    /// Every setting explained is read by the loader: a wrong type is reported for the
    /// setting, never as an unknown one.
    @Test func everyExplainedSettingIsLoadable() throws {
        for setting in PeerProfile().settingsExplained {
            do {
                _ = try PeerProfile(json: .object(JSONObject([JSONObject.Member(setting.name, [1])])))
                Issue.record("\(setting.name) took a list of numbers")
            } catch {
                #expect(!error.message.contains("unknown"), "\(setting.name): \(error.message)")
            }
        }
    }
}
