import Foundation
import InterchangeRuntime

/// One spec file's text and how to name it.
public struct SpecSource: Sendable {
    /// The path diagnostics print, e.g. `Specs/DB4403/entities.yaml`.
    public let displayPath: String
    /// The path relative to the spec root, e.g. `DB4403/entities.yaml`: its folder is the protocol.
    public let relativePath: String
    /// The file's bytes as read; the loader checks that they are UTF-8.
    public let contents: [UInt8]

    public init(displayPath: String, relativePath: String, contents: [UInt8]) {
        self.displayPath = displayPath
        self.relativePath = relativePath
        self.contents = contents
    }

    public init(displayPath: String, relativePath: String, text: String) {
        self.init(displayPath: displayPath, relativePath: relativePath, contents: Array(text.utf8))
    }

    /// The protocol folder, e.g. `DB4403`.
    package var folder: String {
        let parts = relativePath.split(separator: "/")
        return parts.dropLast().joined(separator: "/")
    }
}

/// One generated Swift file.
public struct GeneratedFile: Sendable, Hashable {
    /// Relative to the output folder: `DB4403/Entities.swift`, or with flat naming `DB4403_Entities.swift`.
    package let path: String
    public let contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

/// The compiler's front door: spec sources in, checked models and Swift files out, with
/// every diagnostic of the run.
public struct Compiler {
    public init() {}

    /// Loads, parses and checks the sources; one protocol per folder.
    public func check(_ sources: [SpecSource]) -> (models: [ProtocolModel], diagnostics: [Diagnostic]) {
        let sink = DiagnosticSink()
        var models: [ProtocolModel] = []
        let byFolder = Dictionary(grouping: sources, by: \.folder)
        for folder in byFolder.keys.sorted() {
            let files = (byFolder[folder] ?? []).sorted { $0.relativePath < $1.relativePath }.compactMap { source -> SpecFile? in
                switch YAMLLoader(file: source.displayPath).load(source.contents) {
                case .failure(let errors):
                    sink.append(contentsOf: errors.diagnostics)
                    return nil
                case .success(let root):
                    return SpecParser(sink: sink).parse(root, path: source.relativePath, displayPath: source.displayPath)
                }
            }
            let displayPath = byFolder[folder]?.first?.displayPath ?? folder
            if let model = SpecChecker(sink: sink).check(files, folder: displayPath) { models.append(model) }
        }
        return (sink.hasErrors ? [] : models, sink.sorted)
    }

    /// Generates Swift for checked models. Each spec file gives one Swift file named after it.
    public func generate(_ models: [ProtocolModel], flat: Bool = false) -> [GeneratedFile] {
        models.flatMap { model in
            let emitter = SwiftEmitter(model: model)
            return model.files.map { file in
                GeneratedFile(
                    path: Compiler.outputPath(forSpec: file.path, flat: flat),
                    contents: emitter.source(for: file, declaresProtocol: file.path == model.protocolFile))
            }
        }
    }

    /// `DB4403/entities.yaml` → `DB4403/Entities.swift` (flat: `DB4403_Entities.swift`).
    /// The plugin relies on this rule to declare its outputs before the compiler runs.
    package static func outputPath(forSpec relativePath: String, flat: Bool) -> String {
        var parts = relativePath.split(separator: "/").map(String.init)
        let stem = (parts.popLast() ?? "").replacingOccurrences(of: ".yaml", with: "").replacingOccurrences(of: ".yml", with: "")
        let name = Naming.typeName(stem) + ".swift"
        return flat ? (parts + [name]).joined(separator: "_") : (parts + [name]).joined(separator: "/")
    }
}
