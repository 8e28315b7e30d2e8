import InterchangeCompiler
import InterchangeRuntime

/// The `interchange` command-line tool as a library: `run` takes the arguments after the
/// tool's name and returns the exit status (0 ok, 1 invalid input, 2 usage or I/O error).
/// The executable is a thin shell over it; tests and other tools run it in-process.
public struct InterchangeTool: Sendable {
    /// The protocols the tool knows, by lower-cased catalog name (`db4403`).
    let protocols: [String: any ProtocolDescriptor]
    let console: Console

    /// A tool knowing `protocols` (the bundled ones unless told otherwise), writing to `console`.
    public init(protocols: [any ProtocolDescriptor] = InterchangeTool.bundledProtocols, console: Console = .standard) {
        self.protocols = Dictionary(protocols.map { ($0.catalog.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        self.console = console
    }

    /// Runs one command, e.g. `["validate", "evcs", "query_start_charge", "-"]`.
    public func run(_ arguments: [String]) -> Int32 {
        guard let name = arguments.first, let command = Self.command(named: name) else {
            if arguments.isEmpty || arguments == ["--help"] || arguments == ["-h"] {
                console.out(Self.usage)
                return ExitStatus.ok.rawValue
            }
            console.error("interchange: unknown command '\(arguments[0])'\n\n\(Self.usage)")
            return ExitStatus.usageOrIO.rawValue
        }
        var rest = Arguments(arguments.dropFirst())
        do {
            return try command(&rest, self).rawValue
        } catch {
            console.error("interchange \(name): \(error)\nRun `interchange \(name) --help` for usage.")
            return ExitStatus.usageOrIO.rawValue
        }
    }

    /// The descriptor of the protocol named `name` (any case), or a usage error listing them.
    func descriptor(_ name: String) throws -> any ProtocolDescriptor {
        guard let descriptor = protocols[name.lowercased()] else {
            throw UsageError("unknown protocol '\(name)'; known: \(knownProtocols)")
        }
        return descriptor
    }

    /// The known protocols' names, for messages.
    var knownProtocols: String { protocols.keys.sorted().joined(separator: ", ") }

    private static func command(named name: String) -> ((inout Arguments, InterchangeTool) throws -> ExitStatus)? {
        switch name {
        case "check": CheckCommand.run
        case "generate": GenerateCommand.run
        case "describe": DescribeCommand.run
        case "coverage": CoverageCommand.run
        case "diff": DiffCommand.run
        case "profile": ProfileCommand.run
        case "validate": ValidateCommand.run
        case "list": ListCommand.run
        case "export": ExportCommand.run
        case "seal": SealCommand.seal
        case "open": SealCommand.open
        case "crc16": SealCommand.crc16
        case "sign": SignCommand.sign
        case "verify": SignCommand.verify
        case "encrypt": CipherCommand.encrypt
        case "decrypt": CipherCommand.decrypt
        case "frame": FrameCommand.frame
        case "unframe": FrameCommand.unframe
        default: nil
        }
    }

    static let usage = """
        usage: interchange <command> [options] [FILE|-]

        commands:
          check [DIR...]                    lint spec folders (default: Specs)
          generate --specs DIR --out DIR    compile specs into Swift
          describe PROTOCOL [NAME]          show a protocol, or one of its tables as the document does
          validate PROTOCOL INTERFACE [FILE...|-]   check payloads against an interface's tables
          list [PROTOCOL]                   the interfaces of a protocol
          coverage [PROTOCOL...]            every source table or clause, and the spec element covering it
          diff OLD NEW | NEW --against git:REF   what a revised spec breaks (wire, Swift) and adds
          profile check [FILE|-]            what a peer profile does, setting by setting
          export jsonschema PROTOCOL --out DIR   JSON Schema (2020-12) per table and interface
          seal PROTOCOL [FILE|-]            seal business data (its text verbatim) into a whole request or answer
          open PROTOCOL [FILE|-]            check a whole message's signature and decrypt it
          sign db4403|evcs [FILE|-]         sign business data, or seal an EVCS request
          verify db4403|evcs [FILE|-]       check a received request's sign/Sig over its raw text
          encrypt aes|des [FILE|-]          AES-128-CBC or DES-CBC, printed as Base64
          decrypt aes|des [FILE|-]          the reverse
          frame --command N [FILE|-]        wrap JSON in a DB4403 TCP (SZTC) frame
          unframe [FILE|-]                  read SZTC frames, one JSON line each
          crc16 [--hex] [FILE|-]            the CRC-16/XMODEM of bytes

        Run `interchange <command> --help` for a command's options.
        Exit status: 0 ok, 1 invalid input, 2 usage or I/O error.
        """
}
