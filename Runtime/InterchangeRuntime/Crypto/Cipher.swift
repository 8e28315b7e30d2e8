import COpenSSL

/// The block ciphers the protocols use, in CBC mode with PKCS#7 padding (which is what Java
/// calls PKCS5Padding for these block sizes).
public enum Cipher: String, Sendable, CaseIterable {
    /// AES-128-CBC. 16-byte key and IV.
    case aes128CBC = "AES-128-CBC"
    /// DES-CBC (the legacy provider). 8-byte key and IV.
    case desCBC = "DES-CBC"

    /// Block padding. `.none` on decryption keeps every block, padding included: for looking
    /// into damaged ciphertext, never for normal traffic.
    public enum Padding: Sendable {
        /// PKCS #7 (PKCS #5 for 8-byte blocks): added on encryption, checked and removed on
        /// decryption.
        case pkcs7
        /// None: decryption keeps every block as it is.
        case none
    }

    /// The key length the cipher takes, in bytes.
    public var keyLength: Int { self == .aes128CBC ? 16 : 8 }
    /// The block (and IV) length, in bytes.
    public var blockSize: Int { self == .aes128CBC ? 16 : 8 }

    /// The ciphertext of `plaintext`, PKCS #7-padded; the key and IV must have the cipher's lengths.
    public func encrypt(_ plaintext: some Collection<UInt8>, key: some Collection<UInt8>, iv: some Collection<UInt8>) throws(CryptoError) -> [UInt8] {
        try run(encrypting: true, Array(plaintext), key: Array(key), iv: Array(iv), padding: .pkcs7)
    }

    /// The plaintext of `ciphertext`. A padding failure is `badPadding`, told apart from nothing
    /// else a peer could learn from.
    public func decrypt(
        _ ciphertext: some Collection<UInt8>, key: some Collection<UInt8>, iv: some Collection<UInt8>, padding: Padding = .pkcs7
    ) throws(CryptoError) -> [UInt8] {
        guard ciphertext.count % blockSize == 0, !ciphertext.isEmpty else {
            throw .badCiphertextLength(algorithm: rawValue, length: ciphertext.count, blockSize: blockSize)
        }
        return try run(encrypting: false, Array(ciphertext), key: Array(key), iv: Array(iv), padding: padding)
    }

    private func run(encrypting: Bool, _ input: [UInt8], key: [UInt8], iv: [UInt8], padding: Padding) throws(CryptoError) -> [UInt8] {
        guard key.count == keyLength else { throw .wrongKeyLength(algorithm: rawValue, expected: keyLength, actual: key.count) }
        guard iv.count == blockSize else { throw .wrongIVLength(algorithm: rawValue, expected: blockSize, actual: iv.count) }
        guard let cipher = self == .aes128CBC ? FetchedCipher.aes128CBC.pointer : FetchedCipher.desCBC.pointer else {
            throw .unavailable(algorithm: rawValue)
        }
        guard let context = EVP_CIPHER_CTX_new() else { throw .unavailable(algorithm: rawValue) }
        defer { EVP_CIPHER_CTX_free(context) }
        guard EVP_CipherInit_ex2(context, cipher, key, iv, encrypting ? 1 : 0, nil) == 1 else {
            throw .unavailable(algorithm: rawValue)
        }
        if padding == .none { EVP_CIPHER_CTX_set_padding(context, 0) }
        var output = [UInt8](repeating: 0, count: input.count + blockSize)
        var written: Int32 = 0
        var finalWritten: Int32 = 0
        let ok = output.withUnsafeMutableBufferPointer { out -> Bool in
            guard let base = out.baseAddress,
                EVP_CipherUpdate(context, base, &written, input, Int32(input.count)) == 1
            else { return false }
            return EVP_CipherFinal_ex(context, base + Int(written), &finalWritten) == 1
        }
        guard ok else { throw .badPadding(algorithm: rawValue) }
        return Array(output.prefix(Int(written + finalWritten)))
    }
}

/// A cipher fetched from OpenSSL once, after the providers are loaded, and kept: fetching is
/// far dearer than encrypting a small message.
private final class FetchedCipher: @unchecked Sendable {
    // Safe to share: an EVP_CIPHER from EVP_CIPHER_fetch is immutable and reference-counted by OpenSSL.
    let pointer: OpaquePointer?

    private init(_ name: String) {
        OpenSSLProviders.ensureLoaded()
        pointer = EVP_CIPHER_fetch(nil, name, nil)
    }

    static let aes128CBC = FetchedCipher(Cipher.aes128CBC.rawValue)
    static let desCBC = FetchedCipher(Cipher.desCBC.rawValue)
}
