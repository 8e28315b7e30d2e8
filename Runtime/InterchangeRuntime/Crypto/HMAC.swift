import COpenSSL

/// HMAC over OpenSSL's EVP interface.
public enum HMAC: Sendable {
    /// HMAC-MD5 (16 bytes).
    case md5

    /// The MAC of `message` under `key`. Throws only when OpenSSL itself fails (it could not
    /// allocate).
    public func authenticationCode(_ message: some Collection<UInt8>, key: some Collection<UInt8>) throws(CryptoError) -> [UInt8] {
        OpenSSLProviders.ensureLoaded()
        let key = Array(key)
        let message = Array(message)
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length = 0
        let result = EVP_Q_mac(nil, "HMAC", nil, "MD5", nil, key, key.count, message, message.count, &output, output.count, &length)
        guard result != nil else { throw .failed(operation: "EVP_Q_mac(HMAC-MD5)") }
        return Array(output.prefix(length))
    }
}
