import Foundation

/// How strictly to validate.
public struct ValidationOptions: Sendable {
    /// Severity of members the table does not define (`--strict` makes them errors).
    public var unknownFields: Diagnostic.Severity
    /// The path the validated value sits at, e.g. `$.data[0]`.
    public var rootPath: [JSONPathComponent]
    /// Most problems listed per message; the rest are counted in one closing diagnostic
    /// ("and N more"), so a hostile payload's refusal costs time in its size, not in its
    /// problems.
    public var maxDiagnostics: Int

    /// Options; by default unknown members are warnings and at most 100 problems are listed.
    public init(unknownFields: Diagnostic.Severity = .warning, rootPath: [JSONPathComponent] = [], maxDiagnostics: Int = 100) {
        self.unknownFields = unknownFields
        self.rootPath = rootPath
        self.maxDiagnostics = maxDiagnostics
    }
}

/// Checks a raw JSON value against an `ObjectSchema` and reports every problem: each with
/// its JSON path, rule, expected and actual value, the field's label and the source table.
public struct Validator: Sendable {
    /// How strict the validator is and how much it reports.
    public var options: ValidationOptions

    /// A validator with `options`.
    public init(options: ValidationOptions = .init()) {
        self.options = options
    }

    /// Every problem of `value` against the table `schema`, in document order.
    public func validate(_ value: JSONValue, against schema: ObjectSchema) -> [Diagnostic] {
        validate(one: value, against: schema)
    }

    /// Every problem of the value at `cursor` of a tape, exactly as `validate(_:against:)`
    /// reports them for its tree, read in place.
    public func validate(_ cursor: JSONTape.Cursor, against schema: ObjectSchema) -> [Diagnostic] {
        cursor.withView { validate(one: $0, against: schema) }
    }

    /// Validates each of `values` at `rootPath[index]` (an envelope's data list, a batch), with
    /// one `maxDiagnostics` budget for them all.
    public func validate(each values: [JSONValue], against schema: ObjectSchema) -> [Diagnostic] {
        validate(list: values, against: schema)
    }

    /// Validates each element of the array at `cursor` of a tape, as `validate(each:against:)`.
    /// Nil when the value is not an array.
    public func validate(eachIn cursor: JSONTape.Cursor, against schema: ObjectSchema) -> [Diagnostic]? {
        cursor.withView { view in view.arrayElements.map { validate(list: $0.elements, against: schema) } }
    }

    private func validate<Input: ValidationInput>(one value: Input, against schema: ObjectSchema) -> [Diagnostic] {
        var walk = Walk<Input>(options: options)
        walk.object(value, schema, label: schema.label, source: schema.source)
        return walk.finished()
    }

    private func validate<Input: ValidationInput>(list values: some Sequence<Input>, against schema: ObjectSchema) -> [Diagnostic] {
        var walk = Walk<Input>(options: options)
        for (index, value) in values.enumerated() {
            walk.path.append(.index(index))
            walk.object(value, schema, label: schema.label, source: schema.source)
            walk.path.removeLast()
        }
        return walk.finished()
    }
}

/// One validation pass: the current path and what has been found so far.
private struct Walk<Input: ValidationInput> {
    /// A step of the path; keys are made text only when a problem is reported.
    enum Step {
        case component(JSONPathComponent)
        case key(Input.Key)
        case index(Int)
    }

    let options: ValidationOptions
    var path: [Step]
    var diagnostics: [Diagnostic] = []
    /// Problems past `maxDiagnostics`, counted and not built.
    var omitted = (errors: 0, warnings: 0)

    init(options: ValidationOptions) {
        self.options = options
        path = options.rootPath.map(Step.component)
    }

    var renderedPath: String {
        JSONPathComponent.render(path.map { step in
            switch step {
            case .component(let component): component
            case .key(let key): .key(Input.text(of: key))
            case .index(let index): .index(index)
            }
        })
    }

