/// Why a JSON text could not be read, and where.
public struct JSONReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of malformed or over-limit input.
    public enum Reason: Sendable, Hashable {
        /// The input is longer than the reader's byte limit.
        case tooLarge(size: Int, limit: Int)
        /// Arrays and objects nest deeper than the limit.
        case tooDeep(limit: Int)
        /// More values than the limit for a message of this size.
        case tooManyValues(limit: Int)
        /// The input ends where `expected` should follow.
        case unexpectedEnd(expected: String)
        /// A character where `expected` should be.
        case unexpectedCharacter(found: String, expected: String)
        /// Text that is not a JSON number.
        case invalidNumber(String)
        /// A backslash escape JSON does not define, or a bad `\\u` sequence.
        case invalidEscape
        /// `\\u0000` in a string: refused, since peers' C code truncates there.
        case escapedNUL
        /// Bytes that are not UTF-8.
        case invalidUTF8
        /// A raw control character inside a string.
        case controlCharacterInString
        /// An object with the same key twice.
        case duplicateKey(String)
        /// Something after the value.
        case trailingContent
    }

    /// What was wrong.
    public let reason: Reason
    /// Byte offset from the start of the input, 0-based.
    public let offset: Int
    /// Line, 1-based.
    public let line: Int
    /// Column in Unicode scalars, 1-based.
    public let column: Int

    /// The reason as a sentence.
    public var message: String {
        switch reason {
        case .tooLarge(let size, let limit): "input is \(size) bytes, more than the limit of \(limit)"
        case .tooDeep(let limit): "nesting deeper than the limit of \(limit)"
        case .tooManyValues(let limit): "more than \(limit) values, the limit for a message of this size"
        case .unexpectedEnd(let expected): "input ends early: expected \(expected) (truncated?)"
        case .unexpectedCharacter(let found, let expected): "unexpected \(found): expected \(expected)"
        case .invalidNumber(let text): "invalid number '\(text)'"
        case .invalidEscape: "invalid escape sequence in string"
        case .escapedNUL: "escaped NUL (\\u0000) in string: refused, it cuts text short in C libraries and databases"
        case .invalidUTF8: "invalid UTF-8"
        case .controlCharacterInString: "unescaped control character in string"
        case .duplicateKey(let key): "duplicate key '\(key)'"
        case .trailingContent: "unexpected content after the JSON value"
        }
    }

    public var description: String { "\(line):\(column) (byte \(offset)): \(message)" }

    /// The error as a shared diagnostic for `file`.
    public func diagnostic(file: String) -> Diagnostic {
        Diagnostic(.error, message, at: .source(file: file, line: line, column: column))
    }

    init(_ reason: Reason, at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        self.reason = reason
        self.offset = offset
        var line = 1
        var column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        self.line = line
        self.column = column
    }
}
