import Foundation
import InterchangeRuntime

/// Exit statuses shared by both executables.
package enum ExitStatus: Int32 {
    case ok = 0
    /// The input (a spec, a payload) is invalid.
    case invalidInput = 1
    /// Bad usage or an I/O failure.
    case usageOrIO = 2
}

/// A usage mistake; the message is printed after the tool's name.
package struct UsageError: Error, CustomStringConvertible {
    package let description: String

    package init(_ description: String) {
        self.description = description
    }
}

/// Minimal argument reading: `--name value` options, `--flag` switches, positionals.
package struct Arguments {
    private var remaining: [String]

    package init(_ arguments: some Sequence<String>) {
        remaining = Array(arguments)
    }

    package var wantsHelp: Bool { remaining.contains("--help") || remaining.contains("-h") }

    /// Removes `--name value` (repeatable options return every value).
    package mutating func options(_ name: String) throws -> [String] {
        var values: [String] = []
        while let index = remaining.firstIndex(of: name) {
            guard index + 1 < remaining.count else { throw UsageError("\(name) needs a value") }
            values.append(remaining[index + 1])
            remaining.removeSubrange(index...index + 1)
        }
        return values
    }

    package mutating func option(_ name: String) throws -> String? {
        let values = try options(name)
        guard values.count <= 1 else { throw UsageError("\(name) given more than once") }
        return values.first
    }

    package mutating func flag(_ name: String) -> Bool {
        guard let index = remaining.firstIndex(of: name) else { return false }
        remaining.remove(at: index)
        return true
    }

    /// The positionals left; unknown `--options` are usage errors.
    package mutating func positionals() throws -> [String] {
        if let unknown = remaining.first(where: { $0.hasPrefix("--") }) {
            throw UsageError("unknown option '\(unknown)'")
        }
        defer { remaining = [] }
        return remaining
    }
}

/// The compile-and-write job behind `interchange generate` and `interchange-compiler`.
package enum GenerateJob {
    /// Checks the specs under `specRoot` and writes Swift under `outputDirectory`: all of
    /// them, or only the protocol folders of `only` (spec file paths) when it is not empty.
    /// Diagnostics go to `report` (standard error by default); returns the exit status.
    package static func run(
        specRoot: String, outputDirectory: String, flat: Bool, only: [String] = [], report: (String) -> Void = printError
    ) -> ExitStatus {
        guard var sources = SpecFiles.sourcesOrReport(underRoot: specRoot, report: report) else { return .usageOrIO }
        if !only.isEmpty {
            let known = Dictionary(sources.map { (absolutePath($0.displayPath), $0.folder) }, uniquingKeysWith: { a, _ in a })
            var folders = Set<String>()
            for file in only {
                guard let folder = known[absolutePath(file)] else {
                    report("error: '\(file)' is not a spec file under '\(specRoot)'")
                    return .usageOrIO
                }
                folders.insert(folder)
            }
            sources = sources.filter { folders.contains($0.folder) }
        }
        let (models, diagnostics) = Compiler().check(sources)
        for diagnostic in diagnostics { report(diagnostic.description) }
        guard !diagnostics.containsErrors else { return .invalidInput }
        do {
            try SpecFiles.write(Compiler().generate(models, flat: flat), to: outputDirectory)
        } catch {
            report("error: cannot write to '\(outputDirectory)': \(error.localizedDescription)")
            return .usageOrIO
        }
        return .ok
    }
}

private func absolutePath(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.path
}

/// Writes a line to standard error.
package func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
