import InterchangeRuntime
import Testing
import Tomda
import TomdaWire
import Yinli
import YinliWire
import Youxing
import YouxingWire

@Suite struct YouxingEnvelopeTests {
    let envelope = YouxingEnvelope(key: "1234567890abcdef")

    @Test func roundTripAndTamperedData() throws {
        let request = try envelope.request(data: Array(#"{"cityCode":"330100"}"#.utf8), token: "94b879e509a8e20821c7587aad53c19f")
        let opened = try envelope.openRequest(JSONWriter().bytes(request))
        #expect(opened.token == "94b879e509a8e20821c7587aad53c19f")
        #expect(opened.data.plaintext == Array(#"{"cityCode":"330100"}"#.utf8))
        #expect(opened.data.wasEncrypted)
        let tampered = JSONWriter().string(request).replacingOccurrences(of: "\"data\":\"", with: "\"data\":\"AAAA")
        do {
            _ = try envelope.openRequest(Array(tampered.utf8))
            Issue.record("expected a decryption error")
        } catch {
            #expect(error.kind == .undecryptable)
            #expect(YouxingEnvelope.status(for: error).rawValue == 303)
        }
    }

    @Test func missingTokenIs302AndQueryTokensPlainDataIsKept() throws {
        do {
            _ = try envelope.openRequest(Array(#"{"data":"x"}"#.utf8))
            Issue.record("expected an error")
        } catch {
            #expect(YouxingEnvelope.status(for: error).rawValue == 302)
        }
        // 1.2's example: queryToken sends data as a plain object. Accepted only when the
        // profile says so; otherwise refused exactly like undecryptable data.
        let example = Array(#"{  "data": {    "appkey": "asx76yhg3892sx",    "appsecret": "12sdr543fvg",    "time": 1456789091  }}"#.utf8)
        #expect(throws: EnvelopeError.self) { try envelope.openRequest(example, requiresToken: false) }
        let lenient = YouxingEnvelope(key: envelope.key, profile: PeerProfile(acceptsUnencryptedData: true))
        let query = try lenient.openRequest(example, requiresToken: false)
        #expect(query.data.wasEncrypted == false)
        #expect(try JSONReader().read(query.data.plaintext)["appkey"] == .string("asx76yhg3892sx"))
    }

    @Test func responsesAndCallbackAcknowledgement() throws {
        let response = try envelope.response(status: 200, msg: "succ", data: Array(#"[{"districtCode":"330106"}]"#.utf8))
        let opened = try envelope.openResponse(JSONWriter().bytes(response))
        #expect(opened.status == 200)
        #expect(opened.data?.plaintext == Array(#"[{"districtCode":"330106"}]"#.utf8))
        #expect(try envelope.openResponse(Array(#"{"msg":"非法请求","status":304}"#.utf8)).data == nil)
        #expect(YouxingEnvelope.acknowledgesCallback(Array("success\n".utf8)))
        #expect(!YouxingEnvelope.acknowledgesCallback(Array("ok".utf8)))
        #expect(YouxingEnvelope.callbackResendDelays == [10, 10, 10])
    }
}

@Suite struct TomdaEnvelopeTests {
    @Test func tokenQueryAndFormBodies() throws {
        #expect(TomdaEnvelope.tokenQuery(apiId: "tomda01", apiKey: "k&y=1") == "apiId=tomda01&apiKey=k%26y%3D1")
        let body = TomdaEnvelope.formBody([("serialNum", "CN0001"), ("remark", "开始 充电")], token: "t0k")
        #expect(String(decoding: body, as: UTF8.self) == "serialNum=CN0001&remark=%E5%BC%80%E5%A7%8B%20%E5%85%85%E7%94%B5&token=t0k")
        let pairs = try TomdaEnvelope.formParameters(body)
        #expect(pairs.map(\.0) == ["serialNum", "remark", "token"])
        #expect(pairs[1].1 == "开始 充电")
        #expect(throws: EnvelopeError.self) { try TomdaEnvelope.formParameters(Array("a=%ZZ".utf8)) }
    }

    @Test func answersAndErrorCodes() throws {
        let ok = try TomdaEnvelope.openResponse(Array(#"{"errorCode":"200","data":{"token":"abc","timeout":7200}}"#.utf8))
        #expect(ok.isSuccess)
        #expect(ok.data?["timeout"] == 7200)
        let expired = try TomdaEnvelope.openResponse(Array(#"{"errorCode":1300,"errorDesc":"Token 超时"}"#.utf8))
        #expect(expired.errorCode == "1300")
        #expect(!expired.isSuccess)
        #expect(ErrorCode.tokenExpired.rawValue == "1300")
        #expect(ErrorCode.badParameters.rawValue == "1401")
    }

    @Test func pushesRoundTrip() throws {
        let time = LocalDateTime("2019-07-05 12:00:00")!
        let push = TomdaEnvelope.push(type: "WORK_DATA", time: time, content: ["serialNum": "CN0001", "power": 7000])
        let opened = try TomdaEnvelope.openPush(JSONWriter().bytes(push))
        #expect(opened.type == "WORK_DATA")
        #expect(opened.time == time)
        #expect(opened.content["power"] == 7000)
        #expect(throws: EnvelopeError(.malformed, "time '2019/07/05' is not yyyy-MM-dd HH:mm:ss")) {
            try TomdaEnvelope.openPush(Array(#"{"type":"WORK_DATA","time":"2019/07/05","content":{}}"#.utf8))
        }
        #expect(JSONWriter().string(TomdaEnvelope.response(errorCode: "200")) == #"{"errorCode":"200"}"#)
        #expect(TomdaEnvelope.isValidVerificationToken("abc123"))
        #expect(!TomdaEnvelope.isValidVerificationToken("abc"))
        #expect(!TomdaEnvelope.isValidVerificationToken("abc-123"))
    }

    @Test func unitsScaleExactly() {
        #expect(ExactNumber(1234).shiftingDecimalPoint(by: -2)?.text == "12.34")
        #expect(ExactNumber(5).shiftingDecimalPoint(by: -2)?.text == "0.05")
        #expect(ExactNumber(-5).shiftingDecimalPoint(by: -3)?.text == "-0.005")
        #expect(ExactNumber(120_500).shiftingDecimalPoint(by: -3)?.text == "120.500")
        #expect(ExactNumber("12.34")!.shiftingDecimalPoint(by: 2)?.text == "1234")
        #expect(ExactNumber("0.1")!.shiftingDecimalPoint(by: 3)?.text == "100")
        #expect(ExactNumber("1.5e2")!.shiftingDecimalPoint(by: -1)?.text == "15")
        #expect(ExactNumber(0).shiftingDecimalPoint(by: -2)?.text == "0.00")
    }
}

@Suite struct YinliEnvelopeTests {
    @Test func requestAndResponseFromTheExample() throws {
        let request = try YinliEnvelope.openRequest(Array(#"{"data":[{"type":"string","totalElec":0}],"mallCode":"M001","version":"1.0"}"#.utf8))
        #expect(request.mallCode == "M001")
        #expect(request.data.count == 1)
        let response = try YinliEnvelope.openResponse(Array(#"""
            {"code":"string","error":{"appName":"string","errorDetail":"string","errorTime":"string","instance":"string","traceId":"string"},"msg":"string","success":true,"data":[{}]}
            """#.utf8))
        #expect(response.success)
        #expect(response.error?["traceId"] == "string")
        let built = YinliEnvelope.response(code: "0", success: true, msg: nil)
        #expect(JSONWriter().string(built) == #"{"code":"0","success":true}"#)
        #expect(throws: EnvelopeError(.missingMember, "'mallCode' is missing or empty")) {
            try YinliEnvelope.openRequest(Array(#"{"data":[],"version":"1"}"#.utf8))
        }
    }
}
