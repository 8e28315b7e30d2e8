/// Timing: the median over batches of repeated runs, on a monotonic clock.
struct Measurement {
    let name: String
    let payload: String
    let bytes: Int
    /// Median nanoseconds per operation.
    let nanoseconds: Double

    var microseconds: Double { nanoseconds / 1000 }
    var megabytesPerSecond: Double { bytes == 0 ? 0 : Double(bytes) / nanoseconds * 1000 }
}

struct Timer {
    let batches: Int
    let minimumBatchNanoseconds: Int64

    /// Runs `body` in batches long enough to time, returns the median ns per run.
    func median(_ body: () async throws -> Void) async rethrows -> Double {
        var iterations = 1
        while true {
            let elapsed = try await time(iterations, body)
            if elapsed >= minimumBatchNanoseconds || iterations >= 1 << 24 { break }
            iterations *= 2
        }
        var samples: [Double] = []
        for _ in 0..<batches {
            samples.append(Double(try await time(iterations, body)) / Double(iterations))
        }
        samples.sort()
        return samples[samples.count / 2]
    }

    private func time(_ iterations: Int, _ body: () async throws -> Void) async rethrows -> Int64 {
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<iterations { try await body() }
        let duration = clock.now - start
        return duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000
    }
}

/// Keeps a value alive so the optimizer cannot drop the work that made it.
@inline(never)
func consume<T>(_ value: T) {
    withExtendedLifetime(value) {}
}