    /// Adds a problem; past the budget only counts it, so its text is never built.
    mutating func report(
        _ rule: ValidationRule, _ message: @autoclosure () -> String, expected: @autoclosure () -> String?,
        actual: @autoclosure () -> String?, label: String?, source: String?, severity: Diagnostic.Severity = .error
    ) {
        guard diagnostics.count < options.maxDiagnostics else {
            if severity == .error { omitted.errors += 1 } else { omitted.warnings += 1 }
            return
        }
        diagnostics.append(
            Diagnostic(
                severity, message(), at: .jsonPath(renderedPath), rule: rule, expected: expected(),
                actual: actual(), source: source, label: label))
    }

    /// Reports "<label> expects <expected>, got <shown>"; `actual` defaults to `shown`.
    mutating func violation(
        _ rule: ValidationRule, _ label: String, expected: @autoclosure () -> String, got shown: @autoclosure () -> String,
        actual: @autoclosure () -> String? = nil, source: String
    ) {
        report(
            rule, "\(label) expects \(expected()), got \(shown())", expected: expected(), actual: actual() ?? shown(),
            label: label, source: source)
    }

    /// The diagnostics, closed by a count of those past the budget.
    mutating func finished() -> [Diagnostic] {
        let count = omitted.errors + omitted.warnings
        guard count > 0 else { return diagnostics }
        diagnostics.append(
            Diagnostic(
                omitted.errors > 0 ? .error : .warning,
                "and \(count) more problems not listed (\(omitted.errors) errors, \(omitted.warnings) warnings; at most \(options.maxDiagnostics) are listed)"))
        return diagnostics
    }

    mutating func mismatch(_ expected: String, _ value: Input, label: String, source: String) {
        violation(.type, label, expected: expected, got: Walk.show(value), source: source)
    }

    mutating func object(_ value: Input, _ schema: ObjectSchema, label: String, source: String) {
        guard let members = value.objectMembers else {
            return mismatch("object \(schema.name)", value, label: label, source: source)
        }
        var present = [Bool](repeating: false, count: schema.fields.count)
        var hint = 0
        for member in members {
            path.append(.key(member.key))
            defer { path.removeLast() }
            guard let position = Input.position(of: member.key, in: schema, hint: hint) else {
                report(
                    .unknownField, "'\(Walk.excerpt(Input.text(of: member.key)))' is not a field of \(schema.name) (\(schema.label))",
                    expected: nil, actual: Walk.excerpt(Input.text(of: member.key)), label: nil, source: schema.source, severity: options.unknownFields)
                continue
            }
            hint = position + 1
            let field = schema.fields[position]
            if member.value.isNull { continue }
            if present[position] {
                // The same field under another spelling too (rare: found by a scan).
                let earlier = members.first { !Input.same($0.key, member.key) && Input.position(of: $0.key, in: schema, hint: 0) == position }
                if let earlier, earlier.value.tree != member.value.tree {
                    report(
                        .aliasConflict,
                        "\(field.label) is given as \(Input.text(of: earlier.key)) and as \(Input.text(of: member.key)) with different values",
                        expected: "one value", actual: "two", label: field.label, source: schema.source)
                }
                continue
            }
            present[position] = true
            check(member.value, field, field.type, source: schema.source)
        }
        for position in schema.requiredPositions where !present[position] {
            let field = schema.fields[position]
            path.append(.component(.key(field.name)))
            let actual = value.member(named: field.name) == nil ? "missing" : "null"
            report(
                .required, "\(field.label) is required", expected: "present", actual: actual, label: field.label,
                source: schema.source)
            path.removeLast()
        }
        guard !schema.rules.isEmpty else { return }
        let presentNames = Set(schema.fields.indices.filter { present[$0] }.map { schema.fields[$0].name })
        for rule in schema.rules { crossField(rule, value, presentNames, schema) }
    }

