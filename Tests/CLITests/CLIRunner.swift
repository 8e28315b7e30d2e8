import Foundation

/// Runs the built `interchange` executable and captures what it prints.
struct CLIRun {
    let status: Int32
    let stdout: String
    let stderr: String
}

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The executable sits in the build folder, next to the test runner.
func interchange(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> CLIRun {
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
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
    let stderrData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLIRun(
        status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
        stderr: String(decoding: stderrData, as: UTF8.self))
}
