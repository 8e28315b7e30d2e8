/// Date and time values in the wire formats of 表2, scanned from bytes (no formatter).
/// They carry no time zone: the documents exchange local (Beijing) wall-clock time.

/// A calendar date, wire form `yyyy-MM-dd`.
public struct LocalDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
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

    public var description: String { pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) }

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
    public let hour: Int
    public let minute: Int
    public let second: Int

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

    public var description: String { pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2) }

    public static func < (a: LocalTime, b: LocalTime) -> Bool {
        (a.hour, a.minute, a.second) < (b.hour, b.minute, b.second)
    }
}

/// A date and wall-clock time, wire form `yyyy-MM-dd HH:mm:ss`.
public struct LocalDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let date: LocalDate
    public let time: LocalTime

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

    public var description: String { date.description + " " + time.description }

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

private func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
}

extension LocalDate: WireText {}
extension LocalTime: WireText {}
extension LocalDateTime: WireText {}