    mutating func crossField(_ rule: CrossFieldRule, _ object: Input, _ present: Set<String>, _ schema: ObjectSchema) {
        switch rule {
        case .atLeastOne(let names, let text):
            guard !names.contains(where: present.contains) else { return }
            report(
                .crossField, "at least one of \(names.joined(separator: ", ")) is required: \(text)",
                expected: "one of \(names.joined(separator: ", "))", actual: "none", label: nil, source: schema.source)
        case .requiredIf(let field, let when, let equals, let text):
            guard !present.contains(field), let trigger = object.member(named: when), Walk.wireText(trigger) == equals else { return }
            path.append(.component(.key(field)))
            report(
                .crossField, "\(field) is required when \(when) is \(equals): \(text)", expected: "present",
                actual: "missing", label: schema.field(forKey: field)?.label, source: schema.source)
            path.removeLast()
        }
    }

    mutating func check(_ value: Input, _ field: FieldSchema, _ type: FieldType, source: String) {
        let label = field.label
        switch type {
        case .builtin(.string):
            guard value.isString else { return mismatch("a string", value, label: label, source: source) }
            length(value, field, source: source)
            if !field.values.isEmpty, !field.values.contains(where: { value.isString($0.wire) }) {
                violation(.enumeration, field.label, expected: Walk.documentedValues(field), got: "'\(Walk.excerpt(value.stringValue ?? ""))'", source: source)
            }
        case .builtin(.int), .builtin(.long), .builtin(.timestamp):
            guard let number = value.numberValue else { return mismatch("an integer", value, label: label, source: source) }
            guard let integer = number.integerValue else {
                return mismatch("an integer", value, label: label, source: source)
            }
            let bounds: ClosedRange<Int64> =
                switch type {
                case .builtin(.int): Int64(Int32.min)...Int64(Int32.max)
                case .builtin(.timestamp): 0...Int64.max
                default: Int64.min...Int64.max
                }
            if !bounds.contains(integer) {
                violation(.range, label, expected: "\(type.documentName) in \(bounds.lowerBound)...\(bounds.upperBound)", got: Walk.excerpt(number.text), source: source)
            }
            if !field.integerValues.isEmpty, !field.integerValues.contains(integer), field.extensions?.contains(integer) != true {
                enumeration(String(integer), display: number.text, field, source: source)
            }
            if field.minimumParts != nil || field.maximumParts != nil { range(value, DecimalParts(number.text), field, source: source) }
        case .builtin(.float), .builtin(.double), .builtin(.decimal):
            // The number's text is read once for the size, scale and bounds checks, and shown
            // only in a message.
            guard let parts = value.numberParts else { return mismatch("a number", value, label: label, source: source) }
            if let limit = type.largestMagnitudeParts, DecimalParts.compare(parts.magnitudeOnly, limit) > 0 {
                violation(
                    .range, label, expected: "\(type.documentName) of magnitude at most \(type.largestMagnitude?.text ?? "")",
                    got: Walk.excerpt(value.numberValue?.text ?? ""), source: source)
            }
            if let scale = field.scale, parts.fractionDigits > scale {
                violation(
                    .scale, label, expected: "at most \(scale) digits after the decimal point", got: Walk.excerpt(value.numberValue?.text ?? ""),
                    source: source)
            }
            range(value, parts, field, source: source)
        case .builtin(.boolean):
            guard value.boolValue != nil else { return mismatch("a boolean", value, label: label, source: source) }
        case .builtin(.date): text(value, LocalDate.self, field, source: source)
        case .builtin(.dateTime): text(value, LocalDateTime.self, field, source: source)
        case .builtin(.time): text(value, LocalTime.self, field, source: source)
        case .builtin(.uuid): text(value, CompactUUID.self, field, source: source)
        case .builtin(.anyObject):
            guard value.isObject else { return mismatch("an object", value, label: label, source: source) }
        case .object(let schema):
            object(value, schema, label: label, source: source)
        case .list(let element):
            guard let (count, elements) = value.arrayElements else { return mismatch("an array", value, label: label, source: source) }
            itemCount(count, field, source: source)
            for (index, item) in elements.enumerated() {
                path.append(.index(index))
                if item.isNull {
                    mismatch(element.documentName, item, label: label, source: source)
                } else {
                    check(item, field, element, source: source)
                }
                path.removeLast()
            }
        }
    }

