import Foundation
import InterchangeCompiler
import InterchangeRuntime

/// `interchange validate PROTOCOL INTERFACE [...] [FILE...|-]`: checks payloads against the
/// tables of an interface (or of one table), reporting every problem.
enum ValidateCommand {
    static let usage = """
        usage: interchange validate PROTOCOL INTERFACE [--specs DIR] [--response] [--envelope] [--strict]
                                    [--lines] [--format text|json] [--profile FILE] [secrets] [FILE...|-]

        INTERFACE: an interface's code (5004), document name (query_start_charge, WORK_DATA), spec
        name (reportVehicleEntry), or a table's name (parkInfo, 表3).
        Input: the business data (an object, or an array of objects); with --envelope the whole
        message, whose sign/Sig is checked over the text received and whose data is decrypted
        (DB4403 {timestamp, sign, data}; EVCS {OperatorID, Data, TimeStamp, Seq, Sig}; Youxing
        {data, token}; Tomda {type, time, content}; Yinli {data, mallCode, version}).
        --specs DIR validates against the protocol's specs in DIR as they are now, compiled on
        the spot (an edited table, a revised standard, your own API), not the bundled module.
        --response validates against the response tables; --strict makes unknown members errors;
        --lines reads one JSON value per line (JSON Lines); several FILEs are checked one by one.
        Secrets: --data-secret/--data-iv/--sig-secret (EVCS, or INTERCHANGE_EVCS_*), --key/--iv
        (Youxing, or INTERCHANGE_KEY / INTERCHANGE_IV). They are never printed.

        Text output: one line per problem, `RECORD: $.path: severity: rule: message [表]`, then a
        summary line. JSON output: {"records": [{"record", "valid", "diagnostics": [...]}],
        "summary": {"records", "valid", "invalid", "errors", "warnings"}}; each diagnostic has
        severity, message, path, rule, expected, actual, source and label.
        Exit status: 0 every record valid, 1 some record invalid, 2 usage or I/O error.
        """

    struct Record {
        let name: String
        let diagnostics: [Diagnostic]
        var isValid: Bool { !diagnostics.containsErrors }
    }

    static func run(_ arguments: inout Arguments, _ tool: InterchangeTool) throws -> ExitStatus {
        if arguments.wantsHelp {
            tool.console.out(usage)
            return .ok
        }
        let response = arguments.flag("--response")
        let envelope = arguments.flag("--envelope")
        let strict = arguments.flag("--strict")
        let lines = arguments.flag("--lines")
        let format = try OutputFormat(try arguments.option("--format"))
        let profile = try tool.profile(&arguments)
        let secrets = try tool.secretValues(&arguments)
        let specs = try arguments.option("--specs")
        let positionals = try arguments.positionals()
        guard positionals.count >= 2 else { throw UsageError("expected PROTOCOL INTERFACE [FILE...]") }
        guard let catalog = try tool.catalog(positionals[0], specs: specs) else { return .invalidInput }
        let target = try Target(catalog: catalog, name: positionals[1], response: response)
        let opener = EnvelopeOpener(
            protocolName: target.protocolName, descriptor: tool.protocols[target.protocolName.lowercased()], profile: profile, secrets: secrets,
            response: response)
        let options = ValidationOptions(unknownFields: strict ? .error : .warning)
        let files = positionals.count > 2 ? Array(positionals.dropFirst(2)) : ["-"]
        let limit = profile.maxMessageBytes
        // Every file opens before output starts, so an unreadable one (exit 2) never leaves a
        // half-written JSON document behind.
        for file in files where file != "-" { _ = try tool.input(file) }
        var output = Output(format: format, console: tool.console)
        for file in files {
            let input = try tool.input(file)
            func check(_ name: String, _ bytes: [UInt8]?) {
                let diagnostics = bytes.map { Self.check($0, target: target, opener: envelope ? opener : nil, profile: profile, options: options) }
                    ?? [Diagnostic(.error, InputTooLarge(display: name, limit: limit).description, at: .jsonPath("$"))]
                output.add(Record(name: name, diagnostics: diagnostics))
            }
            if lines {
                try input.forEachLine(limit: limit) { number, bytes in check("\(input.display):\(number)", bytes) }
            } else {
                do {
                    check(input.display, try input.readAll(limit: limit))
                } catch is InputTooLarge {
                    check(input.display, nil)
                }
            }
        }
        output.finish()
        return output.invalid == 0 ? .ok : .invalidInput
    }

