import InterchangeRuntime
import Synchronization

/// Faults a mock partner injects, from `--fault NAME[=VALUE][,every=N]` (every call unless
/// `every` says every Nth):
///
/// - `delay=MS`: answer MS milliseconds late;
/// - `code=N`: answer with the protocol's code N (EVCS Ret, DB4403 表A.2 code, …);
/// - `token-expiry`: refuse the token as expired, even a good one;
/// - `no-token-check`: accept any token (breaks the standard: for testing `conform`);
/// - `no-replay-check`: accept a message a second time (breaks the standard);
/// - `invalid-answer`: leave the answer's first required field out (breaks the standard);
/// - `drop`: close the connection after the answer's head, without its body.
struct Faults: Sendable {
    enum Kind: Sendable, Equatable {
        case delay(milliseconds: Int)
        case code(Int)
        case tokenExpiry
        case noTokenCheck
        case noReplayCheck
        case invalidAnswer
        case drop
    }

    /// One fault and how often it strikes.
    final class Fault: Sendable {
        let kind: Kind
        let every: Int
        private let calls = Mutex(0)

        init(kind: Kind, every: Int) {
            self.kind = kind
            self.every = every
        }

        /// Counts a call; true when this one is struck.
        func strikes() -> Bool {
            calls.withLock { count in
                count += 1
                return count % every == 0
            }
        }
    }

    let faults: [Fault]

    init(_ texts: [String]) throws(SimUsageError) {
        faults = try texts.map { text throws(SimUsageError) in try Self.parse(text) }
    }

    private static func parse(_ text: String) throws(SimUsageError) -> Fault {
        var parts = text.split(separator: ",").map(String.init)
        var every = 1
        if let last = parts.last, last.hasPrefix("every=") {
            guard let n = Int(last.dropFirst("every=".count)), n >= 1, n <= 1_000_000 else { throw SimUsageError("--fault \(text): every= takes 1…1000000") }
            every = n
            parts.removeLast()
        }
        guard parts.count == 1 else { throw SimUsageError("--fault \(text): expected NAME[=VALUE][,every=N]") }
        let pair = parts[0].split(separator: "=", maxSplits: 1).map(String.init)
        let value = pair.count == 2 ? Int(pair[1]) : nil
        let kind: Kind
        switch (pair[0], pair.count) {
        case ("delay", 2):
            guard let value, value >= 0, value <= 600_000 else { throw SimUsageError("--fault \(text): delay= takes 0…600000 ms") }
            kind = .delay(milliseconds: value)
        case ("code", 2):
            guard let value else { throw SimUsageError("--fault \(text): code= takes a whole number") }
            kind = .code(value)
        case ("token-expiry", 1): kind = .tokenExpiry
        case ("no-token-check", 1): kind = .noTokenCheck
        case ("no-replay-check", 1): kind = .noReplayCheck
        case ("invalid-answer", 1): kind = .invalidAnswer
        case ("drop", 1): kind = .drop
        default:
            throw SimUsageError("--fault \(text): known faults are delay=MS, code=N, token-expiry, no-token-check, no-replay-check, invalid-answer, drop")
        }
        return Fault(kind: kind, every: every)
    }

    func has(_ kind: Kind) -> Bool { faults.contains { $0.kind == kind } }

    /// Whether a fault of `kind` strikes this call (counting it).
    func strikes(_ kind: Kind) -> Bool { faults.first { $0.kind == kind }?.strikes() ?? false }

    /// Before a handler answers: delays, and a code to answer with.
    func beforeAnswering() async throws {
        for fault in faults {
            switch fault.kind {
            case .delay(let milliseconds) where fault.strikes(): try await Task.sleep(for: .milliseconds(milliseconds))
            case .code(let code) where fault.strikes(): throw ServiceRefusal(code: code, message: "simulated fault: code \(code)")
            default: continue
            }
        }
    }
}
