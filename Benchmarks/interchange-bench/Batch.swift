import DB4403
import Foundation
import InterchangeRuntime

/// Validating one large DB4403 5004 request: time and peak resident memory.
struct BatchBenchmark {
    let recordsMegabytes: Int

    struct Result {
        let measurement: Measurement
        let bytes: Int
        let records: Int
        let peakResidentBytes: Int
    }

    func run() throws -> Result {
        let record = Payload.file("db4403-5004.json")
        guard case .array(let objects)? = try JSONReader().read(record)["data"], let first = objects.first else {
            throw CocoaError(.fileReadCorruptFile)
        }
        let one = JSONWriter().bytes(first)
        let count = recordsMegabytes * 1_000_000 / (one.count + 1)
        var bytes: [UInt8] = Array(#"{"timestamp":1714521661,"sign":"SIGN","data":["#.utf8)
        bytes.reserveCapacity(count * (one.count + 1) + 64)
        for index in 0..<count {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes += one
        }
        bytes += Array("]}".utf8)
        let clock = ContinuousClock()
        let start = clock.now
        let value = try JSONReader(maxBytes: bytes.count + 1).read(bytes)
        var problems = 0
        if case .array(let data)? = value["data"] {
            for object in data { problems += ParkRecordInfo.validate(object).count }
        }
        let duration = clock.now - start
        precondition(problems == 0)
        let nanoseconds = Double(duration.components.seconds) * 1e9 + Double(duration.components.attoseconds) / 1e9
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Result(
            measurement: Measurement(name: "parse + validate batch", payload: "\(count) records", bytes: bytes.count, nanoseconds: nanoseconds),
            bytes: bytes.count, records: count, peakResidentBytes: usage.ru_maxrss * 1024)
    }
}
