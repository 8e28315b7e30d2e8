import COpenSSL

/// HMAC over OpenSSL's EVP interface.
public enum HMAC: Sendable {
    case md5

    /// The MAC of `message` under `key`.
    public func authenticationCode(_ message: some Collection<UInt8>, key: some Collection<UInt8>) -> [UInt8] {
        OpenSSLProviders.ensureLoaded()
        let key = Array(key)
        let message = Array(message)
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length = 0
        let result = EVP_Q_mac(nil, "HMAC", nil, "MD5", nil, key, key.count, message, message.count, &output, output.count, &length)
        // EVP_Q_mac fails only when OpenSSL itself cannot allocate; no input can cause it.
        precondition(result != nil, "OpenSSL EVP_Q_mac(HMAC-MD5) failed")
        return Array(output.prefix(length))
    }
}