    /// Every diagnostic of one input: malformed JSON, envelope refusal, or the tables' checks.
    /// The profile's spellings (casing, aliases) become the table's first, as in a dispatcher.
    static func check(_ bytes: [UInt8], target: Target, opener: EnvelopeOpener?, profile: PeerProfile, options: ValidationOptions) -> [Diagnostic] {
        var business: JSONValue
        var notes: [Diagnostic] = []
        if let opener {
            switch opener.open(bytes) {
            case .failure(let error): return [Diagnostic(.error, error.description, at: .jsonPath("$"), rule: nil)]
            case .success(let opened):
                if let status = opened.status {
                    // An answer says how the call went; an error answer carries no business table.
                    let message = status.message.map { " (\($0))" } ?? ""
                    notes.append(Diagnostic(.note, "\(status.isSuccess ? "answer" : "error answer"): code \(status.code)\(message)", at: .jsonPath("$")))
                    if !status.isSuccess { return notes }
                }
                business = opened.data ?? .null
            }
        } else if !profile.renamesKeys {
            // Checked in place on a tape, without building a tree: a 10 MB batch needs about its
            // own size again instead of three times it, and the diagnostics are the tree's.
            let tape: JSONTape
            do {
                tape = try JSONReader().tape(bytes)
            } catch {
                return [Diagnostic(.error, "malformed JSON: \(error)", at: .jsonPath("$"))]
            }
            let validator = Validator(options: options)
            let root = JSONTape.Cursor(tape, at: 0)
            return profile.tolerating(validator.validate(eachIn: root, against: target.schema) ?? validator.validate(root, against: target.schema))
        } else {
            do {
                business = try JSONReader().read(bytes)
            } catch {
                return [Diagnostic(.error, "malformed JSON: \(error)", at: .jsonPath("$"))]
            }
        }
        if profile.renamesKeys { business = profile.normalizedIncoming(business, table: target.schema) }
        let validator = Validator(options: options)
        guard case .array(let objects) = business else { return notes + profile.tolerating(validator.validate(business, against: target.schema)) }
        return notes + profile.tolerating(validator.validate(each: objects, against: target.schema))
    }

    /// Prints each record as soon as it is checked and the summary at the end, keeping only
    /// counts: a million-line input's first result appears at once and memory stays flat.
    struct Output {
        let format: OutputFormat
        let console: Console
        var records = 0, invalid = 0, errors = 0, warnings = 0

        init(format: OutputFormat, console: Console) {
            self.format = format
            self.console = console
            if format == .json { console.writeOutput(Array(#"{"records":["#.utf8)) }
        }

        mutating func add(_ record: Record) {
            let recordErrors = record.diagnostics.count { $0.severity == .error }
            switch format {
            case .json:
                let value: JSONValue = [
                    "record": .string(record.name), "valid": .bool(record.isValid),
                    "diagnostics": .array(record.diagnostics.map(\.json)),
                ]
                console.writeOutput((records > 0 ? [UInt8(ascii: ",")] : []) + JSONWriter().bytes(value))
            case .text:
                for diagnostic in record.diagnostics { console.out("\(record.name): \(diagnostic)") }
            }
            records += 1
            if !record.isValid { invalid += 1 }
            errors += recordErrors
            warnings += record.diagnostics.count { $0.severity == .warning }
        }

        func finish() {
            switch format {
            case .json:
                let summary: JSONValue = [
                    "records": .number(ExactNumber(records)), "valid": .number(ExactNumber(records - invalid)),
                    "invalid": .number(ExactNumber(invalid)), "errors": .number(ExactNumber(errors)),
                    "warnings": .number(ExactNumber(warnings)),
                ]
                console.writeOutput(Array(#"],"summary":"#.utf8) + JSONWriter().bytes(summary) + Array("}\n".utf8))
            case .text:
                console.out("\(counted(records, "record")): \(records - invalid) valid, \(invalid) invalid (\(counted(errors, "error")), \(counted(warnings, "warning")))")
            }
        }
    }
}

/// What a payload is checked against: an interface's request or response table, or a table,
/// of a bundled module or of a spec folder (`--specs`).
struct Target {
    let protocolName: String
    let schema: ObjectSchema

    init(catalog: ProtocolCatalog, name: String, response: Bool) throws {
        protocolName = catalog.name
        if let interface = catalog.interface(named: name) {
            guard let table = response ? interface.response : interface.request else {
                throw Self.noTable(catalog.name, interface.code ?? interface.name, response)
            }
            schema = table
        } else if let table = catalog.table(named: name) {
            schema = table
        } else {
            throw Self.unknown(catalog.name, name)
        }
    }

    private static func noTable(_ protocolName: String, _ interface: String, _ response: Bool) -> UsageError {
        UsageError("\(protocolName) \(interface) has no \(response ? "response" : "request") table to validate against")
    }

    private static func unknown(_ protocolName: String, _ name: String) -> UsageError {
        UsageError("\(protocolName) has no interface or table named '\(name)'; run `interchange list \(protocolName.lowercased())`")
    }
}
