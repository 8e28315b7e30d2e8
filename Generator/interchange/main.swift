// interchange: the user's command-line tool. See `interchange --help`.
import Foundation
import InterchangeCompiler

let commands: [String: (inout Arguments) throws -> ExitStatus] = [
    "check": CheckCommand.run,
    "generate": GenerateCommand.run,
    "describe": DescribeCommand.run,
]

let usage = """
    usage: interchange <command> [options] [FILE|-]

    commands:
      check [DIR...]                    lint spec folders (default: Specs)
      generate --specs DIR --out DIR    compile specs into Swift
      describe PROTOCOL [NAME]          show a protocol, or one of its tables as the document does

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
