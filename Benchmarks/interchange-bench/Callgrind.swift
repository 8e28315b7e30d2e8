import Foundation
import InterchangeRuntime

/// Instructions per payload under callgrind: each operation runs in this executable under
/// `valgrind --tool=callgrind` twice, `few` and `many` times; the difference of the two totals
/// divided by the difference of the counts is the operation's own cost, start-up and set-up
/// cancelled out. Instruction counts do not move with the machine's load, so a regression
/// shows even on a busy machine.
enum Callgrind {
    struct Count {
        let operation: Operation
        let instructions: Int
    }

    static func instructions(of operations: [Operation], quick: Bool) throws -> [Count] {
        let (few, many) = quick ? (2, 12) : (10, 60)
        return try operations.map { operation in
            let difference = try total(operation, count: many) - total(operation, count: few)
            return Count(operation: operation, instructions: difference / (many - few))
        }
    }

    /// callgrind's total instruction count for running `operation` `count` times.
    private static func total(_ operation: Operation, count: Int) throws -> Int {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("interchange-callgrind-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "valgrind", "--tool=callgrind", "--callgrind-out-file=\(output.path)", CommandLine.arguments[0], "--run", operation.id, "--count", String(count),
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let text = try? String(contentsOf: output, encoding: .utf8) else {
            throw BenchmarkError("valgrind --tool=callgrind failed on '\(operation.id)' (is valgrind installed?)")
        }
        for line in text.split(separator: "\n") where line.hasPrefix("summary:") || line.hasPrefix("totals:") {
            if let total = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) { return total }
        }
        throw BenchmarkError("no instruction total in callgrind's output for '\(operation.id)'")
    }

    static func print(_ counts: [Count]) {
        let width = (counts.map(\.operation.name.count).max() ?? 10) + 2
        let payloadWidth = (counts.map(\.operation.payload.count).max() ?? 10) + 2
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(1, width - text.count)) }
        Swift.print(pad("operation", width) + pad("payload", payloadWidth) + pad("bytes", 9) + "instructions  per byte")
        for count in counts {
            let perByte = Double(count.instructions) / Double(max(1, count.operation.bytes))
            Swift.print(pad(count.operation.name, width) + pad(count.operation.payload, payloadWidth) + pad(String(count.operation.bytes), 9)
                + pad(String(count.instructions), 14) + Report.format(perByte))
        }
    }

    static func write(_ counts: [Count], to path: String) throws {
        let entries: [JSONValue] = counts.map { count in
            ["operation": .string(count.operation.name), "payload": .string(count.operation.payload),
             "bytes": .number(ExactNumber(count.operation.bytes)), "instructions": .number(ExactNumber(count.instructions))]
        }
        try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(JSONWriter().bytes(["results": .array(entries)])).write(to: URL(fileURLWithPath: path))
    }
}
