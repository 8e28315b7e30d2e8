import Foundation
import InterchangeRuntime

/// Exit statuses shared by both executables.
public enum ExitStatus: Int32 {
    case ok = 0
    /// The input (a spec, a payload) is invalid.
    case invalidInput = 1
    /// Bad usage or an I/O failure.
    case usageOrIO = 2
}

/// A usage mistake; the message is printed after the tool's name.
public struct UsageError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// Minimal argument reading: `--name value` options, `--flag` switches, positionals.
public struct Arguments {
    private var remaining: [String]

    public init(_ arguments: some Sequence<String>) {
        remaining = Array(arguments)
    }

    public var wantsHelp: Bool { remaining.contains("--help") || remaining.contains("-h") }

    /// Removes `--name value` (repeatable options return every value).
    public mutating func options(_ name: String) throws -> [String] {
        var values: [String] = []
        while let index = remaining.firstIndex(of: name) {
            guard index + 1 < remaining.count else { throw UsageError("\(name) needs a value") }
            values.append(remaining[index + 1])
            remaining.removeSubrange(index...index + 1)
        }
        return values
    }

    public mutating func option(_ name: String) throws -> String? {
        let values = try options(name)
        guard values.count <= 1 else { throw UsageError("\(name) given more than once") }
        return values.first
    }

    public mutating func flag(_ name: String) -> Bool {
        guard let index = remaining.firstIndex(of: name) else { return false }
        remaining.remove(at: index)
        return true
    }

    /// The positionals left; unknown `--options` are usage errors.
    public mutating func positionals() throws -> [String] {
        if let unknown = remaining.first(where: { $0.hasPrefix("--") }) {
            throw UsageError("unknown option '\(unknown)'")
        }
        defer { remaining = [] }
        return remaining
    }
}

/// The compile-and-write job behind `interchange generate` and `interchange-compiler`.
public enum GenerateJob {
    /// Checks the specs under `specRoot` and writes Swift under `outputDirectory`: all of
    /// them, or only the protocol folders of `only` (spec file paths) when it is not empty.
    /// Diagnostics go to standard error; returns the exit status.
    public static func run(specRoot: String, outputDirectory: String, flat: Bool, only: [String] = []) -> ExitStatus {
        guard var sources = SpecFiles.sourcesOrReport(underRoot: specRoot) else { return .usageOrIO }
        if !only.isEmpty {
            let known = Dictionary(sources.map { (absolutePath($0.displayPath), $0.folder) }, uniquingKeysWith: { a, _ in a })
            var folders = Set<String>()
            for file in only {
                guard let folder = known[absolutePath(file)] else {
                    printError("error: '\(file)' is not a spec file under '\(specRoot)'")
                    return .usageOrIO
                }
                folders.insert(folder)
            }
            sources = sources.filter { folders.contains($0.folder) }
        }
        let (models, diagnostics) = Compiler().check(sources)
        for diagnostic in diagnostics { printError(diagnostic.description) }
        guard !diagnostics.containsErrors else { return .invalidInput }
        do {
            try SpecFiles.write(Compiler().generate(models, flat: flat), to: outputDirectory)
        } catch {
            printError("error: cannot write to '\(outputDirectory)': \(error.localizedDescription)")
            return .usageOrIO
        }
        return .ok
    }
}

private func absolutePath(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.path
}

/// Writes a line to standard error.
public func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
