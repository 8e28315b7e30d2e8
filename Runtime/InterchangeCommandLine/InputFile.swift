import Foundation
import InterchangeCompiler

/// A file or standard input, read in chunks: nothing past a size limit is kept, and JSON
/// Lines are handed out one line at a time, so memory stays flat whatever the input's size.
/// Works on pipes and `/dev/fd/N` (process substitution) as on regular files.
struct InputFile: ~Copyable {
    /// The name diagnostics use: the path, or `<stdin>`.
    let display: String
    private let descriptor: Int32
    /// Whether the descriptor is ours to close (not standard input's).
    private let ownsDescriptor: Bool
    private static let chunkSize = 64 * 1024

    /// Opens `path`, or reads `standardInput` for `-` or no path.
    init(_ path: String?, standardInput: Int32) throws {
        guard let path, path != "-" else {
            display = "<stdin>"
            descriptor = standardInput
            ownsDescriptor = false
            return
        }
        ownsDescriptor = true
        display = path
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw UsageError("cannot read '\(path)': \(String(cString: strerror(errno)))") }
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// The whole input; more than `limit` bytes is an error, found without reading further.
    func readAll(limit: Int) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: Self.chunkSize)
        while true {
            let count = try read(into: &chunk)
            if count == 0 { return bytes }
            guard bytes.count + count <= limit else { throw InputTooLarge(display: display, limit: limit) }
            bytes.append(contentsOf: chunk[..<count])
        }
    }

    /// Calls `body` with each non-blank line and its 1-based number as soon as it is read; a
    /// line longer than `limit` bytes is passed as `nil`, and skipped without being kept.
    func forEachLine(limit: Int, _ body: (Int, [UInt8]?) throws -> Void) throws {
        var line: [UInt8] = []
        var number = 1
        var overlong = false
        var chunk = [UInt8](repeating: 0, count: Self.chunkSize)
        func finish() throws {
            if overlong {
                try body(number, nil)
            } else if !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                try body(number, line)
            }
            line.removeAll(keepingCapacity: line.count <= Self.chunkSize)
            overlong = false
            number += 1
        }
        while true {
            let count = try read(into: &chunk)
            if count == 0 { break }
            var start = 0
            while start < count {
                let newline = chunk[start..<count].firstIndex(of: 0x0A)
                let end = newline ?? count
                if !overlong {
                    if line.count + (end - start) > limit {
                        overlong = true
                        line.removeAll()
                    } else {
                        line.append(contentsOf: chunk[start..<end])
                    }
                }
                guard newline != nil else { break }
                try finish()
                start = end + 1
            }
        }
        if overlong || !line.isEmpty { try finish() }
    }

    /// Calls `body` with each chunk as it is read.
    func forEachChunk(_ body: (ArraySlice<UInt8>) throws -> Void) throws {
        var chunk = [UInt8](repeating: 0, count: Self.chunkSize)
        while true {
            let count = try read(into: &chunk)
            if count == 0 { return }
            try body(chunk[..<count])
        }
    }

    private func read(into chunk: inout [UInt8]) throws -> Int {
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count >= 0 { return count }
            if errno != EINTR { throw UsageError("cannot read '\(display)': \(String(cString: strerror(errno)))") }
        }
    }
}

/// An input larger than the limit that applies to it.
struct InputTooLarge: Error, CustomStringConvertible {
    let display: String
    let limit: Int

    var description: String { "'\(display)' is larger than \(limit) bytes, the most a message may have" }
}
