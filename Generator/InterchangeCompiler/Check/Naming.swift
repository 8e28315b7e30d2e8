import Foundation

/// Swift names derived from the documents' names.
enum Naming {
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "protocol", "public", "rethrows", "static", "struct",
        "subscript", "typealias", "var", "break", "case", "continue", "default", "defer", "do", "else", "fallthrough",
        "for", "guard", "if", "in", "repeat", "return", "switch", "where", "while", "as", "catch", "false", "is", "nil",
        "super", "self", "Self", "throw", "throws", "true", "try", "Type", "Any", "some", "any",
    ]

    /// `parkInfo` → `ParkInfo`; `vrdb_no` → `VrdbNo`.
    static func typeName(_ name: String) -> String {
        let words = name.split(whereSeparator: { $0 == "_" || $0 == " " || $0 == "-" })
        return words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// The name of a field's nested enumeration: `parkType` → `ParkType`; a field named
    /// `type` gives `Kind`, since a nested type cannot be named `Type`.
    static func enumerationName(_ field: String) -> String {
        let name = typeName(field)
        return ["Type", "Self", "Protocol"].contains(name) ? "Kind" : name
    }

    /// `vrdb_no` → `vrdbNo`; `ParkCode` → `parkCode`.
    static func propertyName(_ name: String) -> String {
        let upper = typeName(name)
        return upper.prefix(1).lowercased() + upper.dropFirst()
    }

    /// `DB4403` → `db4403`, `EVCS` → `evcs`, `Youxing` → `youxing`: the leading capitals
    /// lower-cased (all of them when the name is one word of capitals and digits).
    static func leadingLowercased(_ name: String) -> String {
        let characters = Array(name)
        var end = 0
        while end < characters.count, characters[end].isUppercase || characters[end].isNumber { end += 1 }
        if end < characters.count, end > 1 { end -= 1 }  // `HTTPServer` → `httpServer`
        return String(characters[..<end]).lowercased() + String(characters[end...])
    }

    /// A declaration name, backquoted when it is a keyword.
    static func declared(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }

    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }

    /// The value of a number text, for comparing bounds.
    static func numberValue(_ text: String) -> Decimal? {
        guard !text.isEmpty, text.allSatisfy({ "0123456789.-+eE".contains($0) }) else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }
}

extension String {
    /// The text without leading and trailing whitespace.
    package var trimmingSpaces: String { trimmingCharacters(in: .whitespaces) }
}
