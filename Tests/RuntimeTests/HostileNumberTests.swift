import Foundation
import InterchangeRuntime
import Testing

/// Numbers built to break arithmetic: exponents near Int.min/Int.max, magnitudes beyond any
/// type, texts longer than Decimal's precision. Each used to trap, allocate without bound or
/// pass silently; each now has an exact answer.
@Suite struct HostileNumberTests {
    static let money = ObjectSchema(
        name: "bill", label: "账单", source: "表T",
        fields: [
            FieldSchema("amount", label: "金额", type: .builtin(.decimal), scale: 2),
            FieldSchema("soc", label: "电量百分比", type: .builtin(.double), minimum: ExactNumber("0"), maximum: ExactNumber("100")),
            FieldSchema("ratio", label: "比例", type: .builtin(.float)),
        ])

    func problems(_ json: String) throws -> [String] {
        Validator().validate(try JSONReader().read(Array(json.utf8)), against: Self.money).map(\.description)
    }

    @Test(arguments: ["5e-9223372036854775808", "1.5e-9223372036854775807", "1.5e-99999999999999999999"])
    func exponentsNearIntMinAreAScaleViolation(text: String) throws {
        #expect(try problems(#"{"amount":\#(text)}"#) == [
            "$.amount: error: scale: 金额 expects at most 2 digits after the decimal point, got \(text) [表T]"
        ])
        #expect(ExactNumber(text)!.significantFractionDigits > 2)
    }

    @Test func magnitudesBeyondTheTypeAreOutOfRange() throws {
        #expect(try problems(#"{"amount":1e400,"ratio":-3.5e38}"#) == [
            "$.amount: error: range: 金额 expects Decimal of magnitude at most 79228162514264337593543950335, got 1e400 [表T]",
            "$.ratio: error: range: 比例 expects Float of magnitude at most 3.4028234663852886e38, got -3.5e38 [表T]",
        ])
        #expect(try problems(#"{"amount":79228162514264337593543950335.00,"ratio":3.4e38}"#) == [])
    }

    /// Values are echoed cut at 40 characters.
    @Test func boundsCompareExactly() throws {
        #expect(try problems(#"{"soc":1e400}"#) == [
            "$.soc: error: range: 电量百分比 expects Double of magnitude at most 1.7976931348623157e308, got 1e400 [表T]",
            "$.soc: error: range: 电量百分比 expects at most 100, got 1e400 [表T]",
        ])
        #expect(try problems(#"{"soc":100.0000000000000000000000000000000000000001}"#) == [
            "$.soc: error: range: 电量百分比 expects at most 100, got 100.000000000000000000000000000000000000… [表T]"
        ])
        #expect(try problems(#"{"soc":-0.0000000000000000000000000000000000000001}"#) == [
            "$.soc: error: range: 电量百分比 expects at least 0, got -0.0000000000000000000000000000000000000… [表T]"
        ])
        #expect(try problems(#"{"soc":1.00e2}"#) == [])
        #expect(try problems(#"{"soc":-0.0}"#) == [])
    }

    @Test func exactComparisonOrdersEveryForm() {
        func order(_ a: String, _ b: String) -> Int { ExactNumber.compareValues(ExactNumber(a)!, ExactNumber(b)!) }
        #expect(order("100", "1e2") == 0)
        #expect(order("0.5", "5e-1") == 0)
        #expect(order("-0", "0.000") == 0)
        #expect(order("99.99", "100") == -1)
        #expect(order("-100", "-99.99") == -1)
        #expect(order("1e-9223372036854775808", "0") == 1)
        #expect(order("1e9223372036854775807", "1e9223372036854775806") == 0)  // both saturate: beyond any bound
    }

    @Test func decimalIsNilOutsideItsRangeNeverZero() {
        #expect(ExactNumber("1e400")!.decimal == nil)
        #expect(ExactNumber("1e-9223372036854775808")!.decimal == nil)
        #expect(ExactNumber("20.00")!.decimal == Decimal(20))
        #expect(ExactNumber("0")!.decimal == Decimal(0))
    }

    @Test func shiftingTheDecimalPointStaysBounded() {
        #expect(ExactNumber("1e9223372036854775807")!.shiftingDecimalPoint(by: -2) == nil)
        #expect(ExactNumber("1e999999999999")!.shiftingDecimalPoint(by: -2)?.text == "1e999999999997")
        #expect(ExactNumber("1")!.shiftingDecimalPoint(by: Int.min) == nil)
        #expect(ExactNumber("1200")!.shiftingDecimalPoint(by: -2)?.text == "12.00")
        #expect(ExactNumber("0")!.shiftingDecimalPoint(by: -2)?.text == "0.00")
        #expect(ExactNumber("-5")!.shiftingDecimalPoint(by: -3)?.text == "-0.005")
        #expect(ExactNumber("1.5e3")!.shiftingDecimalPoint(by: -3)?.text == "1.5")
    }
}

/// `ValidationOptions.maxDiagnostics`: problems past it are counted in one closing line.
@Suite struct DiagnosticsCapTests {
    @Test func problemsPastTheCapAreCounted() throws {
        let schema = ObjectSchema(
            name: "t", label: "表", source: "表T",
            fields: ["a", "b", "c", "d"].map { FieldSchema($0, label: $0, type: .builtin(.string), required: true) })
        let found = Validator(options: ValidationOptions(unknownFields: .warning, maxDiagnostics: 2))
            .validate(try JSONReader().read(#"{"x":1}"#), against: schema).map(\.description)
        #expect(found == [
            "$.x: warning: unknownField: 'x' is not a field of t (表) [表T]",
            "$.a: error: required: a is required [表T]",
            "error: and 3 more problems not listed (3 errors, 0 warnings; at most 2 are listed)",
        ])
    }
}
