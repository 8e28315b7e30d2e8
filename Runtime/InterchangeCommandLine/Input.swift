import Foundation
import InterchangeCompiler
import InterchangeRuntime

/// Reading what the user gives the CLI: the FILE positional.
enum Input {
    /// The most any command reads from one input: a message's limit (10 MiB).
    static let maxBytes = JSONReader.defaultMaxBytes

    /// The single optional FILE positional.
    static func file(_ arguments: inout Arguments, extra allowed: Int = 0) throws -> (file: String?, rest: [String]) {
        let positionals = try arguments.positionals()
        guard positionals.count <= 1 + allowed else { throw UsageError("too many arguments: \(positionals.joined(separator: " "))") }
        return (positionals.count > allowed ? positionals[allowed] : nil, Array(positionals.prefix(allowed)))
    }
}

/// Reading what the user gives the CLI: files or standard input, secrets, a profile.
extension InterchangeTool {
    /// Opens `path`, or standard input for `-` or no path.
    func input(_ path: String?) throws -> InputFile {
        try InputFile(path, standardInput: console.standardInput)
    }

    /// The bytes of `path`, or of standard input for `-` or no path, at most `limit` of them.
    func bytes(_ path: String?, limit: Int = Input.maxBytes) throws -> [UInt8] {
        try input(path).readAll(limit: limit)
    }

    /// A secret from `--flag` or the environment variable; its value is never printed.
    func secret(_ arguments: inout Arguments, flag: String, environment: String) throws -> String {
        if let value = try arguments.option(flag) { return value }
        if let value = console.environment[environment], !value.isEmpty { return value }
        throw UsageError("give \(flag) or set \(environment)")
    }

    /// The peer profile in `--profile FILE`, or the default.
    func profile(_ arguments: inout Arguments) throws -> PeerProfile {
        guard let path = try arguments.option("--profile") else { return PeerProfile() }
        let bytes = try bytes(path)
        do {
            return try PeerProfile(json: try JSONReader().read(bytes))
        } catch {
            throw UsageError("\(path): \(error)")
        }
    }

    /// Parses JSON input, or reports where it is malformed (exit 1).
    func json(_ bytes: [UInt8], name: String?) -> JSONValue? {
        do {
            return try JSONReader().read(bytes)
        } catch {
            console.error(error.diagnostic(file: name ?? "<stdin>").description)
            return nil
        }
    }

    /// The secrets of every known protocol given as `--NAME` options, else by their
    /// environment variables. Never printed.
    func secretValues(_ arguments: inout Arguments) throws -> SecretValues {
        var values: [String: String] = [:]
        for requirement in protocols.values.flatMap(\.secrets) where values[requirement.name] == nil {
            values[requirement.name] = try arguments.option("--" + requirement.name) ?? console.environment[requirement.environment]
        }
        return SecretValues(values)
    }
}