    mutating func text<T: WireText & WireTextFormat>(_ value: Input, _: T.Type, _ field: FieldSchema, source: String) {
        guard let wellFormed = value.withStringUTF8(T.isWellFormed) else {
            return mismatch("a string '\(T.wireFormat)'", value, label: field.label, source: source)
        }
        if !wellFormed {
            violation(.format, field.label, expected: T.wireFormat, got: "'\(Walk.excerpt(value.stringValue ?? ""))'", source: source)
        }
        length(value, field, source: source)
    }

    mutating func length(_ value: Input, _ field: FieldSchema, source: String) {
        if let maxLength = field.maxLength, value.utf8Count > maxLength {
            let count = value.scalarCount
            if count > maxLength {
                violation(.maxLength, field.label, expected: "at most \(maxLength) characters", got: "\(count)", actual: "\(count) characters", source: source)
            }
        }
        if let exactLength = field.exactLength {
            let count = value.scalarCount
            if count != exactLength {
                violation(.exactLength, field.label, expected: "exactly \(exactLength) characters", got: "\(count)", actual: "\(count) characters", source: source)
            }
        }
    }

    mutating func enumeration(_ wire: String, display: String, _ field: FieldSchema, source: String) {
        guard !field.values.isEmpty, !field.values.contains(where: { $0.wire == wire }) else { return }
        violation(.enumeration, field.label, expected: Walk.documentedValues(field), got: display, source: source)
    }

    static func documentedValues(_ field: FieldSchema) -> String {
        var expected = "one of " + field.values.map { "\($0.wire) (\($0.meaning))" }.joined(separator: ", ")
        if let extensions = field.extensions { expected += ", or \(extensions.lowerBound)...\(extensions.upperBound) (extensions)" }
        return expected
    }

    mutating func range(_ value: Input, _ parts: DecimalParts, _ field: FieldSchema, source: String) {
        if let minimum = field.minimum, let bound = field.minimumParts, DecimalParts.compare(parts, bound) < 0 {
            violation(.range, field.label, expected: "at least \(minimum.text)", got: Walk.excerpt(value.numberValue?.text ?? ""), source: source)
        }
        if let maximum = field.maximum, let bound = field.maximumParts, DecimalParts.compare(parts, bound) > 0 {
            violation(.range, field.label, expected: "at most \(maximum.text)", got: Walk.excerpt(value.numberValue?.text ?? ""), source: source)
        }
    }

    mutating func itemCount(_ count: Int, _ field: FieldSchema, source: String) {
        if let minItems = field.minItems, count < minItems {
            violation(.itemCount, field.label, expected: "at least \(minItems) items", got: "\(count)", actual: "\(count) items", source: source)
        }
        if let maxItems = field.maxItems, count > maxItems {
            violation(.itemCount, field.label, expected: "at most \(maxItems) items", got: "\(count)", actual: "\(count) items", source: source)
        }
    }

    /// A peer's text as messages show it: cut after 40 characters, so a 9 MB value is not
    /// echoed back.
    static func excerpt(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > 40 else { return text }
        return String(String.UnicodeScalarView(scalars.prefix(40))) + "…"
    }

    /// A short rendering of a value for messages: strings quoted and cut at 40 characters.
    static func show(_ value: Input) -> String {
        if let text = value.stringValue { return "string '\(excerpt(text))'" }
        if let number = value.numberValue { return "number \(excerpt(number.text))" }
        if let flag = value.boolValue { return "boolean \(flag)" }
        return value.typeName
    }

    /// The text a scalar carries on the wire, for comparing with documented values.
    static func wireText(_ value: Input) -> String? {
        value.stringValue ?? value.numberValue?.text ?? value.boolValue.map { $0 ? "true" : "false" }
    }
}
