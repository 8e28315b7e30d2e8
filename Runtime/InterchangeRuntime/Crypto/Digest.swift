import COpenSSL

/// Message digests over OpenSSL's EVP interface.
public enum Digest: Sendable {
    /// SHA-1 (20 bytes).
    case sha1
    /// MD5 (16 bytes).
    case md5

    /// The digest of `bytes`. Throws only when OpenSSL itself fails (it could not allocate).
    public func hash(_ bytes: some Collection<UInt8>) throws(CryptoError) -> [UInt8] {
        OpenSSLProviders.ensureLoaded()
        let algorithm = self == .sha1 ? EVP_sha1() : EVP_md5()
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let ok = withContiguousBytes(bytes) { input in
            EVP_Digest(input.baseAddress, input.count, &output, &length, algorithm, nil)
        }
        guard ok == 1 else { throw .failed(operation: "EVP_Digest") }
        return Array(output.prefix(Int(length)))
    }

    /// The digest as lower-case hexadecimal text.
    public func hex(_ bytes: some Collection<UInt8>) throws(CryptoError) -> String {
        Hex.encode(try hash(bytes))
    }
}

/// Hexadecimal text of bytes.
public enum Hex {
    /// `bytes` as hexadecimal text, lower-case unless `uppercase`.
    public static func encode(_ bytes: some Sequence<UInt8>, uppercase: Bool = false) -> String {
        let digits = Array((uppercase ? "0123456789ABCDEF" : "0123456789abcdef").utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The value of one hexadecimal digit (`0-9`, `a-f`, `A-F`); nil for anything else,
    /// signs included.
    public static func digitValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

func withContiguousBytes<R>(_ bytes: some Collection<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let result = bytes.withContiguousStorageIfAvailable(body) { return result }
    return Array(bytes).withUnsafeBufferPointer(body)
}
