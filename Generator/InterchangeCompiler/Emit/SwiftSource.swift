/// Builds Swift source text line by line with indentation.
struct SwiftSource {
    private(set) var text = ""
    private var depth = 0

    mutating func line(_ content: String = "") {
        text += content.isEmpty ? "\n" : String(repeating: "    ", count: depth) + content + "\n"
    }

    /// `header {` … `}` with the body indented.
    mutating func block(_ header: String, _ body: (inout SwiftSource) -> Void) {
        line(header + " {")
        depth += 1
        body(&self)
        depth -= 1
        line("}")
    }

    /// `switch subject {` … `}` with the cases at the switch's own depth, as Swift style has it.
    mutating func switchBlock(_ subject: String, _ cases: (inout SwiftSource) -> Void) {
        line("switch \(subject) {")
        cases(&self)
        line("}")
    }

    /// `///` lines; paragraphs separated by an empty `///`. Empty paragraphs are dropped.
    mutating func doc(_ paragraphs: [String?]) {
        let kept = paragraphs.compactMap { $0 }.filter { !$0.isEmpty }
        for (index, paragraph) in kept.enumerated() {
            if index > 0 { line("///") }
            for part in paragraph.split(separator: "\n", omittingEmptySubsequences: false) {
                line(part.isEmpty ? "///" : "/// " + part)
            }
        }
    }
}

/// A Swift string literal for `text`.
func literal(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}
