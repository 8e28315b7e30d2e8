import COpenSSL

/// Message digests over OpenSSL's EVP interface.
public enum Digest: Sendable {
    /// SHA-1 (20 bytes).
    case sha1
    /// MD5 (16 bytes).
    case md5

    /// The digest of `bytes`. Throws only when OpenSSL itself fails (it could not allocate).
    public func hash(_ bytes: some Collection<UInt8>) throws(CryptoError) -> [UInt8] {
        try withContiguousBytes(bytes) { hash(of: [$0]) }.get()
    }

    /// The digest of `parts`, one after another, with the algorithm fetched once.
    func hash(of parts: [UnsafeBufferPointer<UInt8>]) -> Result<[UInt8], CryptoError> {
        guard let algorithm = (self == .sha1 ? FetchedDigest.sha1 : FetchedDigest.md5).pointer else {
            return .failure(.unavailable(algorithm: self == .sha1 ? "SHA1" : "MD5"))
        }
        guard let context = EVP_MD_CTX_new() else { return .failure(.failed(operation: "EVP_MD_CTX_new")) }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestInit_ex2(context, algorithm, nil) == 1 else { return .failure(.failed(operation: "EVP_DigestInit_ex2")) }
        for part in parts where EVP_DigestUpdate(context, part.baseAddress, part.count) != 1 {
            return .failure(.failed(operation: "EVP_DigestUpdate"))
        }
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard EVP_DigestFinal_ex(context, &output, &length) == 1 else { return .failure(.failed(operation: "EVP_DigestFinal_ex")) }
        return .success(Array(output.prefix(Int(length))))
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

/// A digest fetched from OpenSSL once, after the providers are loaded, and kept: the legacy
/// `EVP_sha1()` objects fetch again on every use.
private final class FetchedDigest: @unchecked Sendable {
    // Safe to share: an EVP_MD from EVP_MD_fetch is immutable and reference-counted by OpenSSL.
    let pointer: OpaquePointer?

    private init(_ name: String) {
        OpenSSLProviders.ensureLoaded()
        pointer = EVP_MD_fetch(nil, name, nil)
    }

    static let sha1 = FetchedDigest("SHA1")
    static let md5 = FetchedDigest("MD5")
}

func withContiguousBytes<R>(_ bytes: some Collection<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let result = bytes.withContiguousStorageIfAvailable(body) { return result }
    return Array(bytes).withUnsafeBufferPointer(body)
}
