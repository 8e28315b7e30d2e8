/// Date and time values in the wire formats of 表2, scanned from bytes (no formatter).
/// They carry no time zone: the documents exchange local (Beijing) wall-clock time.

/// A calendar date, wire form `yyyy-MM-dd`.
public struct LocalDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// 1–9999.
    public let year: Int
    /// 1–12.
    public let month: Int
    /// 1–31, valid for the month and year.
    public let day: Int

    /// A date when the components form a real calendar date in years 1–9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...LocalDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `yyyy-MM-dd`.
    public init?(_ text: String) {
        guard let value = withUTF8(text, LocalDate.scan) else { return nil }
        self = value
    }

    static func scan(_ b: UnsafeBufferPointer<UInt8>) -> LocalDate? {
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
            let year = digits(b, 0, 4), let month = digits(b, 5, 2), let day = digits(b, 8, 2)
        else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }

    public var description: String { fixedText(10) { write(into: $0, at: 0) } }

    /// `yyyy-MM-dd` into `out` at `offset`.
    func write(into out: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        putFields((year, month, day), widths: (4, 2, 2), separator: UInt8(ascii: "-"), out, offset)
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// A wall-clock time, wire form `HH:mm:ss`.
public struct LocalTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// 0–23.
    public let hour: Int
    /// 0–59.
    public let minute: Int
    /// 0–59.
    public let second: Int

    /// A time of day; nil when a part is out of range.
    public init?(hour: Int, minute: Int, second: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Parses exactly `HH:mm:ss`.
    public init?(_ text: String) {
        guard let value = withUTF8(text, LocalTime.scan) else { return nil }
        self = value
    }

    static func scan(_ b: UnsafeBufferPointer<UInt8>) -> LocalTime? {
        guard b.count == 8, b[2] == UInt8(ascii: ":"), b[5] == UInt8(ascii: ":"),
            let hour = digits(b, 0, 2), let minute = digits(b, 3, 2), let second = digits(b, 6, 2)
        else { return nil }
        return LocalTime(hour: hour, minute: minute, second: second)
    }

    public var description: String { fixedText(8) { write(into: $0, at: 0) } }

    /// `HH:mm:ss` into `out` at `offset`.
    func write(into out: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        putFields((hour, minute, second), widths: (2, 2, 2), separator: UInt8(ascii: ":"), out, offset)
    }

    public static func < (a: LocalTime, b: LocalTime) -> Bool {
        (a.hour, a.minute, a.second) < (b.hour, b.minute, b.second)
    }
}

/// A date and wall-clock time, wire form `yyyy-MM-dd HH:mm:ss`.
public struct LocalDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The calendar date.
    public let date: LocalDate
    /// The time of day.
    public let time: LocalTime

    /// The wall-clock time `time` on `date`.
    public init(date: LocalDate, time: LocalTime) {
        self.date = date
        self.time = time
    }

    /// Parses exactly `yyyy-MM-dd HH:mm:ss`.
    public init?(_ text: String) {
        guard let value = withUTF8(text, LocalDateTime.scan) else { return nil }
        self = value
    }

    static func scan(_ b: UnsafeBufferPointer<UInt8>) -> LocalDateTime? {
        guard b.count == 19, b[10] == UInt8(ascii: " "),
            let date = LocalDate.scan(UnsafeBufferPointer(rebasing: b[0..<10])),
            let time = LocalTime.scan(UnsafeBufferPointer(rebasing: b[11..<19]))
        else { return nil }
        return LocalDateTime(date: date, time: time)
    }

    public var description: String {
        fixedText(19) { out in
            date.write(into: out, at: 0)
            out[10] = UInt8(ascii: " ")
            time.write(into: out, at: 11)
        }
    }

    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool {
        (a.date, a.time) < (b.date, b.time)
    }
}

/// The decimal value of `count` ASCII digits at `offset`, or nil if any is not a digit.
private func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int, _ count: Int) -> Int? {
    var value = 0
    for byte in bytes[offset..<offset + count] {
        guard byte >= 0x30, byte <= 0x39 else { return nil }
        value = value * 10 + Int(byte - 0x30)
    }
    return value
}

/// Text of exactly `count` bytes, which `write` fills.
private func fixedText(_ count: Int, _ write: (UnsafeMutableBufferPointer<UInt8>) -> Void) -> String {
    String(unsafeUninitializedCapacity: count) { out in
        write(out)
        return count
    }
}

/// Three fields zero-padded to their widths and joined by `separator`, into `out` at `offset`.
/// Each value is within its width (the initializers ensure it), so no digit is lost.
private func putFields(
    _ values: (Int, Int, Int), widths: (Int, Int, Int), separator: UInt8, _ out: UnsafeMutableBufferPointer<UInt8>, _ offset: Int
) {
    var end = offset
    func put(_ value: Int, _ width: Int) {
        var rest = value
        for position in (end..<end + width).reversed() {
            out[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        }
        end += width
    }
    func separate() {
        out[end] = separator
        end += 1
    }
    put(values.0, widths.0)
    separate()
    put(values.1, widths.1)
    separate()
    put(values.2, widths.2)
}

extension LocalDate: WireText {}
extension LocalTime: WireText {}
extension LocalDateTime: WireText {}

extension LocalDateTime {
    /// The wall-clock time `utcOffset` seconds ahead of UTC at `epochSeconds` (Beijing: 28800);
    /// nil outside the years 0001–9999.
    public init?(epochSeconds: Int64, utcOffset: Int = 8 * 3600) {
        let (local, overflow) = epochSeconds.addingReportingOverflow(Int64(utcOffset))
        // 0001-01-01T00:00:00 through 9999-12-31T23:59:59, so the arithmetic below cannot overflow.
        guard !overflow, (-62_135_596_800...253_402_300_799).contains(local) else { return nil }
        let days = Int(local.floorDivided(by: 86_400))
        let secondOfDay = Int(local - Int64(days) * 86_400)
        let (year, month, day) = civilDate(fromDaysSinceEpoch: days)
        guard let date = LocalDate(year: year, month: month, day: day),
            let time = LocalTime(hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60, second: secondOfDay % 60)
        else { return nil }
        self.init(date: date, time: time)
    }

    /// Seconds since 1970-01-01 00:00:00 UTC, reading this wall-clock time at `utcOffset`.
    public func epochSeconds(utcOffset: Int = 8 * 3600) -> Int64 {
        let days = daysSinceEpoch(year: date.year, month: date.month, day: date.day)
        return Int64(days) * 86_400 + Int64(time.hour * 3600 + time.minute * 60 + time.second) - Int64(utcOffset)
    }

    /// `yyyyMMddHHmmss`, the compact form envelopes carry.
    public var compactDescription: String {
        date.description.filter { $0 != "-" } + time.description.filter { $0 != ":" }
    }

    /// Parses `yyyyMMddHHmmss`.
    public init?(compact text: String) {
        let digits = Array(text.utf8)
        guard digits.count == 14, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let value = { (from: Int, count: Int) in digits[from..<from + count].reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        guard let date = LocalDate(year: value(0, 4), month: value(4, 2), day: value(6, 2)),
            let time = LocalTime(hour: value(8, 2), minute: value(10, 2), second: value(12, 2))
        else { return nil }
        self.init(date: date, time: time)
    }
}

/// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
private func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
}

private func civilDate(fromDaysSinceEpoch days: Int) -> (Int, Int, Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
}

extension Int64 {
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
