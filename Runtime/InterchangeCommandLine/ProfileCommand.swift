import InterchangeCompiler
import InterchangeRuntime

/// `interchange profile check FILE`: what a peer profile does, setting by setting.
enum ProfileCommand {
    static let usage = """
        usage: interchange profile check [FILE|-]

        Reads a peer profile (JSON: {"payloadKeyCasing": "lowerCamel", "fieldAliases": {...}, ...})
        and prints every setting with its value and what it does; settings the file gives are
        marked with *, the others are the defaults. The same file is --profile of validate,
        sign, verify, seal and open, and PeerProfile(json:) in a service.
        Exit status: 0 a good profile, 1 a bad one (the setting is named), 2 usage or I/O error.
        """

    static func run(_ arguments: inout Arguments, _ tool: InterchangeTool) throws -> ExitStatus {
        if arguments.wantsHelp {
            tool.console.out(usage)
            return .ok
        }
        let (file, rest) = try Input.file(&arguments, extra: 1)
        guard rest.first == "check" else { throw UsageError("expected: profile check [FILE|-]") }
        let name = file.flatMap { $0 == "-" ? nil : $0 } ?? "<stdin>"
        let given: JSONObject
        let profile: PeerProfile
        do {
            let value = try JSONReader().read(try tool.bytes(file))
            guard case .object(let object) = value else { throw EnvelopeError(.malformed, "a peer profile must be a JSON object") }
            given = object
            profile = try PeerProfile(json: value)
        } catch {
            tool.console.error("\(name): error: \(error)")
            return .invalidInput
        }
        tool.console.out("\(name): a valid peer profile")
        let rows = profile.settingsExplained.map { setting in
            [(given[setting.name] == nil ? "  " : "* ") + setting.name, setting.value, setting.meaning]
        }
        tool.console.out(TextTable(header: ["  setting", "value", "what it does"], rows: rows).lines.joined(separator: "\n"))
        return .ok
    }
}
