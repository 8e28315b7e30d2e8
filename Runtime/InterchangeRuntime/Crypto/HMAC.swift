/// HMAC (RFC 2104) over a digest OpenSSL fetched once. OpenSSL's one-shot `EVP_Q_mac` fetches
/// the MAC and the digest by name on every call, which cost about as much as hashing a 1 KB
/// message; the construction itself is two hashes over the fetched digest.
public enum HMAC: Sendable {
    /// HMAC-MD5 (16 bytes).
    case md5

    /// The MAC of `message` under `key`. Throws only when OpenSSL itself fails (it could not
    /// allocate).
    public func authenticationCode(_ message: some Collection<UInt8>, key: some Collection<UInt8>) throws(CryptoError) -> [UInt8] {
        let digest = Digest.md5
        let blockSize = 64
        // A key longer than the block is hashed first; the key is then padded with zeros.
        var block = key.count > blockSize ? try digest.hash(key) : Array(key)
        block += [UInt8](repeating: 0, count: blockSize - block.count)
        let innerPad = block.map { $0 ^ 0x36 }
        let outerPad = block.map { $0 ^ 0x5C }
        let inner = try withContiguousBytes(message) { message in
            innerPad.withUnsafeBufferPointer { digest.hash(of: [$0, message]) }
        }.get()
        return try outerPad.withUnsafeBufferPointer { pad in
            inner.withUnsafeBufferPointer { digest.hash(of: [pad, $0]) }
        }.get()
    }
}
