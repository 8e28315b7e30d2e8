/// Why a cryptographic operation failed. Messages never include key material.
public enum CryptoError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The key is not the length the algorithm takes.
    case wrongKeyLength(algorithm: String, expected: Int, actual: Int)
    /// The IV is not the algorithm's block length.
    case wrongIVLength(algorithm: String, expected: Int, actual: Int)
    /// Decryption produced invalid padding: wrong key, wrong IV or damaged ciphertext.
    case badPadding(algorithm: String)
    /// The ciphertext is not a whole number of blocks.
    case badCiphertextLength(algorithm: String, length: Int, blockSize: Int)
    /// Base64 text with a character outside the alphabet, or of impossible length.
    case badBase64(offset: Int, reason: String)
    /// OpenSSL could not provide the algorithm (e.g. the legacy provider for DES is missing).
    case unavailable(algorithm: String)
    /// OpenSSL failed inside an operation (it could not allocate); no input causes it.
    case failed(operation: String)

    public var description: String {
        switch self {
        case .wrongKeyLength(let algorithm, let expected, let actual):
            "\(algorithm) needs a \(expected)-byte key, got \(actual) bytes"
        case .wrongIVLength(let algorithm, let expected, let actual):
            "\(algorithm) needs a \(expected)-byte IV, got \(actual) bytes"
        case .badPadding(let algorithm):
            "\(algorithm) decryption failed: bad padding (wrong key or IV, or damaged ciphertext)"
        case .badCiphertextLength(let algorithm, let length, let blockSize):
            "\(algorithm) ciphertext of \(length) bytes is not a multiple of the \(blockSize)-byte block"
        case .badBase64(let offset, let reason):
            "invalid Base64 at character \(offset): \(reason)"
        case .unavailable(let algorithm):
            "OpenSSL does not provide \(algorithm) (for DES, the 'legacy' provider must be installed)"
        case .failed(let operation):
            "OpenSSL failed in \(operation)"
        }
    }
}
