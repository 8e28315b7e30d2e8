import Foundation

/// File-system side of the compiler: finding spec files and writing generated ones.
package enum SpecFiles {
    /// `sources(underRoot:)` for commands: a root that cannot be read is reported (to
    /// `report`, standard error by default) and gives nil (the command then exits with
    /// `.usageOrIO`).
    package static func sourcesOrReport(underRoot root: String, report: (String) -> Void = printError) -> [SpecSource]? {
        do {
            return try sources(underRoot: root)
        } catch {
            report("error: cannot read specs under '\(root)': \(error.localizedDescription)")
            return nil
        }
    }

    /// Every `*.yaml` under `root`, in path order, named for display relative to the current
    /// directory as given (`Specs/DB4403/entities.yaml`).
    package static func sources(underRoot root: String) throws -> [SpecSource] {
        let rootURL = URL(fileURLWithPath: root)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: root])
        }
        guard let enumerator = FileManager.default.enumerator(at: rootURL, includingPropertiesForKeys: nil) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: root])
        }
        var paths: [String] = []
        for case let url as URL in enumerator where url.pathExtension == "yaml" || url.pathExtension == "yml" {
            paths.append(url.standardizedFileURL.path)
        }
        let base = rootURL.standardizedFileURL.path
        return try paths.sorted().map { path in
            let relative = String(path.dropFirst(base.count).drop { $0 == "/" })
            let display = (root.hasSuffix("/") ? String(root.dropLast()) : root) + "/" + relative
            return try source(path: path, displayPath: display, relativePath: relative)
        }
    }

    /// Reads one spec file.
    package static func source(path: String, displayPath: String, relativePath: String) throws -> SpecSource {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return SpecSource(displayPath: displayPath, relativePath: relativePath, contents: Array(data))
    }

    /// Writes `files` under `directory`, touching only files whose bytes change, so an
    /// unchanged spec does not make its Swift recompile. Returns the paths written.
    @discardableResult
    package static func write(_ files: [GeneratedFile], to directory: String) throws -> [String] {
        var written: [String] = []
        for file in files {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(file.path)
            let bytes = Data(file.contents.utf8)
            if let existing = try? Data(contentsOf: url), existing == bytes { continue }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try bytes.write(to: url, options: .atomic)
            written.append(file.path)
        }
        return written
    }
}
