import DB4403Wire
import EVCSWire
import Foundation
import InterchangeRuntime

/// One measured operation on one payload: what the timing table and callgrind both run.
struct Operation {
    let name: String
    let payload: String
    let bytes: Int
    let body: () async throws -> Void

    /// `operation @ payload`, as `--run` takes it.
    var id: String { "\(name) @ \(payload)" }

    /// Every operation on every payload, then crypto on 64 KiB.
    static func all() throws -> [Operation] {
        let reader = JSONReader()
        let writer = JSONWriter()
        var operations: [Operation] = []
        for payload in Payload.all {
            let bytes = payload.bytes
            guard !bytes.isEmpty, let value = try? reader.read(bytes), payload.validate(value) == 0, let tape = try? reader.tape(bytes),
                payload.validateTape(tape) == 0
            else {
                throw BenchmarkError("benchmark payload \(payload.name) is missing or invalid")
            }
            func add(_ name: String, _ body: @escaping () throws -> Void) {
                operations.append(Operation(name: name, payload: payload.name, bytes: bytes.count, body: body))
            }
            add("parse") { consume(try reader.read(bytes)) }
            add("parse to tape") { consume(try reader.tape(bytes)) }
            add("parse + validate") { consume(payload.validate(try reader.read(bytes))) }
            add("parse to tape + validate") { consume(payload.validateTape(try reader.tape(bytes))) }
            add("parse + validate + decode") {
                let parsed = try reader.read(bytes)
                consume(payload.validate(parsed))
                consume(try payload.decode(parsed))
            }
            let models = try payload.decode(value)
            add("encode") { consume(writer.bytes(payload.encode(models))) }
            if let data = payload.db4403Data(value) {
                let envelope = DB4403Envelope()
                add("DB4403 canonical sign") { consume(try envelope.sign(data)) }
                let request = writer.bytes(try envelope.request(data: data, timestamp: 1_714_521_661))
                add("DB4403 open request (read, sign check)") { consume(try envelope.openRequest(request)) }
                let frame = SZTCFrame(packetNo: 7, direction: .request, command: 5004, data: bytes).encoded
                add("SZTC frame encode") { consume(SZTCFrame(packetNo: 7, direction: .request, command: 5004, data: bytes).encoded) }
                add("SZTC incremental decode (64-byte chunks)") {
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
                add("EVCS seal (AES + HMAC-MD5)") { consume(try envelope.request(data: bytes, timeStamp: "20240501083100", seq: "0001")) }
                let sealed = writer.bytes(try envelope.request(data: bytes, timeStamp: "20240501083100", seq: "0001"))
                add("EVCS open (verify + AES)") { consume(try envelope.openRequest(sealed)) }
            }
        }
        // Crypto throughput on 64 KiB, to compare with `openssl speed` on this machine.
        let block = [UInt8](repeating: 0x5A, count: 65_536)
        let key = Array("1234567890abcdef".utf8)
        for (name, body) in [
            ("AES-128-CBC encrypt", { consume(try Cipher.aes128CBC.encrypt(block, key: key, iv: key)) }),
            ("HMAC-MD5", { consume(try HMAC.md5.authenticationCode(block, key: key)) }),
            ("SHA1", { consume(try Digest.sha1.hash(block)) }),
        ] as [(String, () throws -> Void)] {
            operations.append(Operation(name: name, payload: "64 KiB", bytes: block.count, body: body))
        }
        return operations
    }
}

/// The benchmark cannot run as set up.
struct BenchmarkError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
