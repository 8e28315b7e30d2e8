import Foundation
import InterchangeRuntime

/// Worked examples from the documents, kept as fixtures with a `manifest.json` and, beside each
/// fixture, the diagnostics expected of it (`<fixture>.expected`). Set INTERCHANGE_RECORD=1 to
/// rewrite the expected files after a deliberate change, then review the diff.
public struct ExampleFixtures: Sendable {
    /// One example: its file, the interface it belongs to, and whether it is the request.
    public struct Example: Sendable, CustomStringConvertible {
        public let fixture: String
        public let interface: String
        public let isRequest: Bool
        public var description: String { fixture }
    }

    public let folder: URL

    /// `folder` relative to the Tests/Fixtures directory.
    public init(_ folder: String, filePath: String = #filePath) {
        self.folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(folder)
    }

    /// The examples `manifest.json` lists (`fixture`, `code` or `interface`, `kind`).
    public var examples: [Example] {
        guard let bytes = try? Data(contentsOf: folder.appendingPathComponent("manifest.json")),
            case .array(let entries)? = try? JSONReader().read(Array(bytes))
        else { return [] }
        return entries.compactMap { entry in
            guard case .string(let fixture)? = entry["fixture"], case .string(let kind)? = entry["kind"],
                case .string(let interface)? = entry["code"] ?? entry["interface"]
            else { return nil }
            return Example(fixture: fixture, interface: interface, isRequest: kind == "request")
        }
    }

    public func value(_ example: Example) throws -> JSONValue {
        try JSONReader().read(Array(try Data(contentsOf: folder.appendingPathComponent(example.fixture))))
    }

    /// Validates `value` against `table`, or each element of a list against it.
    public static func diagnostics(of value: JSONValue, against table: ObjectSchema, at path: [JSONPathComponent] = []) -> [String] {
        guard case .array(let elements) = value else {
            return Validator(options: ValidationOptions(rootPath: path)).validate(value, against: table).map(\.description)
        }
        return elements.enumerated().flatMap { index, element in
            Validator(options: ValidationOptions(rootPath: path + [.index(index)])).validate(element, against: table).map(\.description)
        }
    }

    /// Compares `actual` with the example's expected file (or records it); returns the
    /// expected text, or nil when it was recorded.
    public func expected(for example: Example, actual: String) throws -> String? {
        if ProcessInfo.processInfo.environment["INTERCHANGE_RECORD"] == "1" {
            try actual.write(to: expectedFile(example), atomically: true, encoding: .utf8)
            return nil
        }
        return try expected(for: example)
    }

    /// The diagnostics recorded for the example (empty when the document gets it right).
    public func expected(for example: Example) throws -> String {
        try String(contentsOf: expectedFile(example), encoding: .utf8)
    }

    func expectedFile(_ example: Example) -> URL {
        folder.appendingPathComponent(example.fixture.replacingOccurrences(of: ".json", with: ".expected"))
    }
}
