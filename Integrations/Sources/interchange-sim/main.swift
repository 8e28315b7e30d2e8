import Foundation
import InterchangeSimulator

exit(await SimulatorTool().run(Array(CommandLine.arguments.dropFirst())))
