import Foundation
import InterchangeCompiler

/// A spec folder as a git revision holds it: the folder's files at `ref`, extracted with
/// `git archive` into a temporary folder that `remove()` deletes. Diagnostics and reports name
/// its files `REF:path/in/repository`.
struct GitRevision {
    let ref: String
    /// The extracted copy of the folder.
    let root: URL
    private let temporary: URL
    /// The folder's path inside the repository, e.g. `Specs`.
    private let prefix: String

    /// The folder `folder` (inside a git work tree) as of `ref`.
    init(_ ref: String, of folder: String) throws {
        self.ref = ref
        let top = try Self.git(["-C", folder, "rev-parse", "--show-toplevel"])
        prefix = try Self.git(["-C", folder, "rev-parse", "--show-prefix"])
        temporary = FileManager.default.temporaryDirectory.appendingPathComponent("interchange-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let archive = temporary.appendingPathComponent("specs.tar")
        do {
            _ = try Self.git(["-C", top, "archive", "--format=tar", "-o", archive.path, ref, "--", prefix.isEmpty ? "." : prefix])
            _ = try Self.run("/usr/bin/env", ["tar", "-xf", archive.path, "-C", temporary.path])
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        root = prefix.isEmpty ? temporary : temporary.appendingPathComponent(prefix)
    }

    /// The extracted spec files, named as the revision holds them.
    func sources() throws -> [SpecSource] {
        try SpecFiles.sources(underRoot: root.path).map { source in
            SpecSource(displayPath: "\(ref):\(prefix)\(source.relativePath)", relativePath: source.relativePath, contents: source.contents)
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: temporary)
    }

    /// What `git arguments` prints, trimmed; a usage error with git's own message on failure.
    private static func git(_ arguments: [String]) throws -> String {
        let subcommand = arguments.first == "-C" ? arguments.dropFirst(2).first ?? "" : arguments.first ?? ""
        return try run("/usr/bin/env", ["git"] + arguments, what: "git \(subcommand)")
    }

    private static func run(_ executable: String, _ arguments: [String], what: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complaint = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: complaint, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw UsageError("\(what ?? arguments.first ?? executable) failed: \(message)")
        }
        return String(decoding: printed, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
