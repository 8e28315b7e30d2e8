import InterchangeRuntime
import Testing

@Suite struct PeerProfileTests {
    @Test func loadsFromAConfigurationFile() throws {
        let profile = try PeerProfile(json: JSONReader().read(#"""
            {"signatureHexCase": "lower", "envelopeKeyCasing": "lowerCamel",
             "fieldAliases": {"SeviceMoney": "ServiceMoney"}, "baseURL": "https://evcs.example/evcs/v1",
             "tokenLifetimeSeconds": 7200, "allowedClockSkewSeconds": 300, "signCoverage": "dataArray",
             "signKeyOrder": "sortedTopLevel"}
            """#))
        #expect(profile.signatureHexCase == .lower)
        #expect(profile.envelopeKeyCasing == .lowerCamel)
        #expect(profile.fieldAliases == ["SeviceMoney": "ServiceMoney"])
        #expect(profile.tokenLifetimeSeconds == 7200)
        #expect(profile.signCoverage == .dataArray)
        #expect(profile.signKeyOrder == .sortedTopLevel)
    }

    @Test func configurationMistakesNameTheKey() throws {
        do {
            _ = try PeerProfile(json: JSONReader().read(#"{"ivIsKey": true}"#))
            Issue.record("an unknown setting was accepted")
        } catch let error as EnvelopeError {
            #expect(error.message.hasPrefix("unknown peer profile setting 'ivIsKey'; known: signatureHexCase, "))
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
        let detail = ObjectSchema(name: "detail", label: "明细", source: "表T", fields: [FieldSchema("DetailPower", label: "电量", type: .builtin(.decimal))])
        let table = ObjectSchema(
            name: "order", label: "订单", source: "表T",
            fields: [
                FieldSchema("StartChargeSeq", label: "订单号", type: .builtin(.string)),
                FieldSchema("ServiceMoney", label: "服务费", type: .builtin(.decimal)),
                FieldSchema("ChargeDetails", label: "明细", type: .list(.object(detail))),
            ])
        let normalized = profile.normalizedIncoming(received, table: table)
        #expect(JSONWriter().string(normalized) == #"{"StartChargeSeq":"A1","ServiceMoney":1.50,"ChargeDetails":[{"DetailPower":2.5}]}"#)
        // Members no field matches keep their name, for the validator to report.
        #expect(JSONWriter().string(profile.normalizedIncoming(try JSONReader().read(#"{"mystery":1}"#), table: table)) == #"{"mystery":1}"#)
        let outgoing = PeerProfile(fieldAliases: ["SeviceMoney": "ServiceMoney"]).adaptedOutgoing(try JSONReader().read(#"{"ServiceMoney":1.50}"#))
        #expect(JSONWriter().string(outgoing) == #"{"SeviceMoney":1.50}"#)
    }
}
