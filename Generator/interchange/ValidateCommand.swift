import Foundation
import InterchangeCompiler
import InterchangeRuntime

/// `interchange validate PROTOCOL INTERFACE [...] [FILE...|-]`: checks payloads against the
/// tables of an interface (or of one table), reporting every problem.
enum ValidateCommand {
    static let usage = """
        usage: interchange validate PROTOCOL INTERFACE [--response] [--envelope] [--strict] [--lines]
                                    [--format text|json] [--profile FILE] [secrets] [FILE...|-]

        INTERFACE: an interface's code (5004), document name (query_start_charge, WORK_DATA), spec
        name (reportVehicleEntry), or a table's name (parkInfo, 表3).
        Input: the business data (an object, or an array of objects); with --envelope the whole
        message, whose sign/Sig is checked over the text received and whose data is decrypted
        (DB4403 {timestamp, sign, data}; EVCS {OperatorID, Data, TimeStamp, Seq, Sig}; Youxing
        {data, token}; Tomda {type, time, content}; Yinli {data, mallCode, version}).
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

    static func run(_ arguments: inout Arguments) throws -> ExitStatus {
        if arguments.wantsHelp {
            print(usage)
            return .ok
        }
        let response = arguments.flag("--response")
        let envelope = arguments.flag("--envelope")
        let strict = arguments.flag("--strict")
        let lines = arguments.flag("--lines")
        let format = try OutputFormat(try arguments.option("--format"))
        let profile = try Input.profile(&arguments)
        let secrets = try EnvelopeSecrets(&arguments)
        let positionals = try arguments.positionals()
        guard positionals.count >= 2 else { throw UsageError("expected PROTOCOL INTERFACE [FILE...]") }
        guard let catalog = bundledCatalogs[positionals[0].lowercased()] else {
            throw UsageError("unknown protocol '\(positionals[0])'; bundled: \(bundledCatalogs.keys.sorted().joined(separator: ", "))")
        }
        let target = try Target(catalog: catalog, name: positionals[1], response: response)
        let opener = EnvelopeOpener(protocolName: catalog.name, profile: profile, secrets: secrets, response: response)
        let options = ValidationOptions(unknownFields: strict ? .error : .warning)
        let files = positionals.count > 2 ? Array(positionals.dropFirst(2)) : ["-"]
        var records: [Record] = []
        for file in files {
            let display = file == "-" ? "<stdin>" : file
            let bytes = try Input.bytes(file)
            let inputs: [(String, [UInt8])] = lines
                ? splitLines(bytes).map { ("\(display):\($0.line)", $0.bytes) }
                : [(display, bytes)]
            for (name, input) in inputs {
                records.append(Record(name: name, diagnostics: check(input, target: target, opener: envelope ? opener : nil, options: options)))
            }
        }
        report(records, format: format)
        return records.allSatisfy(\.isValid) ? .ok : .invalidInput
    }

    /// Every diagnostic of one input: malformed JSON, envelope refusal, or the tables' checks.
    static func check(_ bytes: [UInt8], target: Target, opener: EnvelopeOpener?, options: ValidationOptions) -> [Diagnostic] {
        let business: JSONValue
        if let opener {
            switch opener.open(bytes) {
            case .failure(let error): return [Diagnostic(.error, error.description, at: .jsonPath("$"), rule: nil)]
            case .success(let value): business = value
            }
        } else {
            do {
                business = try JSONReader().read(bytes)
            } catch {
                return [Diagnostic(.error, "malformed JSON: \(error)", at: .jsonPath("$"))]
            }
        }
        guard case .array(let objects) = business else { return target.model.validate(business, options: options) }
        return objects.enumerated().flatMap { index, object in
            target.model.validate(object, options: ValidationOptions(unknownFields: options.unknownFields, rootPath: [.index(index)]))
        }
    }

    static func splitLines(_ bytes: [UInt8]) -> [(line: Int, bytes: [UInt8])] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } ? nil : (index + 1, Array(line))
        }
    }

    static func report(_ records: [Record], format: OutputFormat) {
        let errors = records.reduce(0) { $0 + $1.diagnostics.filter { $0.severity == .error }.count }
        let warnings = records.reduce(0) { $0 + $1.diagnostics.filter { $0.severity == .warning }.count }
        let valid = records.filter(\.isValid).count
        switch format {
        case .json:
            let document: JSONValue = [
                "records": .array(records.map { record in
                    ["record": .string(record.name), "valid": .bool(record.isValid), "diagnostics": .array(record.diagnostics.map(\.json))]
                }),
                "summary": [
                    "records": .number(ExactNumber(records.count)), "valid": .number(ExactNumber(valid)),
                    "invalid": .number(ExactNumber(records.count - valid)), "errors": .number(ExactNumber(errors)),
                    "warnings": .number(ExactNumber(warnings)),
                ],
            ]
            print(JSONWriter().string(document))
        case .text:
            for record in records {
                for diagnostic in record.diagnostics { print("\(record.name): \(diagnostic)") }
            }
            print("\(counted(records.count, "record")): \(valid) valid, \(records.count - valid) invalid (\(counted(errors, "error")), \(counted(warnings, "warning")))")
        }
    }
}

/// What a payload is checked against: an interface's request or response table, or a table.
struct Target {
    let model: any WireModel.Type

    init(catalog: ProtocolCatalog, name: String, response: Bool) throws {
        if let interface = catalog.interface(named: name) {
            guard let model = response ? interface.response : interface.request else {
                throw UsageError("\(catalog.name) \(interface.code ?? interface.name) has no \(response ? "response" : "request") table to validate against")
            }
            self.model = model
        } else if let model = catalog.model(named: name) {
            self.model = model
        } else {
            throw UsageError("\(catalog.name) has no interface or table named '\(name)'; run `interchange list \(catalog.name.lowercased())`")
        }
    }
}

/// The secrets `--envelope` may need, from flags or the environment.
struct EnvelopeSecrets {
    let evcs: SecretFlags
    let key: String?
    let iv: String?

    init(_ arguments: inout Arguments) throws {
        evcs = try SecretFlags(&arguments)
        let environment = ProcessInfo.processInfo.environment
        key = try arguments.option("--key") ?? environment["INTERCHANGE_KEY"]
        iv = try arguments.option("--iv") ?? environment["INTERCHANGE_IV"]
    }
}
