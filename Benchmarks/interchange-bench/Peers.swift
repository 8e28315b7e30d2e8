import Foundation
import InterchangeRuntime

/// The peers' figures: Benchmarks/peers.py run with Python, if it can be.
enum Peers {
    /// Payload name → peer name → median nanoseconds; nil when the peers could not run.
    static func run(quick: Bool) -> [String: [String: Double]]? {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("peers.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path] + (quick ? ["--quick"] : [])
        let output = Pipe()
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            FileHandle.standardError.write(Data("peers: cannot run python3 (\(error)); skipping them\n".utf8))
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, case .object(let payloads)? = try? JSONReader().read(Array(data)) else {
            FileHandle.standardError.write(Data("peers: peers.py failed (exit \(process.terminationStatus)); skipping them\n".utf8))
            return nil
        }
        var figures: [String: [String: Double]] = [:]
        for payload in payloads.members {
            guard case .object(let peers) = payload.value else { continue }
            figures[payload.key] = Dictionary(uniqueKeysWithValues: peers.members.compactMap { peer in
                if case .number(let number) = peer.value { return (peer.key, number.doubleValue) }
                return nil
            })
        }
        return figures
    }
}
