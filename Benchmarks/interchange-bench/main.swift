// interchange-bench: how fast bytes become validated models, and the wire operations.
//
//   swift run -c release interchange-bench [--quick] [--json PATH] [--no-peers]
//   swift run -c release interchange-bench --instructions [--quick]   (needs valgrind)
//
// Prints a table (µs per payload, MB/s) and writes the same figures as JSON
// (default .build/bench-results.json). Unless --no-peers, runs Benchmarks/peers.py (Python:
// orjson + jsonschema-rs, msgspec) on the same payloads and prints the ratios.
import Foundation
import InterchangeCompiler
import InterchangeRuntime

let arguments = CommandLine.arguments
let quick = arguments.contains("--quick")
let operations = try Operation.all()
/// `--run 'OPERATION @ PAYLOAD' --count N`: only that operation, N times (what `--instructions`
/// runs under callgrind).
if let index = arguments.firstIndex(of: "--run"), arguments.indices.contains(index + 1) {
    let count = arguments.firstIndex(of: "--count").flatMap { Int(arguments[$0 + 1]) } ?? 1
    guard let operation = operations.first(where: { $0.id == arguments[index + 1] }) else {
        FileHandle.standardError.write(Data("no operation '\(arguments[index + 1])'; known: \(operations.map(\.id).joined(separator: ", "))\n".utf8))
        exit(2)
    }
    for _ in 0..<count { try await operation.body() }
    exit(0)
}
/// `--batch tree|tape`: only the batch, in this process, as one JSON line (for its own peak memory).
if let index = arguments.firstIndex(of: "--batch"), arguments.indices.contains(index + 1) {
    print(try BatchBenchmark(recordsMegabytes: quick ? 2 : 10, tape: arguments[index + 1] == "tape").run().line)
    exit(0)
}
/// `--instructions`: instructions per payload of every operation under callgrind, which do not
/// move with the machine's load.
if arguments.contains("--instructions") {
    let counts = try Callgrind.instructions(of: operations, quick: quick)
    Callgrind.print(counts)
    try Callgrind.write(counts, to: ".build/bench-instructions.json")
    exit(0)
}
let jsonPath = arguments.firstIndex(of: "--json").flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
    ?? ".build/bench-results.json"
let timer = Timer(batches: quick ? 3 : 15, minimumBatchNanoseconds: quick ? 2_000_000 : 20_000_000)
var results: [Measurement] = []
for operation in operations {
    results.append(Measurement(name: operation.name, payload: operation.payload, bytes: operation.bytes, nanoseconds: try await timer.median(operation.body)))
}
// Whole requests through a dispatcher are timed only (valgrind cannot follow the threads of
// Swift's concurrency runtime on this toolchain), off the main actor as a server calls them.
results += try await Task.detached {
    var measured: [Measurement] = []
    for operation in try await DispatchBenchmark.operations(Payload.all) {
        measured.append(Measurement(name: operation.name, payload: operation.payload, bytes: operation.bytes, nanoseconds: try await timer.median(operation.body)))
    }
    return measured
}.value

let specs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Specs").path
let sources = try SpecFiles.sources(underRoot: specs)
let specBytes = sources.reduce(0) { $0 + $1.contents.count }
let regeneration = Timer(batches: quick ? 1 : 5, minimumBatchNanoseconds: 0)
results.append(Measurement(name: "regenerate all bundled specs", payload: "\(sources.count) spec files", bytes: specBytes,
    nanoseconds: await regeneration.median { consume(Compiler().generate(Compiler().check(sources).models)) }))

let batchResult = try BatchBenchmark.Result.inOwnProcess(tape: false, quick: quick)
let tapeBatchResult = try BatchBenchmark.Result.inOwnProcess(tape: true, quick: quick)
results.append(batchResult.measurement)
results.append(tapeBatchResult.measurement)

let peers = arguments.contains("--no-peers") ? nil : Peers.run(quick: quick)
Report.print(results, batches: [batchResult, tapeBatchResult], peers: peers)
try Report.write(results, batches: [batchResult, tapeBatchResult], peers: peers, to: jsonPath)
