import Foundation
import InterchangeCompiler
import InterchangeRuntime

/// Reading what the user gives the CLI: a file or standard input, secrets, a profile.
enum Input {
    /// The most any command reads from one input: a message's limit (DB4403's 10 MiB).
    static let maxBytes = JSONReader.defaultMaxBytes

    /// The bytes of `path`, or of standard input for `-` or no path, at most `limit` of them.
    static func bytes(_ path: String?, limit: Int = maxBytes) throws -> [UInt8] {
        try InputFile(path).readAll(limit: limit)
    }

    /// The single optional FILE positional.
    static func file(_ arguments: inout Arguments, extra allowed: Int = 0) throws -> (file: String?, rest: [String]) {
        let positionals = try arguments.positionals()
        guard positionals.count <= 1 + allowed else { throw UsageError("too many arguments: \(positionals.joined(separator: " "))") }
        return (positionals.count > allowed ? positionals[allowed] : nil, Array(positionals.prefix(allowed)))
    }

    /// A secret from `--flag` or the environment variable; its value is never printed.
    static func secret(_ arguments: inout Arguments, flag: String, environment: String) throws -> String {
        if let value = try arguments.option(flag) { return value }
        if let value = ProcessInfo.processInfo.environment[environment], !value.isEmpty { return value }
        throw UsageError("give \(flag) or set \(environment)")
    }

    /// The peer profile in `--profile FILE`, or the default.
    static func profile(_ arguments: inout Arguments) throws -> PeerProfile {
        guard let path = try arguments.option("--profile") else { return PeerProfile() }
        let bytes = try Input.bytes(path)
        do {
            return try PeerProfile(json: try JSONReader().read(bytes))
        } catch let error as JSONReadError {
            throw UsageError("\(path): \(error)")
        } catch {
            throw UsageError("\(path): \(error)")
        }
    }

    /// Parses JSON input, or reports where it is malformed (exit 1).
    static func json(_ bytes: [UInt8], name: String?) -> JSONValue? {
        do {
            return try JSONReader().read(bytes)
        } catch {
            printError(error.diagnostic(file: name ?? "<stdin>").description)
            return nil
        }
    }
}

/// Writes bytes to standard output as they are.
func writeOut(_ bytes: [UInt8]) {
    FileHandle.standardOutput.write(Data(bytes))
}
