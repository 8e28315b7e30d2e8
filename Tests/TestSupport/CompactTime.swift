import InterchangeRuntime

/// The wall-clock moment of a compact `yyyyMMddHHmmss` Beijing time, for a dispatcher whose
/// clock must agree with the TimeStamp of a hand-sealed request (servers refuse stale ones).
public func epochSeconds(ofCompact text: String) -> EpochSeconds {
    EpochSeconds(LocalDateTime(compact: text).map { $0.epochSeconds() } ?? 0)
}
