import Foundation
import InterchangeRuntime

/// The table on stdout and the JSON file.
enum Report {
    static let validatedTypedModel = "parse + validate + decode"

    static func print(_ results: [Measurement], batches: [BatchBenchmark.Result], peers: [String: [String: Double]]?) {
        let width = (results.map(\.name.count).max() ?? 10) + 2
        let payloadWidth = (results.map(\.payload.count).max() ?? 10) + 2
        Swift.print(pad("operation", width) + pad("payload", payloadWidth) + pad("bytes", 9) + pad("µs", 11) + pad("MB/s", 9) + "peer µs ÷ ours (>1: we are faster)")
        for result in results {
            var line = pad(result.name, width) + pad(result.payload, payloadWidth) + pad(String(result.bytes), 9)
            line += pad(format(result.microseconds), 11) + pad(format(result.megabytesPerSecond), 9)
            if result.name == validatedTypedModel, let peerFigures = peers?[result.payload] {
                line += peerFigures.keys.sorted().map { "\($0) \(format(peerFigures[$0, default: 0] / result.nanoseconds))×" }
                    .joined(separator: ", ")
            }
            Swift.print(line)
        }
        for batch in batches {
            let added = batch.peakResidentBytes - batch.residentBeforeBytes
            Swift.print("\(batch.measurement.name): \(batch.records) records, \(batch.bytes) bytes; peak resident \(batch.peakResidentBytes) bytes, \(added) above the process holding its input (\(format(Double(added) / Double(batch.bytes)))× the input)")
        }
        if peers == nil { Swift.print("peers: not run") }
    }

    static func write(_ results: [Measurement], batches: [BatchBenchmark.Result], peers: [String: [String: Double]]?, to path: String) throws {
        var entries: [JSONValue] = []
        for result in results {
            var object: JSONObject = [
                "operation": .string(result.name), "payload": .string(result.payload), "bytes": .number(ExactNumber(result.bytes)),
                "microseconds": .number(decimal(result.microseconds)), "megabytesPerSecond": .number(decimal(result.megabytesPerSecond)),
            ]
            if result.name == validatedTypedModel, let peerFigures = peers?[result.payload] {
                object.append("peerMicroseconds", .object(JSONObject(peerFigures.keys.sorted().map {
                    JSONObject.Member($0, .number(decimal(peerFigures[$0, default: 0] / 1000)))
                })))
            }
            entries.append(.object(object))
        }
        let document: JSONValue = [
            "results": .array(entries),
            "batches": .array(batches.map {
                ["operation": .string($0.measurement.name), "bytes": .number(ExactNumber($0.bytes)), "records": .number(ExactNumber($0.records)),
                 "peakResidentBytes": .number(ExactNumber($0.peakResidentBytes)), "residentBeforeBytes": .number(ExactNumber($0.residentBeforeBytes))]
            }),
        ]
        try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(JSONWriter().bytes(document)).write(to: URL(fileURLWithPath: path))
    }

    private static func decimal(_ value: Double) -> ExactNumber {
        ExactNumber(format(value)) ?? 0
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        var text = String(rounded)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - text.count))
    }
}
