// interchange-compiler: the compiler core alone, as the build-tool plugin runs it.
//
//   interchange-compiler --specs DIR --out DIR [--flat] [SPEC...]
//
// Compiles the *.yaml under --specs (one protocol per folder; with SPEC files, only their
// folders) and writes one Swift file per spec file under --out, only where the bytes
// change. --flat names outputs `Folder_Stem.swift` in one directory (the plugin's work folder).
import Foundation
import InterchangeCompiler

let usage = """
    usage: interchange-compiler --specs DIR --out DIR [--flat] [SPEC...]

    Compiles the YAML specs under DIR (one protocol per folder) into Swift. With SPEC
    files, compiles only the protocol folders that hold them.
    Exit status: 0 ok, 1 invalid specs, 2 usage or I/O error.
    """

var arguments = Arguments(CommandLine.arguments.dropFirst())
if arguments.wantsHelp {
    print(usage)
    exit(0)
}
do {
    guard let specs = try arguments.option("--specs"), let out = try arguments.option("--out") else {
        throw UsageError("--specs and --out are required")
    }
    let flat = arguments.flag("--flat")
    let only = try arguments.positionals()
    exit(GenerateJob.run(specRoot: specs, outputDirectory: out, flat: flat, only: only).rawValue)
} catch {
    printError("interchange-compiler: \(error)\n\n\(usage)")
    exit(ExitStatus.usageOrIO.rawValue)
}
