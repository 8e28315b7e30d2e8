/// What the validator reads of a value, so that one walk checks the tree (`JSONValue`) and the
/// tape (`TapeView`) alike and reports the same diagnostics for both. Strings are measured
/// and compared without being made where the input allows it; texts are made for messages.
protocol ValidationInput {
    /// A member's key: its text for the tree, its entry for the tape.
    associatedtype Key
    associatedtype Members: Sequence<(key: Key, value: Self)>
    associatedtype Elements: Sequence<Self>

    var isNull: Bool { get }
    var isObject: Bool { get }
    var isString: Bool { get }
    var boolValue: Bool? { get }
    var stringValue: String? { get }
    var numberValue: ExactNumber? { get }
    /// A number's sign, digits and exponent, read from its text; nil for other values.
    var numberParts: DecimalParts? { get }
    /// A string's UTF-8 bytes and Unicode scalars (0 for other values).
    var utf8Count: Int { get }
    var scalarCount: Int { get }
    /// Whether this is the string `text`.
    func isString(_ text: String) -> Bool
    /// `body` over a string's UTF-8 (unescaped); nil for other values.
    func withStringUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R?
    /// An object's members in order; nil for other values.
    var objectMembers: Members? { get }
    /// An array's elements and their count; nil for other values.
    var arrayElements: (count: Int, elements: Elements)? { get }
    /// The value of the member `name`, for an object that has one.
    func member(named name: String) -> Self?
    /// The value as a tree, for the rare comparisons (two spellings of one field).
    var tree: JSONValue { get }
    /// `object`, `array`, `string`, …
    var typeName: String { get }

    static func text(of key: Key) -> String
    static func position(of key: Key, in schema: ObjectSchema, hint: Int) -> Int?
    static func same(_ a: Key, _ b: Key) -> Bool
}

extension JSONValue: ValidationInput {
    var isNull: Bool { if case .null = self { true } else { false } }
    var isObject: Bool { if case .object = self { true } else { false } }
    var isString: Bool { if case .string = self { true } else { false } }
    var boolValue: Bool? { if case .bool(let flag) = self { flag } else { nil } }
    var stringValue: String? { if case .string(let text) = self { text } else { nil } }
    var numberValue: ExactNumber? { if case .number(let number) = self { number } else { nil } }
    var numberParts: DecimalParts? { numberValue.map { DecimalParts($0.text) } }
    var utf8Count: Int { stringValue?.utf8.count ?? 0 }
    var scalarCount: Int { stringValue.map(UTF8Counting.scalars) ?? 0 }
    func isString(_ text: String) -> Bool { stringValue == text }
    func withStringUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard case .string(var text) = self else { return nil }
        return text.withUTF8(body)
    }

    var objectMembers: LazyMapSequence<[JSONObject.Member], (key: String, value: JSONValue)>? {
        guard case .object(let object) = self else { return nil }
        return object.members.lazy.map { (key: $0.key, value: $0.value) }
    }

    var arrayElements: (count: Int, elements: [JSONValue])? {
        guard case .array(let elements) = self else { return nil }
        return (elements.count, elements)
    }

    func member(named name: String) -> JSONValue? { self[name] }
    var tree: JSONValue { self }

    static func text(of key: String) -> String { key }
    static func position(of key: String, in schema: ObjectSchema, hint: Int) -> Int? { schema.position(forKey: key, hint: hint) }
    static func same(_ a: String, _ b: String) -> Bool { a == b }
}

enum UTF8Counting {
    /// The Unicode scalars of UTF-8 `bytes`: the bytes that start one.
    static func scalars(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// Whether two byte runs are equal (a plain loop: the generic `elementsEqual` cost ten
    /// times as much on short keys).
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for index in 0..<a.count where a[index] != b[index] { return false }
        return true
    }

    static func scalars(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { scalars($0) }
    }
}

extension JSONTape {
    /// One value of a tape, to validate in place (`Validator.validate(_:against:)`).
    public struct Cursor: Sendable {
        /// The tape.
        public let tape: JSONTape
        /// The value's entry.
        public let index: Int

        /// The value at `index` of `tape`.
        public init(_ tape: JSONTape, at index: Int = 0) {
            self.tape = tape
            self.index = index
        }

        /// Runs `body` with a view of the value over the tape's memory.
        func withView<Result>(_ body: (TapeView) -> Result) -> Result {
            tape.entries.withUnsafeBufferPointer { entries in
                tape.bytes.withUnsafeBufferPointer { bytes in body(TapeView(entries: entries, bytes: bytes, index: index)) }
            }
        }
    }
}

