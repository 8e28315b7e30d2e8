import Foundation
import InterchangeRuntime
import TestSupport
import Testing

/// Known-answer tests from the documents, and the failure modes.
@Suite struct CryptoTests {
    static let evcsKey = Array("1234567890abcdef".utf8)

    /// DB4403 passwords (表34): DES-CBC with PKCS7, then Base64.
    @Test func desCBCKnownAnswer() throws {
        let key = Array("12345678".utf8)
        let sealed = try Cipher.desCBC.encrypt(Array("123456".utf8), key: key, iv: key)
        #expect(Base64.encode(sealed) == "HUX+7VtHgb0=")
        #expect(try Cipher.desCBC.decrypt(Base64.decode("HUX+7VtHgb0="), key: key, iv: key) == Array("123456".utf8))
    }

    /// EVCS Annex B.3.3, with the published ciphertext (the seed's copy is damaged).
    /// The plaintext is the document's raw bytes; it is not valid JSON (trailing comma).
    @Test func evcsAESKnownAnswer() throws {
        let plaintext = #"{"total":1,"stationStatusInfo":{"operationID":"123456789","stationID":"111111111111111","connectorStatusInfos":{"connectorID":1,"equipmentID":"10000000000000000000001","status":4,"currentA":0,"currentB":0,"currentC":0,"voltageA":0,"voltageB":0,"voltageC":0,"soc":10,}}}"#
        let published = "il7B0BSEjFdzpyKzfOFpvg/Se1CP802RItKYFPfSLRxJ3jf0bVl9hvYOEktPAYW2nd7S8MBcyHYyacHKbISq5iTmDzG+ivnR+SZJv3USNTYVMz9rCQVSxd0cLlqsJauko79NnwQJbzDTyLooYoIwz75qBOH2/xOMirpeEqRJrF/EQjWekJmGk9RtboXePu2rka+Xm51syBPhiXJAq0GfbfaFu9tNqs/e2Vjja/ltE1M0lqvxfXQ6da6HrThsm5id4ClZFIi0acRfrsPLRixS/IQYtksxghvJwbqOsbIsITail9Ayy4tKcogeEZiOO+4Ed264NSKmk7l3wKwJLAFjCFogBx8GE3OBz4pqcAn/ydA="
        let sealed = try Cipher.aes128CBC.encrypt(Array(plaintext.utf8), key: Self.evcsKey, iv: Self.evcsKey)
        #expect(Base64.encode(sealed) == published)
        #expect(try Cipher.aes128CBC.decrypt(Base64.decode(published), key: Self.evcsKey, iv: Self.evcsKey) == Array(plaintext.utf8))
    }

    /// EVCS Annex B.3.4: Sig = upper-case hex HMAC-MD5 over OperatorID + Data + TimeStamp + Seq.
    @Test func evcsHMACMD5KnownAnswer() throws {
        let data = "il7B0BSEjFdzpyKzfOFpvg/Se1CP802RItKYFPfSLRxJ3jf0bVl9hvYOEktPAYW2nd7S8MBcyHYyacHKbISq5iTmDzG+ivnR+SZJv3USNTYVMz9rCQVSxd0cLlqsJauko79NnwQJbzDTyLooYoIwz75qBOH2/xOMirpeEqRJrF/EQjWekJmGk9RtboXePu2rka+Xm51syBPhiXJAq0GfbfaFu9tNqs/e2Vjja/ltE1M0lqvxfXQ6da6HrThsm5id4ClZFIi0acRfrsPLRixS/IQYtksxghvJwbqOsbIsITail9Ayy4tKcogeEZiOO+4Ed264NSKmk7l3wKwJLAFjCFogBx8GE3OBz4pqcAn/ydA="
        let mac = try HMAC.md5.authenticationCode(Array(("123456789" + data + "20160729142400" + "0001").utf8), key: Self.evcsKey)
        #expect(Hex.encode(mac, uppercase: true) == "745166E8C43C84D37FFEC0F529C4136F")
    }

