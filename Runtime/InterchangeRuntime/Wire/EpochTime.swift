import Foundation

/// A wall-clock moment as the Unix epoch counts it, in whole seconds: the clock of
/// dispatchers, bindings, clients and token caches, and what envelopes' timestamps carry.
/// Integer literals are seconds (`now: { 1_700_000_000 }`).
public struct EpochSeconds: Sendable, Hashable, Comparable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let value: Int64

    /// The moment `value` seconds after the epoch.
    public init(_ value: Int64) {
        self.value = value
    }

    public init(integerLiteral value: Int64) {
        self.value = value
    }

    /// `seconds` later (earlier when negative), saturating at the ends of the range.
    public func adding(seconds: Int64) -> EpochSeconds {
        let (sum, overflow) = value.addingReportingOverflow(seconds)
        return EpochSeconds(overflow ? (seconds > 0 ? .max : .min) : sum)
    }

    /// How many seconds lie between `other` and this moment, at most `Int64.max` either way.
    public func distance(from other: EpochSeconds) -> Int64 {
        let (difference, overflow) = value.subtractingReportingOverflow(other.value)
        return overflow ? (value > other.value ? .max : .min) : difference
    }

    /// The system clock's present second.
    public static var now: EpochSeconds { EpochSeconds(Int64(Date().timeIntervalSince1970)) }

    public static func < (a: EpochSeconds, b: EpochSeconds) -> Bool { a.value < b.value }

    public var description: String { "\(value) s" }
}

/// A wall-clock moment in milliseconds since the Unix epoch: the clock of TCP sessions, whose
/// heartbeats and timeouts are counted in milliseconds. Integer literals are milliseconds.
public struct EpochMilliseconds: Sendable, Hashable, Comparable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public let value: Int64

    /// The moment `value` milliseconds after the epoch.
    public init(_ value: Int64) {
        self.value = value
    }

    public init(integerLiteral value: Int64) {
        self.value = value
    }

    /// `milliseconds` later, saturating at the end of the range.
    public static func + (moment: EpochMilliseconds, milliseconds: Int64) -> EpochMilliseconds {
        let (sum, overflow) = moment.value.addingReportingOverflow(milliseconds)
        return EpochMilliseconds(overflow ? (milliseconds > 0 ? .max : .min) : sum)
    }

    /// Moves `moment` on by `milliseconds`, saturating.
    public static func += (moment: inout EpochMilliseconds, milliseconds: Int64) {
        moment = moment + milliseconds
    }

    /// The milliseconds from `earlier` to `later`, saturating at the ends of the range.
    public static func - (later: EpochMilliseconds, earlier: EpochMilliseconds) -> Int64 {
        let (difference, overflow) = later.value.subtractingReportingOverflow(earlier.value)
        return overflow ? (later.value > earlier.value ? .max : .min) : difference
    }

    /// The whole second this moment falls in.
    public var seconds: EpochSeconds { EpochSeconds(value / 1000) }

    /// The system clock's present millisecond.
    public static var now: EpochMilliseconds { EpochMilliseconds(Int64(Date().timeIntervalSince1970 * 1000)) }

    public static func < (a: EpochMilliseconds, b: EpochMilliseconds) -> Bool { a.value < b.value }

    public var description: String { "\(value) ms" }
}
