// interchange: the user's command-line tool. See `interchange --help`.
import Foundation
import InterchangeCompiler

let commands: [String: (inout Arguments) throws -> ExitStatus] = [
    "check": CheckCommand.run,
    "generate": GenerateCommand.run,
    "describe": DescribeCommand.run,
    "coverage": CoverageCommand.run,
    "validate": ValidateCommand.run,
    "list": ListCommand.run,
    "export": ExportCommand.run,
    "sign": SignCommand.sign,
    "verify": SignCommand.verify,
    "encrypt": CipherCommand.encrypt,
    "decrypt": CipherCommand.decrypt,
    "frame": FrameCommand.frame,
    "unframe": FrameCommand.unframe,
]

let usage = """
    usage: interchange <command> [options] [FILE|-]

    commands:
      check [DIR...]                    lint spec folders (default: Specs)
      generate --specs DIR --out DIR    compile specs into Swift
      describe PROTOCOL [NAME]          show a protocol, or one of its tables as the document does
      validate PROTOCOL INTERFACE [FILE...|-]   check payloads against an interface's tables
      list [PROTOCOL]                   the interfaces of a protocol
      coverage [PROTOCOL...]            every source table or clause, and the spec element covering it
      export jsonschema PROTOCOL --out DIR   JSON Schema (2020-12) per table and interface
      sign db4403|evcs [FILE|-]         sign business data, or seal an EVCS request
      verify db4403|evcs [FILE|-]       check a received request's sign/Sig over its raw text
      encrypt aes|des [FILE|-]          AES-128-CBC or DES-CBC, printed as Base64
      decrypt aes|des [FILE|-]          the reverse
      frame --command N [FILE|-]        wrap JSON in a DB4403 TCP (SZTC) frame
      unframe [FILE|-]                  read SZTC frames, one JSON line each

    Run `interchange <command> --help` for a command's options.
    Exit status: 0 ok, 1 invalid input, 2 usage or I/O error.
    """

var arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let command = commands[name] else {
    let asked = arguments.isEmpty || arguments == ["--help"] || arguments == ["-h"]
    if asked {
        print(usage)
        exit(0)
    }
    printError("interchange: unknown command '\(arguments[0])'\n\n\(usage)")
    exit(ExitStatus.usageOrIO.rawValue)
}
var rest = Arguments(arguments.dropFirst())
do {
    exit(try command(&rest).rawValue)
} catch {
    printError("interchange \(name): \(error)\nRun `interchange \(name) --help` for usage.")
    exit(ExitStatus.usageOrIO.rawValue)
}
