import Foundation
import InterchangeCommandLine
import InterchangeRuntime
import Synchronization

/// What one run of the tool printed, and its exit status.
struct CLIRun {
    let status: Int32
    let stdout: String
    let stderr: String
}

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// Runs the tool in-process, as the `interchange` executable would with `arguments`, from the
/// repository's root, with `stdin` as standard input and `environment` added to the process's.
/// `protocols` replaces the bundled registry.
func interchange(
    _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
    protocols: [any ProtocolDescriptor] = InterchangeTool.bundledProtocols
) throws -> CLIRun {
    _ = FileManager.default.changeCurrentDirectoryPath(repositoryRoot.path)
    let input = FileManager.default.temporaryDirectory.appendingPathComponent("interchange-stdin-\(UUID().uuidString)")
    try Data((stdin ?? "").utf8).write(to: input)
    defer { try? FileManager.default.removeItem(at: input) }
    let descriptor = open(input.path, O_RDONLY)
    guard descriptor >= 0 else { throw CocoaError(.fileReadUnknown) }
    defer { close(descriptor) }
    let out = Mutex<[UInt8]>([])
    let err = Mutex<[UInt8]>([])
    let console = Console(
        standardInput: descriptor, environment: ProcessInfo.processInfo.environment.merging(environment) { _, new in new },
        writeOutput: { bytes in out.withLock { $0 += bytes } }, writeError: { bytes in err.withLock { $0 += bytes } })
    let status = InterchangeTool(protocols: protocols, console: console).run(arguments)
    return CLIRun(
        status: status, stdout: String(decoding: out.withLock { $0 }, as: UTF8.self),
        stderr: String(decoding: err.withLock { $0 }, as: UTF8.self))
}

/// Runs the built `interchange` executable itself (it sits in the build folder, next to the
/// test runner), for what only a process shows: the exit status it hands the shell, its
/// own standard input as `/dev/stdin`.
func interchangeProcess(_ arguments: [String], stdin: String = "") throws -> CLIRun {
    let runner = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
    let candidates = [runner.deletingLastPathComponent(), runner.deletingLastPathComponent().deletingLastPathComponent(), Bundle.main.bundleURL]
        .map { $0.appendingPathComponent("interchange") }
    guard let executable = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: candidates.map(\.path).joined(separator: ", ")])
    }
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = repositoryRoot
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let input = Pipe()
    process.standardInput = input
    try process.run()
    input.fileHandleForWriting.write(Data(stdin.utf8))
    try input.fileHandleForWriting.close()
    let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
    let stderrData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLIRun(
        status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
        stderr: String(decoding: stderrData, as: UTF8.self))
}
