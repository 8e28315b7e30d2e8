import DB4403
import EVCS
import Foundation
import InterchangeRuntime
import TestSupport
import Testing
import Tomda
import Yinli
import Youxing

/// The validator over a tape reports exactly what it reports over the tree: for every table of
/// every protocol, its sample, the sample spoilt each way and missing each required field, and
/// every JSON text of the repository against tables picked at random, alone and as a list.
@Suite struct TapeValidationTests {
    static let tables: [ObjectSchema] = [db4403Catalog, evcsCatalog, youxingCatalog, tomdaCatalog, yinliCatalog].flatMap(\.tables)

    func agree(_ value: JSONValue, _ table: ObjectSchema, _ comment: @autoclosure () -> String) throws {
        let text = JSONWriter().bytes(value)
        let tape = try JSONReader().tape(text)
        let validator = Validator(options: ValidationOptions(maxDiagnostics: 20))
        #expect(validator.validate(JSONTape.Cursor(tape), against: table) == validator.validate(value, against: table), "\(comment())")
        if case .array(let elements) = value {
            #expect(validator.validate(eachIn: JSONTape.Cursor(tape), against: table) == validator.validate(each: elements, against: table), "\(comment())")
        }
    }

    /// Every name and alias of every table finds its field by its bytes, and keys a little off
    /// find what a plain scan of the table finds (another field's spelling, or none).
    @Test func everyNameAndAliasFindsItsField() {
        for table in Self.tables {
            func scan(_ key: String) -> String? { table.fields.first { $0.name == key || $0.aliases.contains(key) }?.name }
            for field in table.fields {
                for spelling in [field.name] + field.aliases {
                    for key in [spelling, spelling.uppercased(), spelling.lowercased(), spelling + "x", String(spelling.dropLast()), "x" + spelling, spelling + "é"] {
                        #expect(table.field(forKey: key)?.name == scan(key), "\(table.name) \(key)")
                    }
                }
            }
        }
    }

    @Test func samplesSpoiltSamplesAndMissingFieldsReportAlike() throws {
        #expect(Self.tables.count > 200)
        for table in Self.tables {
            let sample = Samples.object(table)
            try agree(sample, table, table.name)
            try agree(.array([sample, sample]), table, table.name)
            for way in Samples.Breakage.allCases {
                if let (broken, field) = Samples.breaking(way, of: table, in: sample) { try agree(broken, table, "\(table.name) \(field) \(way)") }
            }
            guard case .object(let object) = sample else { continue }
            for field in table.fields where field.required {
                var missing = object
                missing.members.removeAll { $0.key == field.name }
                try agree(.object(missing), table, "\(table.name) without \(field.name)")
                var null = object
                null.members.removeAll { $0.key == field.name }
                null.append(field.name, .null)
                try agree(.object(null), table, "\(table.name) with \(field.name) null")
            }
        }
    }

    /// Keys that are the table's names only under Unicode equivalence (the Kelvin sign is
    /// canonically "K"), escaped, or of another case, and names that are not ASCII.
    @Test func keysEqualOnlyAsTextReportAlike() throws {
        let ascii = ObjectSchema(
            name: "t", label: "t", source: "s",
            fields: [FieldSchema("Key", label: "k", type: .builtin(.string), required: true, aliases: ["KeyAlias"], maxLength: 3, values: [EnumValue("é", "e")])])
        let chinese = ObjectSchema(name: "c", label: "c", source: "s", fields: [FieldSchema("名称", label: "n", type: .builtin(.string), required: true)])
        let texts = [
            #"{"Key":"é"}"#, "{\"\u{212A}ey\":\"é\"}", #"{"\u004Bey":"e\u0301"}"#, #"{"key":"x"}"#, #"{"KeyAlias":"é","Key":"e"}"#,
            #"{"KeyAlias":"é","Key":"é"}"#, #"{"Key":"éé\u00e9é"}"#, #"{"名称":"x"}"#, #"{"\u540d\u79f0":1}"#,
        ]
        for text in texts {
            let value = try JSONReader().read(text)
            for table in [ascii, chinese] {
                let tape = try JSONReader().tape(Array(text.utf8))
                #expect(Validator().validate(JSONTape.Cursor(tape), against: table) == Validator().validate(value, against: table), "\(text)")
            }
        }
    }

    @Test func everyTextOfTheRepositoryReportsAlikeAgainstTablesAtRandom() throws {
        var random = SeededRandom(seed: 0x7AB)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var values: [JSONValue] = []
        for folder in ["Tests/Fixtures", "Benchmarks/payloads"] {
            guard let walker = FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where url.pathExtension == "json" {
                guard let data = FileManager.default.contents(atPath: url.path), let value = try? JSONReader().read(Array(data)) else { continue }
                values.append(value)
                if case .object(let object) = value { values += object.members.map(\.value) }
            }
        }
        #expect(values.count > 100)
        for value in values {
            for _ in 0..<8 {
                let table = Self.tables[Int(random.next() % UInt64(Self.tables.count))]
                try agree(value, table, table.name)
            }
        }
    }
}
