import InterchangeRuntime
import Testing

@Suite struct WireValueTests {
    @Test func datesParseStrictlyAndRoundTrip() {
        #expect(LocalDate("2024-02-29")?.description == "2024-02-29")
        #expect(LocalDate("2023-02-29") == nil)
        #expect(LocalDate("2023-2-01") == nil)
        #expect(LocalDate("2023-13-01") == nil)
        #expect(LocalDateTime("2018-01-01 01:01:01")?.description == "2018-01-01 01:01:01")
        #expect(LocalDateTime("2018-01-01T01:01:01") == nil)
        #expect(LocalDateTime("2018-01-01 24:00:00") == nil)
        #expect(LocalTime("23:59:59")?.description == "23:59:59")
        #expect(LocalTime("7:00:00") == nil)
    }

    /// Any epoch second gives a wall-clock time or nil, never an overflow trap.
    /// Descriptions are written digit by digit at fixed widths: the ends of every range, and
    /// every value of every component, read back as written.
    @Test func descriptionsPadEveryComponent() {
        #expect(LocalDate(year: 1, month: 1, day: 1)?.description == "0001-01-01")
        #expect(LocalDateTime("9999-12-31 23:59:59")?.description == "9999-12-31 23:59:59")
        #expect(LocalTime(hour: 0, minute: 0, second: 0)?.description == "00:00:00")
        for year in [1, 9, 10, 99, 100, 999, 1000, 2024, 9999] {
            for month in 1...12 {
                let text = "\(String(repeating: "0", count: 4 - String(year).count))\(year)-\(month < 10 ? "0" : "")\(month)-28"
                #expect(LocalDate(text)?.description == text)
            }
        }
        for hour in 0...23 {
            for minute in stride(from: 0, through: 59, by: 7) {
                let text = "2024-05-01 \(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute):\(minute < 10 ? "0" : "")\(minute)"
                #expect(LocalDateTime(text)?.description == text)
            }
        }
    }

    @Test func epochSecondsOutsideTheCalendarAreNil() {
        #expect(LocalDateTime(epochSeconds: 253_402_300_799, utcOffset: 0)?.description == "9999-12-31 23:59:59")
        #expect(LocalDateTime(epochSeconds: -62_135_596_800, utcOffset: 0)?.description == "0001-01-01 00:00:00")
        for extreme in [Int64.max, Int64.min, 253_402_300_800, -62_135_596_801] {
            #expect(LocalDateTime(epochSeconds: extreme, utcOffset: 0) == nil)
        }
        #expect(LocalDateTime(epochSeconds: Int64.max - 1) == nil)
    }

    @Test func compactUUIDKeepsItsTextAndCase() {
        #expect(CompactUUID("C78E319DAB604A268842ACF164774592")?.description == "C78E319DAB604A268842ACF164774592")
        #expect(CompactUUID("ff8080814d9be81f014d9beb81090003")?.description == "ff8080814d9be81f014d9beb81090003")
        #expect(CompactUUID("C78E319D-AB60-4A26-8842-ACF164774592") == nil)
        #expect(CompactUUID("C78E319DAB604A268842ACF16477459Z") == nil)
    }

    @Test func exactNumbersKnowTheirValueAndScale() {
        let amount = ExactNumber("20.50")!
        #expect(amount.text == "20.50")
        #expect(amount.significantFractionDigits == 1)
        #expect(ExactNumber("1.005")?.significantFractionDigits == 3)
        #expect(ExactNumber("1.5e-2")?.significantFractionDigits == 3)
        #expect(ExactNumber("12")?.integerValue == 12)
        #expect(ExactNumber("12.0")?.integerValue == nil)
        #expect(ExactNumber("99999999999999999999")?.integerValue == nil)
        #expect(ExactNumber("01") == nil)
        #expect(ExactNumber("0.1")!.decimal! + ExactNumber("0.2")!.decimal! == ExactNumber("0.3")!.decimal!)
    }
}
