import DB4403TCP
import DB4403Wire
import Foundation
import Hummingbird
import InterchangeCommandLine
import InterchangeHummingbird
import InterchangeRuntime
import Logging

/// `interchange-sim`: a mock partner (`serve`), a client (`call`) and a conformance suite
/// (`conform`) for every bundled protocol. `run` returns the exit status: 0 ok, 1 a refusal, an
/// invalid answer or a failed check, 2 usage or I/O error.
public struct SimulatorTool: Sendable {
    let protocols: [any ProtocolDescriptor]
    let console: Console

    /// A simulator knowing `protocols`, writing to `console`.
    public init(protocols: [any ProtocolDescriptor] = InterchangeTool.bundledProtocols, console: Console = .standard) {
        self.protocols = protocols
        self.console = console
    }

    /// Runs one command, e.g. `["serve", "evcs", "--role", "chargingOperator", "--port", "8080"]`.
    public func run(_ arguments: [String]) async -> Int32 {
        guard let command = arguments.first, ["serve", "call", "conform"].contains(command) else {
            if arguments.isEmpty || arguments == ["--help"] || arguments == ["-h"] {
                out(Self.usage)
                return 0
            }
            error("interchange-sim: unknown command '\(arguments[0])'\n\n\(Self.usage)")
            return 2
        }
        if arguments.contains("--help") || arguments.contains("-h") {
            out(Self.usage)
            return 0
        }
        do {
            switch command {
            case "serve": return try await serve(Array(arguments.dropFirst()))
            case "call": return try await call(Array(arguments.dropFirst()))
            default: return try await conform(Array(arguments.dropFirst()))
            }
        } catch {
            self.error("interchange-sim \(command): \(error)")
            return 2
        }
    }

    static let usage = """
        usage: interchange-sim <command> PROTOCOL [options]

          serve PROTOCOL --role ROLE --port N [--host H] [--partner FILE] [--partners FILE]
                [--answers DIR] [--record FILE] [--fault F]... [--tcp-port N --accounts FILE]
              a mock partner serving every interface of ROLE with valid answers built from the
              tables (or DIR/<interface>.json), recording each exchange as JSON Lines;
              faults: delay=MS, code=N, token-expiry, no-token-check, no-replay-check,
              invalid-answer, drop, each optionally ,every=N. DB4403 cityPlatform also listens for
              TCP logins (1004, accounts {"userId": {"password", "key"}}) on --tcp-port.
          call PROTOCOL INTERFACE --url URL [--partner FILE] [--role ROLE] [FILE|-]
              call a partner: token, seal, send, open, validate the answer, print it
          conform PROTOCOL --role ROLE --url URL [--partner FILE] [--format text|json] [--junit FILE]
              check a partner's implementation of ROLE: a valid request per interface and the
              refusals the standard demands (bad signature, expired token, replay, missing
              field, too long, not enumerated), each with the expected code

        A partner file: {"secrets": {"operator-id", "data-secret", "data-iv", "sig-secret", "key", …},
        "operatorSecret": "…" (EVCS query_token), "token": "…", "profile": {…}}.
        Exit status: 0 ok, 1 refused, invalid or failed checks, 2 usage or I/O error.
        """

    func descriptor(_ name: String) throws(SimUsageError) -> any ProtocolDescriptor {
        guard let found = protocols.first(where: { $0.catalog.name.lowercased() == name.lowercased() }) else {
            throw SimUsageError("unknown protocol '\(name)'; known: \(protocols.map { $0.catalog.name.lowercased() }.joined(separator: ", "))")
        }
        return found
    }

    func out(_ text: String) { console.writeOutput(Array((text + "\n").utf8)) }
    func error(_ text: String) { console.writeError(Array((text + "\n").utf8)) }
}
