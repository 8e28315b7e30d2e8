import DB4403
import Foundation
import InterchangeRuntime

/// Validating one large DB4403 5004 request: time and peak resident memory, read as a tree or
/// as a tape. Each runs in a process of its own (`--batch tree|tape`), so that its peak is its
/// own.
struct BatchBenchmark {
    let recordsMegabytes: Int
    /// Read the request as a tape and validate in place, instead of as a tree.
    let tape: Bool

    struct Result {
        let measurement: Measurement
        let bytes: Int
        let records: Int
        let peakResidentBytes: Int
        /// Resident memory just before the read: the process with its input in memory.
        let residentBeforeBytes: Int
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
        let residentBefore = Self.residentBytes()
        let clock = ContinuousClock()
        let start = clock.now
        var problems = 0
        if tape {
            let tape = try JSONReader(maxBytes: bytes.count + 1).tape(bytes)
            problems = tape.member("data").flatMap { Validator().validate(eachIn: JSONTape.Cursor(tape, at: $0), against: ParkRecordInfo.schema) }?.count ?? 1
        } else {
            let value = try JSONReader(maxBytes: bytes.count + 1).read(bytes)
            if case .array(let data)? = value["data"] {
                for object in data { problems += ParkRecordInfo.validate(object).count }
            }
        }
        let duration = clock.now - start
        precondition(problems == 0)
        let nanoseconds = Double(duration.components.seconds) * 1e9 + Double(duration.components.attoseconds) / 1e9
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Result(
            measurement: Measurement(name: tape ? "parse to tape + validate batch" : "parse + validate batch", payload: "\(count) records", bytes: bytes.count, nanoseconds: nanoseconds),
            bytes: bytes.count, records: count, peakResidentBytes: usage.ru_maxrss * 1024, residentBeforeBytes: residentBefore)
    }

    /// The process's resident memory now (Linux `/proc/self/statm`), 0 where unknown.
    private static func residentBytes() -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}

extension BatchBenchmark.Result {
    /// One line of JSON, for the parent process.
    var line: String {
        String(decoding: JSONWriter().bytes([
            "name": .string(measurement.name), "nanoseconds": .number(ExactNumber(Int(measurement.nanoseconds))),
            "bytes": .number(ExactNumber(bytes)), "records": .number(ExactNumber(records)), "peak": .number(ExactNumber(peakResidentBytes)),
            "before": .number(ExactNumber(residentBeforeBytes)),
        ]), as: UTF8.self)
    }

    /// A result read back from `line`.
    init?(line: String) {
        guard let value = try? JSONReader().read(line), case .string(let name)? = value["name"],
            let nanoseconds = value["nanoseconds"]?.int, let bytes = value["bytes"]?.int, let records = value["records"]?.int, let peak = value["peak"]?.int,
            let before = value["before"]?.int
        else { return nil }
        self.init(
            measurement: Measurement(name: name, payload: "\(records) records", bytes: bytes, nanoseconds: Double(nanoseconds)), bytes: bytes,
            records: records, peakResidentBytes: peak, residentBeforeBytes: before)
    }

    /// The batch run in a process of its own.
    static func inOwnProcess(tape: Bool, quick: Bool) throws -> BatchBenchmark.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["--batch", tape ? "tape" : "tree"] + (quick ? ["--quick"] : [])
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard let result = BatchBenchmark.Result(line: output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BenchmarkError("the \(tape ? "tape" : "tree") batch run printed \(output)")
        }
        return result
    }
}

private extension JSONValue {
    var int: Int? {
        if case .number(let number) = self { return Int(number.text) }
        return nil
    }
}