/// A tape value over the tape's memory, valid inside `Cursor.withView`: nothing is counted or
/// copied per value.
struct TapeView: ValidationInput {
    let entries: UnsafeBufferPointer<JSONTape.Entry>
    let bytes: UnsafeBufferPointer<UInt8>
    let index: Int

    var entry: JSONTape.Entry { entries[index] }
    var raw: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[Int(entry.start)..<Int(entry.end)]) }
    private func at(_ index: Int) -> TapeView { TapeView(entries: entries, bytes: bytes, index: index) }

    var isNull: Bool { entry.kind == .null }
    var isObject: Bool { entry.kind == .object }
    var isString: Bool { entry.kind == .string }

    var boolValue: Bool? {
        switch entry.kind {
        case .true: true
        case .false: false
        default: nil
        }
    }

    /// The string's text, unescaped.
    var stringValue: String? {
        guard entry.kind == .string else { return nil }
        guard entry.hasEscapes else { return String(decoding: raw, as: UTF8.self) }
        var scratch: [UInt8] = []
        _ = JSONScanner.unescape(raw, into: &scratch)
        return String(decoding: scratch, as: UTF8.self)
    }

    var numberValue: ExactNumber? {
        guard entry.kind == .number else { return nil }
        return ExactNumber(validatedText: String(decoding: raw, as: UTF8.self))
    }

    var numberParts: DecimalParts? {
        guard entry.kind == .number else { return nil }
        return DecimalParts(utf8: raw)
    }

    var utf8Count: Int {
        guard entry.kind == .string else { return 0 }
        return entry.hasEscapes ? (stringValue?.utf8.count ?? 0) : raw.count
    }

    var scalarCount: Int {
        guard entry.kind == .string else { return 0 }
        return entry.hasEscapes ? (stringValue.map(UTF8Counting.scalars) ?? 0) : UTF8Counting.scalars(raw)
    }

    func withStringUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard entry.kind == .string else { return nil }
        guard !entry.hasEscapes else { return stringValue.map { InterchangeRuntime.withUTF8($0, body) } }
        return body(raw)
    }

    func isString(_ text: String) -> Bool {
        guard entry.kind == .string else { return false }
        guard !entry.hasEscapes else { return stringValue == text }
        var text = text
        let raw = raw
        return text.withUTF8 { UTF8Counting.equal($0, raw) }
    }

    struct Members: Sequence, IteratorProtocol {
        let view: TapeView
        let end: Int
        var key: Int

        mutating func next() -> (key: TapeView, value: TapeView)? {
            guard key < end else { return nil }
            let value = key + 1
            defer { key = Int(view.entries[value].next) }
            return (view.at(key), view.at(value))
        }
    }

    struct Elements: Sequence, IteratorProtocol {
        let view: TapeView
        let end: Int
        var element: Int

        mutating func next() -> TapeView? {
            guard element < end else { return nil }
            defer { element = Int(view.entries[element].next) }
            return view.at(element)
        }
    }

    var objectMembers: Members? {
        guard entry.kind == .object else { return nil }
        return Members(view: self, end: Int(entry.next), key: index + 1)
    }

    var arrayElements: (count: Int, elements: Elements)? {
        guard entry.kind == .array else { return nil }
        return (Int(entry.count), Elements(view: self, end: Int(entry.next), element: index + 1))
    }

    func member(named name: String) -> TapeView? {
        guard let members = objectMembers else { return nil }
        for member in members where member.key.isString(name) { return member.value }
        return nil
    }

    var tree: JSONValue {
        switch entry.kind {
        case .null: return .null
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .number: return numberValue.map(JSONValue.number) ?? .null
        case .string: return .string(stringValue ?? "")
        case .array: return .array(arrayElements.map { Array($0.elements.map(\.tree)) } ?? [])
        case .object: return .object(JSONObject(objectMembers.map { $0.map { JSONObject.Member($0.key.stringValue ?? "", $0.value.tree) } } ?? []))
        }
    }

    var typeName: String {
        switch entry.kind {
        case .null: "null"
        case .true, .false: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    static func text(of key: TapeView) -> String { key.stringValue ?? "" }

    /// Found by the key's bytes (the schema's ASCII table); by its text where canonical
    /// equivalence could make other bytes equal (escapes, non-ASCII).
    static func position(of key: TapeView, in schema: ObjectSchema, hint: Int) -> Int? {
        if !key.entry.hasEscapes, let asciiKeys = schema.asciiKeys {
            switch asciiKeys.match(key.raw, hint: hint) {
            case .field(let position): return position
            case .noField: return nil
            case .undecided: break
            }
        }
        return schema.position(forKey: text(of: key), hint: hint)
    }

    static func same(_ a: TapeView, _ b: TapeView) -> Bool { a.index == b.index }
}
