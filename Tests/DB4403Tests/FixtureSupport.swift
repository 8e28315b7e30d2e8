import Foundation
import InterchangeRuntime

/// Reads `Tests/Fixtures/DB4403/<name>` as a JSON value.
func fixture(_ name: String) throws -> JSONValue {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/DB4403/\(name)")
    return try JSONReader().read(Array(try Data(contentsOf: url)))
}
