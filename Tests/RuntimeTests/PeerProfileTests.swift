import InterchangeRuntime
import Testing

@Suite struct PeerProfileTests {
    @Test func loadsFromAConfigurationFile() throws {
        let profile = try PeerProfile(json: JSONReader().read(#"""
            {"signatureHexCase": "lower", "ivEqualsKey": false, "envelopeKeyCasing": "lowerCamel",
             "fieldAliases": {"SeviceMoney": "ServiceMoney"}, "baseURL": "https://evcs.example/evcs/v1",
             "tokenLifetimeSeconds": 7200, "allowedClockSkewSeconds": 300, "signCoverage": "dataArray",
             "signKeyOrder": "sortedTopLevel"}
            """#))
        #expect(profile.signatureHexCase == .lower)
        #expect(profile.ivEqualsKey == false)
        #expect(profile.envelopeKeyCasing == .lowerCamel)
        #expect(profile.fieldAliases == ["SeviceMoney": "ServiceMoney"])
        #expect(profile.tokenLifetimeSeconds == 7200)
        #expect(profile.signCoverage == .dataArray)
        #expect(profile.signKeyOrder == .sortedTopLevel)
    }

    @Test func configurationMistakesNameTheKey() throws {
        #expect(throws: EnvelopeError(.malformed, "unknown peer profile setting 'ivIsKey'")) {
            try PeerProfile(json: JSONReader().read(#"{"ivIsKey": true}"#))
        }
        #expect(throws: EnvelopeError(.malformed, "peer profile setting 'signatureHexCase' does not accept 'mixed'")) {
            try PeerProfile(json: JSONReader().read(#"{"signatureHexCase": "mixed"}"#))
        }
        #expect(throws: EnvelopeError(.malformed, "peer profile setting 'tokenLifetimeSeconds' must be a non-negative integer, got string")) {
            try PeerProfile(json: JSONReader().read(#"{"tokenLifetimeSeconds": "7200"}"#))
        }
    }

    @Test func aliasesAndCasingNormalizeBothWays() throws {
        let profile = PeerProfile(payloadKeyCasing: .lowerCamel, fieldAliases: ["SeviceMoney": "ServiceMoney"])
        let received = try JSONReader().read(#"{"startChargeSeq":"A1","SeviceMoney":1.50,"chargeDetails":[{"detailPower":2.5}]}"#)
        let normalized = profile.normalizedIncoming(received, specCasing: .pascalCase)
        #expect(JSONWriter().string(normalized) == #"{"StartChargeSeq":"A1","ServiceMoney":1.50,"ChargeDetails":[{"DetailPower":2.5}]}"#)
        let outgoing = PeerProfile(fieldAliases: ["SeviceMoney": "ServiceMoney"]).adaptedOutgoing(try JSONReader().read(#"{"ServiceMoney":1.50}"#))
        #expect(JSONWriter().string(outgoing) == #"{"SeviceMoney":1.50}"#)
    }
}
