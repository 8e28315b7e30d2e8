/// A command's arguments: positionals, `--name value` options (repeatable) and `--flag`s.
struct SimArguments {
    private(set) var positionals: [String] = []
    private var values: [String: [String]] = [:]
    private var flags: Set<String> = []

    /// Reads `arguments`; `valued` names the options that take a value, `switches` the flags.
    init(_ arguments: some Sequence<String>, valued: Set<String>, switches: Set<String> = []) throws(SimUsageError) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            guard argument.hasPrefix("--") else {
                positionals.append(argument)
                continue
            }
            var name = String(argument.dropFirst(2))
            var inline: String?
            if let equals = name.firstIndex(of: "=") {
                inline = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if switches.contains(name), inline == nil {
                flags.insert(name)
            } else if valued.contains(name) {
                guard let value = inline ?? iterator.next() else { throw SimUsageError("--\(name) needs a value") }
                values[name, default: []].append(value)
            } else {
                throw SimUsageError("unknown option --\(name)")
            }
        }
    }

    /// The last value of `--name`.
    func value(_ name: String) -> String? { values[name]?.last }

    /// Every value of a repeated `--name`.
    func all(_ name: String) -> [String] { values[name] ?? [] }

    /// Whether `--name` was given.
    func flag(_ name: String) -> Bool { flags.contains(name) }

    /// `--name` as a whole number within `range`.
    func number(_ name: String, in range: ClosedRange<Int>) throws(SimUsageError) -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text), range.contains(number) else { throw SimUsageError("--\(name) \(text): expected a whole number in \(range.lowerBound)…\(range.upperBound)") }
        return number
    }

    /// The positional at `index`, or a usage error naming it.
    func positional(_ index: Int, _ name: String) throws(SimUsageError) -> String {
        guard positionals.indices.contains(index) else { throw SimUsageError("missing \(name)") }
        return positionals[index]
    }
}

/// A command was called wrongly (exit status 2).
struct SimUsageError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
