import Foundation

/// Where a run of the tool reads and writes: standard output and error, standard input and
/// the environment. `Console.standard` is the process's own; tests give their own to run the
/// tool in-process and read what it wrote.
public struct Console: Sendable {
    /// Receives bytes for standard output.
    public let writeOutput: @Sendable ([UInt8]) -> Void
    /// Receives bytes for standard error.
    public let writeError: @Sendable ([UInt8]) -> Void
    /// The file descriptor read for `-` (or no FILE).
    public let standardInput: Int32
    /// Where secrets (`INTERCHANGE_*`) are looked up when no flag gives them.
    public let environment: [String: String]

    /// A console reading `standardInput`, looking secrets up in `environment`, and handing
    /// output and errors to the two closures (called on the running thread, in order).
    public init(
        standardInput: Int32, environment: [String: String], writeOutput: @escaping @Sendable ([UInt8]) -> Void,
        writeError: @escaping @Sendable ([UInt8]) -> Void
    ) {
        self.standardInput = standardInput
        self.environment = environment
        self.writeOutput = writeOutput
        self.writeError = writeError
    }

    /// The process's standard streams and environment.
    public static var standard: Console {
        Console(
            standardInput: STDIN_FILENO, environment: ProcessInfo.processInfo.environment,
            writeOutput: { FileHandle.standardOutput.write(Data($0)) }, writeError: { FileHandle.standardError.write(Data($0)) })
    }

    /// Writes a line to standard output.
    func out(_ line: String) { writeOutput(Array((line + "\n").utf8)) }

    /// Writes a line to standard error.
    func error(_ line: String) { writeError(Array((line + "\n").utf8)) }
}
