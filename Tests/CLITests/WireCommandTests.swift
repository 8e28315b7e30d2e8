import Foundation
import Testing

/// `sign`, `verify`, `encrypt`, `decrypt`, `frame`, `unframe` as a user runs them.
@Suite struct WireCommandTests {
    static let d1 = #"{ "userId": "cadre01", "password": "205af3fa28810be321ef49d0993fee24", "callbackServer": "http://www.cncadre.com/" }"#
    static let evcsSecrets = ["INTERCHANGE_EVCS_DATA_SECRET": "1234567890abcdef", "INTERCHANGE_EVCS_SIG_SECRET": "1234567890abcdef"]

    @Test func signsTheD1Vector() throws {
        let run = try interchange(["sign", "db4403"], stdin: Self.d1)
        #expect(run.status == 0)
        #expect(run.stdout == "59f5688227e06ae8059cba5286a700c95103353b\n")
    }

    @Test func signedEnvelopesVerifyAndTamperedOnesDoNot() throws {
        let envelope = try interchange(["sign", "db4403", "--envelope", "--timestamp", "100", "-"], stdin: Self.d1)
        #expect(envelope.stdout == #"{"timestamp":100,"sign":"59f5688227e06ae8059cba5286a700c95103353b","data":[{"userId":"cadre01","password":"205af3fa28810be321ef49d0993fee24","callbackServer":"http://www.cncadre.com/"}]}"# + "\n")
        #expect(try interchange(["verify", "db4403"], stdin: envelope.stdout).status == 0)
        let tampered = try interchange(["verify", "db4403"], stdin: envelope.stdout.replacingOccurrences(of: "cadre01", with: "cadre02"))
        #expect(tampered.status == 1)
        #expect(tampered.stderr == "<stdin>: error: badSignature: sign does not match the data\n")
    }

    @Test func evcsSealsWithSecretsFromTheEnvironmentAndNeverPrintsThem() throws {
        let sealed = try interchange(
            ["sign", "evcs", "--operator-id", "123456789", "--timestamp", "20160729142400", "--seq", "0001"],
            stdin: #"{"total":1}"#, environment: Self.evcsSecrets)
        #expect(sealed.status == 0)
        #expect(!sealed.stdout.contains("1234567890abcdef"))
        #expect(try interchange(["verify", "evcs"], stdin: sealed.stdout, environment: Self.evcsSecrets).stdout
            == "ok: OperatorID 123456789, TimeStamp 20160729142400, Seq 0001\n")
        let wrongSecret = try interchange(["verify", "evcs", "--sig-secret", "0000000000000000"], stdin: sealed.stdout, environment: Self.evcsSecrets)
        #expect(wrongSecret.status == 1)
        #expect(!wrongSecret.stderr.contains("0000000000000000"))
        let missing = try interchange(["sign", "evcs", "--operator-id", "123456789"], stdin: "{}")
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("interchange sign: give --data-secret or set INTERCHANGE_EVCS_DATA_SECRET"))
        let anonymous = try interchange(["sign", "evcs"], stdin: "{}", environment: Self.evcsSecrets)
        #expect(anonymous.status == 2)
        #expect(anonymous.stderr.hasPrefix("interchange sign: sign evcs needs --operator-id"))
        // The plaintext is sealed as written: its line break survives the round trip.
        let verbatim = try interchange(
            ["sign", "evcs", "--operator-id", "123456789"], stdin: "{\"total\":1}\n", environment: Self.evcsSecrets)
        #expect(try interchange(["open", "evcs", "--raw"], stdin: verbatim.stdout, environment: Self.evcsSecrets).stdout == "{\"total\":1}\n")
    }

    @Test func desAndAESRoundTrip() throws {
        #expect(try interchange(["encrypt", "des", "--key", "12345678"], stdin: "123456").stdout == "HUX+7VtHgb0=\n")
        #expect(try interchange(["decrypt", "des"], stdin: "HUX+7VtHgb0=", environment: ["INTERCHANGE_KEY": "12345678"]).stdout == "123456")
        let sealed = try interchange(["encrypt", "aes", "--key", "1234567890abcdef"], stdin: "山东").stdout
        #expect(try interchange(["decrypt", "aes", "--key", "1234567890abcdef"], stdin: sealed).stdout == "山东")
        let wrongKey = try interchange(["decrypt", "des", "--key", "87654321"], stdin: "HUX+7VtHgb0=")
        #expect(wrongKey.status == 1)
        #expect(wrongKey.stderr == "<stdin>: error: DES-CBC decryption failed: bad padding (wrong key or IV, or damaged ciphertext)\n")
        let shortKey = try interchange(["encrypt", "aes", "--key", "short"], stdin: "x")
        #expect(shortKey.status == 2)
        #expect(!shortKey.stderr.contains("short"))
        #expect(try interchange(["decrypt", "aes", "--key", "1234567890abcdef"], stdin: "not*base64").status == 1)
    }

    @Test func framesRoundTripAndDamageIsReported() throws {
        let hex = try interchange(["frame", "--command", "1006", "--packet", "7", "--hex"], stdin: #"{"a":1}"#).stdout
        let header = "535a5443010000000007000000070003ee7b2261223a317d"
        #expect(hex.hasPrefix(header))
        let decoded = try interchange(["unframe", "--hex"], stdin: hex)
        #expect(decoded.stdout == #"{"version":"1.0","packetNo":7,"direction":"request","command":1006,"data":"{\"a\":1}"}"# + "\n")
        var damaged = Array(hex.trimmingCharacters(in: .whitespacesAndNewlines))
        damaged[40] = damaged[40] == "0" ? "1" : "0"
        let bad = try interchange(["unframe", "--hex"], stdin: String(damaged))
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("<stdin>: error: frame at byte 0: CRC mismatch"))
        #expect(try interchange(["frame", "--packet", "1"], stdin: "{}").status == 2)
    }
}

/// `--data-iv` (or INTERCHANGE_EVCS_DATA_IV) is the IV, not the data secret.
@Suite struct DistinctIVTests {
    let secrets = ["--operator-id", "MA5DA0053", "--data-secret", "1234567890abcdef", "--sig-secret", "1234567890abcdef"]

    @Test func aDistinctIVSealsAndOnlyItOpens() throws {
        let sealed = try interchange(["sign", "evcs", "--data-iv", "abcdef1234567890", "--timestamp", "20240501080000", "--seq", "0001"] + secrets, stdin: #"{"StartChargeSeq":"MA5DA0053000000000000000001"}"#)
        #expect(sealed.status == 0)
        let withIV = try interchange(["verify", "evcs", "--data-iv", "abcdef1234567890"] + secrets.dropFirst(2), stdin: sealed.stdout)
        #expect(withIV.status == 0)
        #expect(withIV.stdout == "ok: OperatorID MA5DA0053, TimeStamp 20240501080000, Seq 0001\n")
        let withoutIV = try interchange(["verify", "evcs"] + secrets.dropFirst(2), stdin: sealed.stdout)
        #expect(withoutIV.status == 1)
        #expect(withoutIV.stderr == "<stdin>: error: undecryptable: Data does not decrypt to JSON (wrong data secret or IV?)\n")
        let fromEnvironment = try interchange(["verify", "evcs"] + secrets.dropFirst(2), stdin: sealed.stdout, environment: ["INTERCHANGE_EVCS_DATA_IV": "abcdef1234567890"])
        #expect(fromEnvironment.status == 0)
    }
}