    /// Youxing 1.1: the seed's request example decrypts to a text that begins as the
    /// document says. The example's ciphertext is damaged in the document, so its last block
    /// does not carry valid padding: the strict decrypt fails, and the prefix is asserted
    /// from a decrypt that keeps every block.
    @Test func youxingRequestExampleDecryptsToTheDocumentedPrefix() throws {
        let data = try Base64.decode("d08PaSsa08TqWRluKtxXAxqVg20gcZFlrD/Fp5nQz9ZdnEh6tHIhDyTGnUBTvS46C/FY8x5KJ3drIB00bsblBg==")
        #expect(throws: CryptoError.badPadding(algorithm: "AES-128-CBC")) {
            try Cipher.aes128CBC.decrypt(data, key: Self.evcsKey, iv: Self.evcsKey)
        }
        let plain = try Cipher.aes128CBC.decrypt(data, key: Self.evcsKey, iv: Self.evcsKey, padding: .none)
        let text = String(decoding: plain, as: UTF8.self)
        #expect(text.hasPrefix(#"{"province": "山东","pageNo": "1","pageSize": "#))
    }

    /// RFC 2202 §2, every HMAC-MD5 test case: short and block-sized keys, and keys longer than
    /// the 64-byte block (hashed first); test case 5's MAC is checked whole, not truncated.
    @Test func hmacMD5MatchesRFC2202() throws {
        let cases: [(key: [UInt8], data: [UInt8], mac: String)] = [
            ([UInt8](repeating: 0x0B, count: 16), Array("Hi There".utf8), "9294727a3638bb1c13f48ef8158bfc9d"),
            (Array("Jefe".utf8), Array("what do ya want for nothing?".utf8), "750c783e6ab0b503eaa86e310a5db738"),
            ([UInt8](repeating: 0xAA, count: 16), [UInt8](repeating: 0xDD, count: 50), "56be34521d144c88dbb8c733f0e8b3f6"),
            (Array(1...25), [UInt8](repeating: 0xCD, count: 50), "697eaf0aca3a3aea3a75164746ffaa79"),
            ([UInt8](repeating: 0x0C, count: 16), Array("Test With Truncation".utf8), "56461ef2342edc00f9bab995690efd4c"),
            ([UInt8](repeating: 0xAA, count: 80), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8), "6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd"),
            ([UInt8](repeating: 0xAA, count: 80), Array("Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data".utf8),
             "6f630fad67cda0ee1fb1f562db3aa53e"),
        ]
        for (key, data, mac) in cases {
            #expect(Hex.encode(try HMAC.md5.authenticationCode(data, key: key)) == mac)
            #expect(Hex.encode(try HMAC.md5.authenticationCode(data[...], key: key[...])) == mac, "from slices")
        }
        #expect(Hex.encode(try HMAC.md5.authenticationCode([UInt8](), key: [UInt8](repeating: 1, count: 64))).count == 32)
    }

    @Test func base64ToleratesLineBreaksAndRejectsGarbage() throws {
        #expect(try Base64.decode("HUX+\r\n7VtH\ngb0=") == Base64.decode("HUX+7VtHgb0="))
        #expect(try Base64.decode("aGVsbG8=") == Array("hello".utf8))
        #expect(try Base64.decode("aGVs\nbG8=") == Array("hello".utf8))
        #expect(Base64.encode(Array("hello".utf8)) == "aGVsbG8=")
        #expect(Base64.encode(Array("hell".utf8)) == "aGVsbA==")
        #expect(throws: CryptoError.badBase64(offset: 3, reason: "'*' is not a Base64 character")) { try Base64.decode("aGV*bG8=") }
        #expect(throws: CryptoError.badBase64(offset: 5, reason: "length is not a whole number of 4-character groups")) { try Base64.decode("aGVsb") }
        #expect(throws: CryptoError.badBase64(offset: 7, reason: "data after '=' padding")) { try Base64.decode("aGVsbA=x") }
    }

    /// Whole groups are decoded four characters at a time and everything else one at a time:
    /// random bytes, their text with line breaks anywhere, and a bad character anywhere, agree
    /// with Foundation's decoder and name the bad character's offset.
    @Test func base64AgreesWithFoundationAtEveryLengthAndBreak() throws {
        var random = SeededRandom(seed: 64)
        for length in 0..<200 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            let text = Base64.encode(bytes)
            #expect(text == Data(bytes).base64EncodedString())
            #expect(try Base64.decode(text) == bytes)
            var broken = Array(text.utf8)
            for _ in 0..<3 { broken.insert(UInt8(ascii: "\n"), at: Int.random(in: 0...broken.count, using: &random)) }
            #expect(try Base64.decode(String(decoding: broken, as: UTF8.self)) == bytes, "length \(length)")
            guard !text.isEmpty else { continue }
            var spoilt = Array(text.utf8)
            let offset = Int.random(in: 0..<spoilt.count, using: &random)
            spoilt[offset] = UInt8(ascii: "*")
            #expect(throws: CryptoError.badBase64(offset: offset, reason: "'*' is not a Base64 character")) {
                try Base64.decode(String(decoding: spoilt, as: UTF8.self))
            }
        }
    }

    @Test func wrongKeysAndDamagedCiphertextFailClearly() throws {
        let key = Array("12345678".utf8)
        #expect(throws: CryptoError.wrongKeyLength(algorithm: "AES-128-CBC", expected: 16, actual: 8)) {
            try Cipher.aes128CBC.encrypt([1, 2, 3], key: key, iv: Self.evcsKey)
        }
        #expect(throws: CryptoError.wrongIVLength(algorithm: "DES-CBC", expected: 8, actual: 16)) {
            try Cipher.desCBC.encrypt([1, 2, 3], key: key, iv: Self.evcsKey)
        }
        let sealed = try Cipher.desCBC.encrypt(Array("123456".utf8), key: key, iv: key)
        #expect(throws: CryptoError.badPadding(algorithm: "DES-CBC")) {
            try Cipher.desCBC.decrypt(sealed, key: Array("87654321".utf8), iv: key)
        }
        #expect(throws: CryptoError.badCiphertextLength(algorithm: "AES-128-CBC", length: 5, blockSize: 16)) {
            try Cipher.aes128CBC.decrypt([1, 2, 3, 4, 5], key: Self.evcsKey, iv: Self.evcsKey)
        }
        #expect(CryptoError.wrongKeyLength(algorithm: "DES-CBC", expected: 8, actual: 3).description == "DES-CBC needs a 8-byte key, got 3 bytes")
    }

    @Test func constantTimeComparison() {
        #expect(ConstantTime.equal("745166E8C43C84D37FFEC0F529C4136F", "745166E8C43C84D37FFEC0F529C4136F"))
        #expect(!ConstantTime.equal("745166E8C43C84D37FFEC0F529C4136F", "745166E8C43C84D37FFEC0F529C4136E"))
        #expect(!ConstantTime.equal("abc", "abcd"))
    }

    @Test func digests() throws {
        #expect(try Digest.md5.hex(Array("".utf8)) == "d41d8cd98f00b204e9800998ecf8427e")
        #expect(try Digest.sha1.hex(Array("abc".utf8)) == "a9993e364706816aba3e25717850c26c9cd0d89d")
    }
}
