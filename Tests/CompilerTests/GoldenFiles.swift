import Foundation
import Testing

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// Compares generated text with a checked-in file; on a difference, records the first
/// differing line of each and the command that refreshes the file.
func expectSameText(_ actual: String, asFile path: String, refresh: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = repositoryRoot.appendingPathComponent(path)
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("\(path) is missing; \(refresh)", sourceLocation: sourceLocation)
        return
    }
    guard actual != expected else { return }
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let line = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        ?? min(actualLines.count, expectedLines.count)
    let show = { (lines: [Substring]) in line < lines.count ? String(lines[line]) : "<end of file>" }
    Issue.record(
        """
        \(path) differs from what the specs generate, first at line \(line + 1):
          committed: \(show(expectedLines))
          generated: \(show(actualLines))
        \(refresh)
        """, sourceLocation: sourceLocation)
}
