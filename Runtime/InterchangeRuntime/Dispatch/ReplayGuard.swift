import Synchronization

/// Remembers the signed messages a dispatcher accepted, each until its timestamp leaves the
/// clock-skew window (after which the freshness check refuses it anyway), so the same message
/// is refused the second time. Memory is bounded: past `capacity` remembered messages, new
/// ones are refused as busy rather than let through unremembered.
final class ReplayGuard: Sendable {
    enum Verdict {
        case fresh, replayed, full
    }

    private struct State {
        var expiry: [String: EpochSeconds] = [:]
        /// Keys in the order they expire (timestamps arrive roughly in order), for pruning.
        var queue: [(key: String, expires: EpochSeconds)] = []
        var head = 0
    }

    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Records `replay` unless it was seen; messages whose window has passed are forgotten first.
    func admit(_ replay: OpenedRequest.Replay, window seconds: Int, now: EpochSeconds) -> Verdict {
        state.withLock { state in
            while state.head < state.queue.count, state.queue[state.head].expires < now {
                let (key, expires) = state.queue[state.head]
                if state.expiry[key] == expires { state.expiry[key] = nil }
                state.head += 1
            }
            if state.head > 1024, state.head * 2 > state.queue.count {
                state.queue.removeFirst(state.head)
                state.head = 0
            }
            if let expires = state.expiry[replay.key], expires >= now { return .replayed }
            guard state.expiry.count < capacity else { return .full }
            let expires = replay.sentAt.adding(seconds: Int64(seconds))
            state.expiry[replay.key] = expires
            state.queue.append((replay.key, expires))
            return .fresh
        }
    }
}
