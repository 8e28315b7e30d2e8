/// What the validator reads of a value, so that one walk checks the tree (`JSONValue`) and the
/// tape (`JSONTape.Cursor`) alike and reports the same diagnostics for both.
protocol ValidationInput {
    associatedtype Members: Sequence<(key: String, value: Self)>
    associatedtype Elements: Sequence<Self>

    var isNull: Bool { get }
    var isObject: Bool { get }
    var boolValue: Bool? { get }
    var stringValue: String? { get }
    var numberValue: ExactNumber? { get }
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
}

extension JSONValue: ValidationInput {
    var isNull: Bool { if case .null = self { true } else { false } }
    var isObject: Bool { if case .object = self { true } else { false } }
    var boolValue: Bool? { if case .bool(let flag) = self { flag } else { nil } }
    var stringValue: String? { if case .string(let text) = self { text } else { nil } }
    var numberValue: ExactNumber? { if case .number(let number) = self { number } else { nil } }

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
}

extension JSONTape {
    /// One value of a tape, as the validator reads it.
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
    }
}

extension JSONTape.Cursor: ValidationInput {
    private var entry: JSONTape.Entry { tape.entries[index] }

    var isNull: Bool { entry.kind == .null }
    var isObject: Bool { entry.kind == .object }

    var boolValue: Bool? {
        switch entry.kind {
        case .true: true
        case .false: false
        default: nil
        }
    }

    var stringValue: String? { tape.string(at: index) }

    var numberValue: ExactNumber? {
        guard entry.kind == .number else { return nil }
        return ExactNumber(validatedText: String(decoding: tape.bytes[Int(entry.start)..<Int(entry.end)], as: UTF8.self))
    }

    /// An object's members, read in place.
    struct Members: Sequence, IteratorProtocol {
        let tape: JSONTape
        let end: Int
        var key: Int

        mutating func next() -> (key: String, value: JSONTape.Cursor)? {
            guard key < end else { return nil }
            let value = key + 1
            defer { key = Int(tape.entries[value].next) }
            return (tape.string(at: key) ?? "", JSONTape.Cursor(tape, at: value))
        }
    }

    /// An array's elements, read in place.
    struct Elements: Sequence, IteratorProtocol {
        let tape: JSONTape
        let end: Int
        var element: Int

        mutating func next() -> JSONTape.Cursor? {
            guard element < end else { return nil }
            defer { element = Int(tape.entries[element].next) }
            return JSONTape.Cursor(tape, at: element)
        }
    }

    var objectMembers: Members? {
        guard entry.kind == .object else { return nil }
        return Members(tape: tape, end: Int(entry.next), key: index + 1)
    }

    var arrayElements: (count: Int, elements: Elements)? {
        guard entry.kind == .array else { return nil }
        return (Int(entry.count), Elements(tape: tape, end: Int(entry.next), element: index + 1))
    }

    func member(named name: String) -> JSONTape.Cursor? {
        tape.member(name, of: index).map { JSONTape.Cursor(tape, at: $0) }
    }

    var tree: JSONValue { tape.value(at: index) }

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
}
