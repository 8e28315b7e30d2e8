import Foundation
import PackagePlugin

/// Compiles the `*.yaml` specs of a target into Swift at build time.
///
/// Each folder of specs is one protocol and gets one build command, so editing one
/// protocol's YAML re-runs only that protocol's compile; the compiler rewrites only the
/// Swift files whose bytes change. Outputs are named `Folder_Stem.swift` (the rule of
/// `Compiler.outputPath(forSpec:flat:)`), so two folders may both hold `entities.yaml`.
@main
struct InterchangePlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let root = target.directoryURL.standardizedFileURL
        let specs = target.sourceFiles.map { $0.url.standardizedFileURL }
            .filter { ["yaml", "yml"].contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
        let byFolder = Dictionary(grouping: specs) { $0.deletingLastPathComponent().path }
        let compiler = try context.tool(named: "interchange-compiler").url
        let output = context.pluginWorkDirectoryURL
        return byFolder.keys.sorted().map { folder in
            let files = byFolder[folder] ?? []
            return .buildCommand(
                displayName: "Compiling Interchange specs in \(target.name)/\(relativePath(folder, to: root.path))",
                executable: compiler,
                arguments: ["--specs", root.path, "--out", output.path, "--flat"] + files.map(\.path),
                inputFiles: files,
                outputFiles: files.map { output.appendingPathComponent(outputName(relativePath($0.path, to: root.path))) })
        }
    }

    private func relativePath(_ path: String, to root: String) -> String {
        String(path.dropFirst(root.count).drop { $0 == "/" })
    }

    /// `Specs/Toll/gate_events.yaml` → `Specs_Toll_GateEvents.swift`.
    private func outputName(_ relative: String) -> String {
        var parts = relative.split(separator: "/").map(String.init)
        let stem = (parts.popLast() ?? "").replacingOccurrences(of: ".yaml", with: "").replacingOccurrences(of: ".yml", with: "")
        let words = stem.split(whereSeparator: { $0 == "_" || $0 == " " || $0 == "-" })
        let name = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return (parts + [name + ".swift"]).joined(separator: "_")
    }
}
