// interchange-bench: how fast bytes become validated models, and the wire operations.
//
//   swift run -c release interchange-bench [--quick] [--json PATH] [--no-peers]
//
// Prints a table (µs per payload, MB/s) and writes the same figures as JSON
// (default .build/bench-results.json). Unless --no-peers, runs Benchmarks/peers.py (Python:
// orjson + jsonschema-rs, msgspec) on the same payloads and prints the ratios.
import DB4403Wire
import EVCSWire
import Foundation
import InterchangeCompiler
import InterchangeRuntime

let arguments = CommandLine.arguments
let quick = arguments.contains("--quick")
/// `--profile N`: only validate the first payload N times (for callgrind), then stop.
if let index = arguments.firstIndex(of: "--profile"), let count = Int(arguments[index + 1]) {
    let payload = Payload.all[0]
    for _ in 0..<count { consume(payload.validate(try JSONReader().read(payload.bytes))) }
    exit(0)
}
let jsonPath = arguments.firstIndex(of: "--json").flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
    ?? ".build/bench-results.json"
let timer = Timer(batches: quick ? 3 : 15, minimumBatchNanoseconds: quick ? 2_000_000 : 20_000_000)
let reader = JSONReader()
let writer = JSONWriter()
var results: [Measurement] = []

@MainActor
func record(_ name: String, _ payload: String, bytes: Int, _ body: () throws -> Void) rethrows {
    let nanoseconds = try timer.median(body)
    results.append(Measurement(name: name, payload: payload, bytes: bytes, nanoseconds: nanoseconds))
}

for payload in Payload.all {
    let bytes = payload.bytes
    guard !bytes.isEmpty, let value = try? reader.read(bytes) else {
        FileHandle.standardError.write(Data("payload \(payload.name) is missing or invalid\n".utf8))
        exit(1)
    }
    precondition(payload.validate(value) == 0, "benchmark payload \(payload.name) must be valid")
    try record("parse", payload.name, bytes: bytes.count) { consume(try reader.read(bytes)) }
    try record("parse + validate", payload.name, bytes: bytes.count) { consume(payload.validate(try reader.read(bytes))) }
    try record("parse + validate + decode", payload.name, bytes: bytes.count) {
        let parsed = try reader.read(bytes)
        consume(payload.validate(parsed))
        consume(try payload.decode(parsed))
    }
    let models = try payload.decode(value)
    record("encode", payload.name, bytes: bytes.count) { consume(writer.bytes(payload.encode(models))) }
    if let data = payload.db4403Data(value) {
        let envelope = DB4403Envelope()
        try record("DB4403 canonical sign", payload.name, bytes: bytes.count) { consume(try envelope.sign(data)) }
        let frame = SZTCFrame(packetNo: 7, direction: .request, command: 5004, data: bytes).encoded
        record("SZTC frame encode", payload.name, bytes: bytes.count) { consume(SZTCFrame(packetNo: 7, direction: .request, command: 5004, data: bytes).encoded) }
        try record("SZTC incremental decode (64-byte chunks)", payload.name, bytes: bytes.count) {
            var decoder = FrameDecoder()
            var offset = 0
            while offset < frame.count {
                decoder.append(frame[offset..<min(offset + 64, frame.count)])
                offset += 64
                while let decoded = try decoder.next() { consume(decoded) }
            }
        }
    } else if payload.name.hasPrefix("EVCS") {
        let secrets = EVCSSecrets(operatorID: "MA5DA0053", dataSecret: "1234567890abcdef", dataSecretIV: "1234567890abcdef", sigSecret: "1234567890abcdef")
        let envelope = EVCSEnvelope(secrets: secrets)
        try record("EVCS seal (AES + HMAC-MD5)", payload.name, bytes: bytes.count) {
            consume(try envelope.request(data: bytes, timeStamp: "20240501083100", seq: "0001"))
        }
        let sealed = writer.bytes(try envelope.request(data: bytes, timeStamp: "20240501083100", seq: "0001"))
        try record("EVCS open (verify + AES)", payload.name, bytes: bytes.count) { consume(try envelope.openRequest(sealed)) }
    }
}

// Crypto throughput on 64 KiB, to compare with `openssl speed` on this machine.
let block = [UInt8](repeating: 0x5A, count: 65_536)
let key = Array("1234567890abcdef".utf8)
try record("AES-128-CBC encrypt", "64 KiB", bytes: block.count) { consume(try Cipher.aes128CBC.encrypt(block, key: key, iv: key)) }
try record("HMAC-MD5", "64 KiB", bytes: block.count) { consume(try HMAC.md5.authenticationCode(block, key: key)) }
try record("SHA1", "64 KiB", bytes: block.count) { consume(try Digest.sha1.hash(block)) }

let specs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Specs").path
let sources = try SpecFiles.sources(underRoot: specs)
let specBytes = sources.reduce(0) { $0 + $1.contents.count }
let regeneration = Timer(batches: quick ? 1 : 5, minimumBatchNanoseconds: 0)
results.append(Measurement(name: "regenerate all bundled specs", payload: "\(sources.count) spec files", bytes: specBytes,
    nanoseconds: regeneration.median { consume(Compiler().generate(Compiler().check(sources).models)) }))

let batch = BatchBenchmark(recordsMegabytes: quick ? 2 : 10)
let batchResult = try batch.run()
results.append(batchResult.measurement)

let peers = arguments.contains("--no-peers") ? nil : Peers.run(quick: quick)
Report.print(results, batch: batchResult, peers: peers)
try Report.write(results, batch: batchResult, peers: peers, to: jsonPath)
