import Foundation
import Testing

/// `seal`, `open` and `crc16`: the onboarding steps of a partner, one command each.
@Suite struct SealCommandTests {
    let evcs = ["--data-secret", "1234567890abcdef", "--sig-secret", "1234567890abcdef"]

    /// DB4403/T 313—2023 附录B B.3.3/B.3.4 (T/CEC 102): the published request, reproduced from
    /// its plaintext, which is sealed byte for byte (it is not even valid JSON: a trailing comma).
    @Test func sealReproducesThePublishedRequestVector() throws {
        let run = try interchange(
            ["seal", "evcs", "--operator-id", "123456789", "--timestamp", "20160729142400", "--seq", "0001"] + evcs + ["Tests/Fixtures/EVCS/B33-plaintext.txt"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix(#"{"OperatorID":"123456789","Data":"il7B0BSEjFdzpyKzfOFpvg/Se1CP802RItKYFPfSLRxJ3jf0bVl9hvYOEktPAYW2nd7S8MBcyHYyacHKbISq5iTmDzG+ivnR+SZJv3USNTYVMz9rCQVSxd0cLlqsJauko79NnwQJbzDTyLooYoIwz75qBOH2/xOMirpeEqRJrF/EQjWekJmGk9RtboXePu2rka+Xm51syBPhiXJAq0GfbfaFu9tNqs/e2Vjja/ltE1M0lqvxfXQ6da6HrThsm5id4ClZFIi0acRfrsPLRixS/IQYtksxghvJwbqOsbIsITail9Ayy4tKcogeEZiOO+4Ed264NSKmk7l3wKwJLAFjCFogBx8GE3OBz4pqcAn/ydA=","TimeStamp":"20160729142400","Seq":"0001","Sig":"745166E8C43C84D37FFEC0F529C4136F"}"#))
        let opened = try interchange(["open", "evcs"] + evcs, stdin: run.stdout)
        #expect(opened.status == 1)
        #expect(opened.stderr.hasPrefix("<stdin>: error: malformed: the decrypted Data is not JSON: 1:267"))
    }

    @Test func aRequestNeedsItsOperatorID() throws {
        let run = try interchange(["seal", "evcs"] + evcs, stdin: "{}")
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("interchange seal: 'OperatorID' is required to seal this message"))
    }

    /// The plaintext as written (spaces, key order) goes in and comes out.
    @Test func sealAndOpenEveryDirection() throws {
        let text = #"{ "StartChargeSeq": "MA5DA0053000000000000000001",  "ConnectorID": "1" }"#
        let request = try interchange(["seal", "evcs", "--operator-id", "MA5DA0053"] + evcs, stdin: text)
        let opened = try interchange(["open", "evcs"] + evcs, stdin: request.stdout)
        #expect(opened.status == 0)
        #expect(opened.stdout == text + "\n")
        #expect(try interchange(["open", "evcs", "--raw"] + evcs, stdin: request.stdout).stdout == text)

        let answer = try interchange(["seal", "evcs", "--response", "--code", "4002", "--message", "Token 错误"] + evcs, stdin: "")
        let openedAnswer = try interchange(["open", "evcs", "--response"] + evcs, stdin: answer.stdout)
        #expect(openedAnswer.status == 0)
        #expect(openedAnswer.stderr == "error answer: code 4002 (Token 错误)\n")

        let youxing = try interchange(["seal", "youxing", "--token", "T0KEN", "--key", "1234567890abcdef"], stdin: #"{"stubId":"1"}"#)
        #expect(youxing.stdout.contains(#""token":"T0KEN""#))
        #expect(try interchange(["open", "youxing", "--key", "1234567890abcdef"], stdin: youxing.stdout).stdout == #"{"stubId":"1"}"# + "\n")

        let db4403 = try interchange(["seal", "db4403", "--timestamp", "1700000000"], stdin: #"{"userId":"cadre01"}"#)
        #expect(db4403.stdout == #"{"timestamp":1700000000,"sign":"\#(try sha1Hex(#"{"userId":"cadre01"}"#))","data":[{"userId":"cadre01"}]}"# + "\n")
        #expect(try interchange(["open", "db4403"], stdin: db4403.stdout).stdout == #"[{"userId":"cadre01"}]"# + "\n")

        let push = try interchange(["seal", "tomda", "--type", "WORK_DATA", "--member", "time=2024-05-01 08:00:00"], stdin: #"{"a":1}"#)
        #expect(push.stdout == #"{"type":"WORK_DATA","time":"2024-05-01 08:00:00","content":{"a":1}}"# + "\n")
        #expect(try interchange(["seal", "tomda"], stdin: "{}").status == 2)
    }

    @Test func crc16OfBytesOrHex() throws {
        #expect(try interchange(["crc16"], stdin: "123456789").stdout == "31C3\n")
        #expect(try interchange(["crc16", "--hex"], stdin: "31 32 33 34 35 36 37 38 39\n").stdout == "31C3\n")
        let odd = try interchange(["crc16", "--hex"], stdin: "313")
        #expect(odd.status == 1)
        #expect(odd.stderr == "<stdin>: error: not an even number of hexadecimal digits\n")
    }

    private func sha1Hex(_ text: String) throws -> String {
        try interchange(["sign", "db4403"], stdin: text).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// `verify evcs --response` checks an answer's Sig over Ret, Msg and Data as received.
@Suite struct VerifyResponseTests {
    let evcs = ["--data-secret", "1234567890abcdef", "--sig-secret", "1234567890abcdef"]

    @Test func anAnswerIsVerified() throws {
        let answer = try interchange(["seal", "evcs", "--response", "--code", "0", "--message", "请求成功"] + evcs, stdin: #"{"SuccStat":0}"#)
        let ok = try interchange(["verify", "evcs", "--response"] + evcs, stdin: answer.stdout)
        #expect(ok.status == 0)
        #expect(ok.stdout == "ok: Ret 0, Msg 请求成功, 14 bytes of Data\n")
        let forged = try interchange(["verify", "evcs", "--response"] + evcs, stdin: answer.stdout.replacingOccurrences(of: #""Ret":0"#, with: #""Ret":1"#))
        #expect(forged.status == 1)
        #expect(forged.stderr == "<stdin>: error: badSignature: Sig does not match Ret+Msg+Data\n")
        #expect(try interchange(["verify", "db4403", "--response"], stdin: "{}").status == 2)
    }
}
