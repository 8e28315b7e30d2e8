import InterchangeCompiler
import InterchangeRuntime

/// A minimal valid `protocol:` file for spec snippets.
let protocolSpec = """
    protocol:
      name: Demo
      title: 示例规范
      citation: DEMO 1—2024
      roles:
        platform: 管理平台
    """

/// Checks in-memory spec files of one protocol folder `Specs/Demo/`.
func check(_ files: [String: String]) -> (models: [ProtocolModel], diagnostics: [String]) {
    let sources = files.sorted { $0.key < $1.key }.map { name, text in
        SpecSource(displayPath: "Specs/Demo/\(name)", relativePath: "Demo/\(name)", text: text)
    }
    let result = Compiler().check(sources)
    return (result.models, result.diagnostics.map(\.description))
}

/// Diagnostics for one `types.yaml` next to a valid protocol file.
func diagnostics(types: String) -> [String] {
    check(["protocol.yaml": protocolSpec, "types.yaml": types]).diagnostics
}
