// interchange: the user's command-line tool. See `interchange --help`; the commands live in
// the InterchangeCommandLine library.
import Foundation
import InterchangeCommandLine

exit(InterchangeTool().run(Array(CommandLine.arguments.dropFirst())))
