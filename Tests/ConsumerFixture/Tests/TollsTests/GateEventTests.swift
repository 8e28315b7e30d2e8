import Testing
import Tolls

@Suite struct GateEventTests {
    @Test func pluginGeneratedTheModelAndValidator() throws {
        let value = try JSONReader().read(#"{"gateId":"G1","direction":2,"fee":5.50,"time":"2024-05-01 08:30:00"}"#)
        let event = try GateEvent(json: value)
        #expect(event.direction == .leaving)
        #expect(event.fee?.text == "5.50")
        #expect(GateEvent.validate(value).isEmpty)
        #expect(tollCatalog.name == "Toll")
    }

    @Test func validatorReportsEveryProblem() throws {
        let value = try JSONReader().read(#"{"gateId":"GATE-000001","direction":3,"fee":1.005}"#)
        #expect(GateEvent.validate(value).map(\.description) == [
            "$.gateId: error: maxLength: 道闸编号 expects at most 8 characters, got 11 [表1]",
            "$.direction: error: enumeration: 方向 expects one of 1 (入场), 2 (出场), got 3 [表1]",
            "$.fee: error: scale: 费用 expects at most 2 digits after the decimal point, got 1.005 [表1]",
            "$.time: error: required: 时间 is required [表1]",
        ])
    }
}
