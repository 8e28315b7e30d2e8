import DB4403Wire
import EVCSWire
import InterchangeRuntime
import TomdaWire
import YinliWire
import YouxingWire

let secrets = EVCSSecrets(operatorID: "MA5DA0053", dataSecret: "1234567890abcdef", dataSecretIV: "1234567890abcdef", sigSecret: "1234567890abcdef")
let evcs = EVCSEnvelope(secrets: secrets)
let youxing = YouxingEnvelope(key: "1234567890abcdef")
let lenientYouxing = YouxingEnvelope(key: "1234567890abcdef", profile: PeerProfile(acceptsUnencryptedData: true))
let db4403 = DB4403Envelope()

/// Every envelope's open, both directions, over any bytes: the first byte picks which.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEnvelopes(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let selector = bytes.first else { return 0 }
    let body = bytes.dropFirst()
    switch selector % 9 {
    case 0: _ = try? db4403.openRequest(body, now: 1_700_000_000)
    case 1: _ = try? db4403.openResponse(body)
    case 2: _ = try? evcs.openRequest(body, now: 1_700_000_000)
    case 3: _ = try? evcs.openResponse(body)
    case 4: _ = try? youxing.openRequest(body)
    case 5: _ = try? lenientYouxing.openRequest(body, requiresToken: false)
    case 6: _ = try? youxing.openResponse(body)
    case 7: _ = try? TomdaEnvelope.openPush(body)
    default: _ = try? YinliEnvelope.openRequest(body)
    }
    return 0
}
