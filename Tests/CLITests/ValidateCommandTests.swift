import EVCSWire
import Foundation
import InterchangeRuntime
import Testing

@Suite struct ValidateCommandTests {
    @Test func reportsEveryProblemLikeACompilerWithASummary() throws {
        let run = try interchange(["validate", "db4403", "parkInfo", "Tests/Fixtures/DB4403/D10-parkInfo.json", "Tests/Fixtures/DB4403/parkInfo-valid.json"])
        #expect(run.status == 1)
        #expect(run.stdout == """
            Tests/Fixtures/DB4403/D10-parkInfo.json: $.chargingStandard.permitNo: error: maxLength: 停车许可证号 expects at most 6 characters, got 10 [表4]
            Tests/Fixtures/DB4403/D10-parkInfo.json: $.districtCode: error: maxLength: 行政区代码 expects at most 9 characters, got 12 [表3]
            Tests/Fixtures/DB4403/D10-parkInfo.json: $.operatorId: error: maxLength: 停车场运营方编号 expects at most 10 characters, got 32 [表3]
            Tests/Fixtures/DB4403/D10-parkInfo.json: $.Owner: warning: unknownField: 'Owner' is not a field of parkInfo (停车场信息) [表3]
            Tests/Fixtures/DB4403/D10-parkInfo.json: $.owner: error: required: 停车场产权方 is required [表3]
            2 records: 1 valid, 1 invalid (4 errors, 1 warning)

            """)
    }

    @Test func interfacesByCodeDocumentNameOrSpecName() throws {
        for name in ["5004", "reportVehicleEntry"] {
            #expect(try interchange(["validate", "db4403", name, "Tests/Fixtures/DB4403/parkRecordInfo-valid.json"]).status == 0)
        }
        let evcs = try interchange(["validate", "evcs", "notification_charge_order_info", "Tests/Fixtures/EVCS/notification-charge-order-info.json"])
        #expect(evcs.stdout == "1 record: 1 valid, 0 invalid (0 errors, 0 warnings)\n")
        #expect(try interchange(["validate", "tomda", "WORK_DATA", "--envelope", "Tests/Fixtures/Partners/tomda-work-data.json"]).status == 0)
    }

    @Test func strictMakesUnknownMembersErrors() throws {
        let lenient = try interchange(["validate", "db4403", "5004", "Tests/Fixtures/DB4403/D19-parkRecordInfo.json"])
        let strict = try interchange(["validate", "db4403", "5004", "--strict", "Tests/Fixtures/DB4403/D19-parkRecordInfo.json"])
        #expect(lenient.stdout.contains("warning: unknownField: 'isSharedParking'"))
        #expect(strict.stdout.contains("error: unknownField: 'isSharedParking'"))
    }

    @Test func envelopesAreCheckedOverTheTextReceived() throws {
        let signed = try interchange(["sign", "db4403", "--envelope", "--timestamp", "1"], stdin: try String(contentsOfFile: repositoryRoot.appendingPathComponent("Tests/Fixtures/DB4403/parkRecordInfo-valid.json").path, encoding: .utf8)).stdout
        #expect(try interchange(["validate", "db4403", "5004", "--envelope"], stdin: signed).status == 0)
        let tampered = try interchange(["validate", "db4403", "5004", "--envelope"], stdin: signed.replacingOccurrences(of: "20.00", with: "21.00"))
        #expect(tampered.status == 1)
        #expect(tampered.stdout == "<stdin>: $: error: badSignature: sign does not match the data\n1 record: 0 valid, 1 invalid (1 error, 0 warnings)\n")
    }

    @Test func jsonLinesGiveOneResultPerRecordAndAStableJSONDocument() throws {
        let input = #"{"id":"ff8080814d9be81f014d9beb81090003","couponType":0,"couponValue":0}"# + "\n\n" + #"{"id":"x","couponType":9,"couponValue":0}"# + "\n"
        let run = try interchange(["validate", "db4403", "discountRecord", "--lines", "--format", "json"], stdin: input)
        #expect(run.status == 1)
        #expect(run.stdout == #"{"records":[{"record":"<stdin>:1","valid":true,"diagnostics":[]},{"record":"<stdin>:3","valid":false,"diagnostics":[{"severity":"error","message":"ID expects 32 hexadecimal digits, got 'x'","path":"$.id","rule":"format","expected":"32 hexadecimal digits","actual":"'x'","source":"表16","label":"ID"},{"severity":"error","message":"优惠类型 expects one of 0 (无优惠), 1 (减免金额), 2 (减免时间), 3 (打折), 4 (全免), got 9","path":"$.couponType","rule":"enumeration","expected":"one of 0 (无优惠), 1 (减免金额), 2 (减免时间), 3 (打折), 4 (全免)","actual":"9","source":"表16","label":"优惠类型"}]}],"summary":{"records":2,"valid":1,"invalid":1,"errors":2,"warnings":0}}"# + "\n")
    }

    @Test func malformedInputAndUsageErrors() throws {
        let malformed = try interchange(["validate", "db4403", "5004"], stdin: #"{"id": "#)
        #expect(malformed.status == 1)
        #expect(malformed.stdout.hasPrefix("<stdin>: $: error: malformed JSON: 1:8 (byte 7): input ends early"))
        #expect(try interchange(["validate", "db4403", "nosuch"], stdin: "{}").status == 2)
        #expect(try interchange(["validate", "db4403", "1005"], stdin: "{}").status == 2)
        #expect(try interchange(["validate", "db4403", "5004", "/nonexistent.json"]).status == 2)
        let unreadable = try interchange(["validate", "db4403", "parkInfo", "--format", "json", "Tests/Fixtures/DB4403/parkInfo-valid.json", "/nonexistent.json"])
        #expect(unreadable.status == 2)
        #expect(unreadable.stdout.isEmpty)
    }

    @Test func listShowsInterfaces() throws {
        let run = try interchange(["list", "evcs"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("EVCS: 15 interfaces\n"))
        #expect(run.stdout.contains("query_start_charge") && run.stdout.contains("POST /query_start_charge"))
        #expect(try interchange(["list", "nosuch"]).status == 1)
    }
}

/// `validate --specs DIR` checks against a spec folder as it is now, without a rebuild.
@Suite struct ValidateAgainstSpecsTests {
    /// A copy of Specs/ with EVCS 表B.12 QRCode limited to 10 characters; removed by the caller.
    func editedSpecs() throws -> URL {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("interchange-specs-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Specs"), to: copy)
        let messages = copy.appendingPathComponent("EVCS/messages.yaml")
        let text = try String(contentsOf: messages, encoding: .utf8)
        let edited = text.replacingOccurrences(
            of: #"QRCode: {label: "二维码其他信息", type: String, required: true,"#,
            with: #"QRCode: {label: "二维码其他信息", type: String, maxLength: 10, required: true,"#)
        #expect(edited != text)
        try edited.write(to: messages, atomically: true, encoding: .utf8)
        return copy
    }

    @Test func anEditedLengthTakesEffectAtOnce() throws {
        let copy = try editedSpecs()
        defer { try? FileManager.default.removeItem(at: copy) }
        let payload = #"{"StartChargeSeq":"MA5DA0053000000000000000001","ConnectorID":"3702120244102_1","QRCode":"hlht://3702120244102_1"}"#
        #expect(try interchange(["validate", "evcs", "query_start_charge"], stdin: payload).status == 0)
        let run = try interchange(["validate", "--specs", copy.path, "evcs", "query_start_charge"], stdin: payload)
        #expect(run.status == 1)
        #expect(run.stdout == "<stdin>: $.QRCode: error: maxLength: 二维码其他信息 expects at most 10 characters, got 22 [表B.12]\n1 record: 0 valid, 1 invalid (1 error, 0 warnings)\n")
    }

    /// describe, list and export read the edited folder too, with no rebuild.
    @Test func describeListAndExportReadTheEditedSpecs() throws {
        let copy = try editedSpecs()
        defer { try? FileManager.default.removeItem(at: copy) }
        let row = "QRCode          二维码其他信息"
        let bundled = try interchange(["describe", "evcs", "QueryStartChargeRequest"]).stdout
        let edited = try interchange(["describe", "--specs", copy.path, "evcs", "QueryStartChargeRequest"]).stdout
        #expect(bundled.contains(row) && edited.contains(row))
        #expect(bundled != edited)
        #expect(edited.contains("10"))
        let schema = try interchange(["export", "openapi", "--specs", copy.path, "evcs"])
        #expect(schema.status == 0)
        #expect(schema.stdout.contains(#""x-source":"表B.12","type":"string","maxLength":10}"#))
        #expect(schema.stdout.contains(#""Sig":{"type":"string"}"#), "the registered EVCS envelope wraps the edited tables")
        #expect(try interchange(["list", "--specs", copy.path, "evcs"]).stdout == interchange(["list", "evcs"]).stdout)
        #expect(try interchange(["list", "--specs", copy.path]).status == 2)
    }

    @Test func brokenSpecsAreReportedAndNothingIsValidated() throws {
        let run = try interchange(["validate", "--specs", "Tests/Fixtures/BrokenSpecs", "demo", "parkInfo"], stdin: "{}")
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("Tests/Fixtures/BrokenSpecs/Demo/entities.yaml:7:38: error: unknown type 'Strng' (did you mean 'String'?)"))
        #expect(run.stdout.isEmpty)
    }
}

/// `validate --response --envelope` reads an answer's status: an error answer is reported as
/// such (and is valid), a success answer's data is validated.
@Suite struct ResponseEnvelopeTests {
    let secrets = ["--data-secret", "1234567890abcdef", "--sig-secret", "1234567890abcdef"]

    func sealed(ret: Int, msg: String, data: String) throws -> String {
        let envelope = EVCSEnvelope(secrets: EVCSSecrets(operatorID: "", dataSecret: "1234567890abcdef", dataSecretIV: "1234567890abcdef", sigSecret: "1234567890abcdef"))
        return JSONWriter().string(try envelope.response(ret: ret, msg: msg, data: Array(data.utf8)))
    }

    @Test func aSignedErrorAnswerIsAValidErrorAnswer() throws {
        let run = try interchange(["validate", "evcs", "query_start_charge", "--response", "--envelope"] + secrets, stdin: try sealed(ret: 4002, msg: "Token 错误", data: ""))
        #expect(run.status == 0)
        #expect(run.stdout == "<stdin>: $: note: error answer: code 4002 (Token 错误)\n1 record: 1 valid, 0 invalid (0 errors, 0 warnings)\n")
    }

    @Test func aSuccessAnswerIsValidatedWithItsStatusShown() throws {
        let data = #"{"StartChargeSeq":"MA5DA0053000000000000000001","StartChargeSeqStat":1,"ConnectorID":"1","SuccStat":0,"FailReason":0}"#
        let run = try interchange(["validate", "evcs", "query_start_charge", "--response", "--envelope"] + secrets, stdin: try sealed(ret: 0, msg: "请求成功", data: data))
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("<stdin>: $: note: answer: code 0 (请求成功)\n"))
        let tampered = try sealed(ret: 0, msg: "请求成功", data: data).replacingOccurrences(of: "请求成功", with: "成功")
        let refused = try interchange(["validate", "evcs", "query_start_charge", "--response", "--envelope"] + secrets, stdin: tampered)
        #expect(refused.status == 1)
        #expect(refused.stdout.hasPrefix("<stdin>: $: error: badSignature: Sig does not match Ret+Msg+Data"))
    }
}
