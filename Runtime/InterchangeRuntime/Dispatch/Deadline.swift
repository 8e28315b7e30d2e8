import Synchronization

/// Runs work with a deadline, returning when the work ends or the deadline passes, whichever
/// comes first. On the deadline the work is cancelled; a handler that ignores cancellation
/// keeps running on its own, but the request it serves is answered and freed.
///
/// The work starts at once on the caller's thread (`Task.immediate`): work that finishes
/// without suspending (most handlers) needs no other task, no thread switch and no timer,
/// which was a quarter of a request's cost. The deadline runs from the work's first
/// suspension, so work that computes for ever without suspending holds its caller.
enum Deadline {
    enum Outcome<Value: Sendable>: Sendable {
        case finished(Value)
        case failed(any Error)
        case expired
    }

    static func run<Value: Sendable>(
        _ limit: Duration, _ work: @escaping @Sendable () async throws -> Value
    ) async -> Outcome<Value> {
        await withCheckedContinuation { continuation in
            let race = Race(continuation)
            let worker = Task.immediate {
                let outcome: Outcome<Value>
                do {
                    outcome = .finished(try await work())
                } catch {
                    outcome = .failed(error)
                }
                race.finish(outcome)
            }
            guard !race.isFinished else { return }
            // Immediate too, so that the deadline's clock starts now, not when a busy pool
            // first runs the timer (by then a slow handler could have finished its wait).
            let timer = Task.immediate {
                try? await Task.sleep(for: limit)
                if !Task.isCancelled, race.finish(.expired) { worker.cancel() }
            }
            race.onFinish { timer.cancel() }
        }
    }

    /// The continuation, resumed by whichever side finishes first.
    private final class Race<Value: Sendable>: Sendable {
        private let state: Mutex<(continuation: CheckedContinuation<Outcome<Value>, Never>?, cleanup: (@Sendable () -> Void)?, done: Bool)>

        init(_ continuation: CheckedContinuation<Outcome<Value>, Never>) {
            state = Mutex((continuation, nil, false))
        }

        /// Resumes with `outcome` if nothing did before; true when this call did.
        @discardableResult
        func finish(_ outcome: Outcome<Value>) -> Bool {
            let taken = state.withLock { state -> (CheckedContinuation<Outcome<Value>, Never>, (@Sendable () -> Void)?)? in
                guard let continuation = state.continuation else { return nil }
                state.continuation = nil
                state.done = true
                defer { state.cleanup = nil }
                return (continuation, state.cleanup)
            }
            guard let (continuation, cleanup) = taken else { return false }
            cleanup?()
            continuation.resume(returning: outcome)
            return true
        }

        /// Whether the race is decided.
        var isFinished: Bool { state.withLock { $0.done } }

        /// Runs `cleanup` once the race is decided (now, if it already is).
        func onFinish(_ cleanup: @escaping @Sendable () -> Void) {
            let runNow = state.withLock { state -> Bool in
                if state.done { return true }
                state.cleanup = cleanup
                return false
            }
            if runNow { cleanup() }
        }
    }
}
