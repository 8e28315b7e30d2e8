import Foundation
import InterchangeCompiler
import InterchangeRuntime

/// `interchange encrypt|decrypt aes|des`: the protocols' symmetric ciphers, with Base64 text.
enum CipherCommand {
    static let usage = """
        usage: interchange encrypt aes|des [--key K] [--iv IV] [FILE|-]
               interchange decrypt aes|des [--key K] [--iv IV] [--no-padding] [FILE|-]

        aes: AES-128-CBC, PKCS5/7 padding (EVCS Data, Youxing data); 16-byte key and IV.
        des: DES-CBC, PKCS7 padding (DB4403 passwords, 表34); 8-byte key and IV.
        encrypt reads plaintext and prints Base64; decrypt reads Base64 (line breaks allowed)
        and writes the plaintext bytes. --no-padding keeps every block: for looking into
        damaged ciphertext only.
        The key comes from --key or INTERCHANGE_KEY, the IV from --iv or INTERCHANGE_IV
        (default: the key). They are never printed.
        Exit status: 0 ok, 1 bad input (Base64, padding), 2 usage or I/O error.
        """

    static func encrypt(_ arguments: inout Arguments, _ tool: InterchangeTool) throws -> ExitStatus {
        try run(&arguments, encrypting: true, tool)
    }

    static func decrypt(_ arguments: inout Arguments, _ tool: InterchangeTool) throws -> ExitStatus {
        try run(&arguments, encrypting: false, tool)
    }

    private static func run(_ arguments: inout Arguments, encrypting: Bool, _ tool: InterchangeTool) throws -> ExitStatus {
        if arguments.wantsHelp {
            tool.console.out(usage)
            return .ok
        }
        let key = try tool.secret(&arguments, flag: "--key", environment: "INTERCHANGE_KEY")
        let iv = try arguments.option("--iv") ?? tool.console.environment["INTERCHANGE_IV"] ?? key
        let padding: Cipher.Padding = arguments.flag("--no-padding") ? .none : .pkcs7
        let (file, rest) = try Input.file(&arguments, extra: 1)
        let cipher: Cipher
        switch rest.first?.lowercased() {
        case "aes": cipher = .aes128CBC
        case "des": cipher = .desCBC
        default: throw UsageError("expected aes or des")
        }
        let input = try tool.bytes(file)
        switch transform(input, cipher: cipher, key: Array(key.utf8), iv: Array(iv.utf8), encrypting: encrypting, padding: padding) {
        case .success(let output):
            if encrypting { tool.console.out(Base64.encode(output)) } else { tool.console.writeOutput(output) }
            return .ok
        case .failure(.wrongKeyLength(let algorithm, let expected, let actual)):
            throw UsageError(CryptoError.wrongKeyLength(algorithm: algorithm, expected: expected, actual: actual).description)
        case .failure(.wrongIVLength(let algorithm, let expected, let actual)):
            throw UsageError(CryptoError.wrongIVLength(algorithm: algorithm, expected: expected, actual: actual).description)
        case .failure(let error):
            tool.console.error("\(file ?? "<stdin>"): error: \(error)")
            return .invalidInput
        }
    }

    private static func transform(
        _ input: [UInt8], cipher: Cipher, key: [UInt8], iv: [UInt8], encrypting: Bool, padding: Cipher.Padding
    ) -> Result<[UInt8], CryptoError> {
        do {
            if encrypting { return .success(try cipher.encrypt(input, key: key, iv: iv)) }
            let base64 = try Base64.decode(String(decoding: input, as: UTF8.self))
            return .success(try cipher.decrypt(base64, key: key, iv: iv, padding: padding))
        } catch {
            return .failure(error)
        }
    }
}
