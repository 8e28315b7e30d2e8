import DB4403
import DB4403Wire
import InterchangeRuntime
import Testing

@Suite struct DB4403EnvelopeTests {
    let envelope = DB4403Envelope()
    let d1 = try! JSONReader().read(#"{ "userId": "cadre01", "password": "205af3fa28810be321ef49d0993fee24", "callbackServer": "http://www.cncadre.com/" }"#)

    @Test func d1SignThroughTheEnvelope() throws {
        #expect(try envelope.sign([d1]) == "59f5688227e06ae8059cba5286a700c95103353b")
    }

    @Test func buildOpenVerifyRoundTrip() throws {
        let body = JSONWriter().bytes(try envelope.request(data: [d1], timestamp: 1_700_000_000))
        let request = try envelope.openRequest(body)
        #expect(request.sign == "59f5688227e06ae8059cba5286a700c95103353b")
        #expect(request.data == [d1])
        #expect(request.timestamp == 1_700_000_000)
    }

    @Test func signIsCheckedOverTheReceivedNumberTexts() throws {
        let text = #"{"timestamp":1,"sign":"SIGN","data":[{"receivables":20.00,"parkCode":"4403"}]}"#
        let expected = try Digest.sha1.hex(Array(#"{"parkCode":"4403","receivables":20.00}"#.utf8))
        let body = Array(text.replacingOccurrences(of: "SIGN", with: " " + expected).utf8)
        #expect(try envelope.openRequest(body).data.first?["receivables"] == .number(ExactNumber("20.00")!))
    }

    @Test func aTamperedBodyIsRejectedWithTheProtocolsCode() throws {
        var text = JSONWriter().string(try envelope.request(data: [d1], timestamp: 1))
        text = text.replacingOccurrences(of: "cadre01", with: "cadre02")
        do {
            _ = try envelope.openRequest(Array(text.utf8))
            Issue.record("expected a signature error")
        } catch {
            #expect(error == EnvelopeError(.badSignature, "sign does not match the data"))
            #expect(DB4403Binding.businessCode(DispatchFailure(.envelope(error.kind), error.message)) == nil)
        }
        #expect(DB4403Binding.businessCode(DispatchFailure(.token, "x"))?.rawValue == 3002)
    }

    @Test func coverageAndCaseComeFromTheProfile() throws {
        let objects: [JSONValue] = [["b": 1, "a": ["d": 1, "c": 2]], ["z": true]]
        let each = try DB4403Envelope().sign(objects)
        #expect(try each == Digest.sha1.hex(Array(#"{"a":{"c":2,"d":1},"b":1}{"z":true}"#.utf8)))
        let array = try DB4403Envelope(profile: PeerProfile(signCoverage: .dataArray)).sign(objects)
        #expect(try array == Digest.sha1.hex(Array(#"[{"a":{"c":2,"d":1},"b":1},{"z":true}]"#.utf8)))
        let topLevel = try DB4403Envelope(profile: PeerProfile(signKeyOrder: .sortedTopLevel)).sign(objects)
        #expect(try topLevel == Digest.sha1.hex(Array(#"{"a":{"d":1,"c":2},"b":1}{"z":true}"#.utf8)))
        #expect(try DB4403Envelope(profile: PeerProfile(signatureHexCase: .upper)).sign([d1]) == "59F5688227E06AE8059CBA5286A700C95103353B")
    }

    @Test func upperCaseSignsAreAcceptedOnlyWhenTheProfileSaysSo() throws {
        let upper = DB4403Envelope(profile: PeerProfile(signatureHexCase: .upper))
        let body = JSONWriter().bytes(try upper.request(data: [d1], timestamp: 1))
        #expect(throws: EnvelopeError.self) { try envelope.openRequest(body) }
        #expect(throws: Never.self) { try DB4403Envelope(profile: PeerProfile(acceptsAnySignatureCase: true)).openRequest(body) }
    }

    @Test func clockSkewIsCheckedWhenConfigured() throws {
        let strict = DB4403Envelope(profile: PeerProfile(allowedClockSkewSeconds: 300))
        let body = JSONWriter().bytes(try strict.request(data: [d1], timestamp: 1_000))
        #expect(throws: Never.self) { try strict.openRequest(body, now: 1_200) }
        #expect(throws: EnvelopeError(.staleTimestamp, "timestamp 1000 is more than 300 s from now (2000)")) {
            try strict.openRequest(body, now: 2_000)
        }
    }

    @Test func malformedEnvelopesSayWhatIsWrong() {
        #expect(throws: EnvelopeError(.missingMember, "'sign' is missing or empty")) {
            try envelope.openRequest(Array(#"{"timestamp":1,"data":[]}"#.utf8))
        }
        #expect(throws: EnvelopeError(.malformed, "'data' must be an array (表31)")) {
            try envelope.openRequest(Array(#"{"timestamp":1,"sign":"x","data":{}}"#.utf8))
        }
        #expect(throws: EnvelopeError(.malformed, "a DB4403 request must be a JSON object, got array")) {
            try envelope.openRequest(Array("[]".utf8))
        }
    }

    @Test func responsesAcceptTheExamplesStringResultCode() throws {
        let response = try envelope.openResponse(Array(#"{"resultCode": "0", "resultMsg": "成功", "timestamp": 125555556621, "data": [{"parkCode": "44030400100101000010"}]}"#.utf8))
        #expect(response.resultCode == 0)
        #expect(response.resultMsg == "成功")
        #expect(response.timestamp == 125_555_556_621)
        let built = envelope.response(resultCode: 1, resultMsg: nil, timestamp: 5, data: [])
        #expect(JSONWriter().string(built) == #"{"resultCode":1,"timestamp":5,"data":[]}"#)
    }

    @Test func bearerTokensAndPasswords() throws {
        func token(_ header: String) -> String? { WireRequest(path: "/", headers: [("authorization", header)], body: []).bearerToken }
        #expect(token("Bearer abc") == "abc")
        #expect(token("bearerYWRtaW46YWRtaW4") == "YWRtaW46YWRtaW4")
        #expect(token("Basic abc") == nil)
        #expect(WireRequest.bearerAuthorization("abc") == ("Authorization", "Bearer abc"))
        #expect(try DB4403Envelope.encryptPassword("123456", key: "12345678") == "HUX+7VtHgb0=")
        #expect(try DB4403Envelope.decryptPassword("HUX+7VtHgb0=", key: "12345678") == "123456")
        #expect(PeerProfile().path(of: DB4403Interfaces.login) == "/1001")
        #expect(PeerProfile(interfacePaths: ["1001": "/login"]).path(of: DB4403Interfaces.login) == "/login")
        #expect(PeerProfile(interfacePaths: ["login": "/in"]).path(of: DB4403Interfaces.login) == "/in")
    }
}
