import DB4403
import EVCS
import Foundation
import InterchangeCompiler
import InterchangeRuntime
import Testing
import Tomda
import Yinli
import Youxing

/// The bundled modules' compiled schemas and the schemas `interchange validate --specs`
/// loads from Specs/ are the same, table for table, and give the same diagnostics on every
/// fixture of the repository.
@Suite struct SchemaParityTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let catalogs = [db4403Catalog, evcsCatalog, youxingCatalog, tomdaCatalog, yinliCatalog]

    static let loaded: [String: ProtocolCatalog] = {
        let sources = (try? SpecFiles.sources(underRoot: root.appendingPathComponent("Specs").path)) ?? []
        let models = Compiler().check(sources).models
        return Dictionary(uniqueKeysWithValues: models.map { ($0.name, LoadedProtocol.catalog($0)) })
    }()

    /// Everything an interface says, as text.
    static func describe(_ interface: InterfaceSchema) -> String {
        [
            interface.name, interface.code ?? "-", interface.label, interface.source, interface.server, interface.direction ?? "-",
            "\(interface.transports)", interface.method ?? "-", interface.path ?? "-", interface.command.map(String.init) ?? "-",
            interface.request?.name ?? "-", "\(interface.requestIsList)", interface.response?.name ?? "-", "\(interface.responseIsList)",
            "\(interface.published)", "\(interface.idempotent)", "\(interface.authenticated)", interface.note ?? "-",
        ].joined(separator: " | ")
    }

    /// Everything a schema says, nested tables included, as text.
    static func describe(_ schema: ObjectSchema) -> String {
        var lines = ["\(schema.name) \(schema.label) \(schema.source) note=\(schema.note ?? "-") rules=\(schema.rules.count)"]
        for rule in schema.rules {
            switch rule {
            case .atLeastOne(let names, let text): lines.append("  atLeastOne \(names) \(text)")
            case .requiredIf(let field, let when, let equals, let text): lines.append("  requiredIf \(field) \(when) \(equals) \(text)")
            }
        }
        for field in schema.fields {
            lines.append(
                "  \(field.name) \(field.label) \(describe(field.type)) req=\(field.required) aliases=\(field.aliases) max=\(field.maxLength ?? -1) len=\(field.exactLength ?? -1) min=\(field.minimum?.text ?? "-") maxv=\(field.maximum?.text ?? "-") scale=\(field.scale ?? -1) items=\(field.minItems ?? -1)...\(field.maxItems ?? -1) values=\(field.values.map { "\($0.wire)=\($0.meaning)" }) ext=\(field.extensions.map { "\($0)" } ?? "-") unit=\(field.unit ?? "-") desc=\(field.description ?? "-") note=\(field.note ?? "-")")
        }
        return lines.joined(separator: "\n")
    }

    static func describe(_ type: FieldType) -> String {
        switch type {
        case .object(let schema): "{" + describe(schema) + "}"
        case .list(let element): "[" + describe(element) + "]"
        default: type.documentName
        }
    }

    @Test(arguments: catalogs.map(\.name))
    func everyTableIsTheSame(protocolName: String) throws {
        let catalog = try #require(Self.catalogs.first { $0.name == protocolName })
        let loaded = try #require(Self.loaded[protocolName])
        #expect(loaded.tables.count == catalog.tables.count)
        for compiled in catalog.tables {
            let table = try #require(loaded.table(named: compiled.name), "\(compiled.name)")
            #expect(Self.describe(table) == Self.describe(compiled), "\(protocolName) \(compiled.name)")
        }
        #expect(loaded.interfaces.map(Self.describe) == catalog.interfaces.map(Self.describe))
        #expect([loaded.title, loaded.citation] == [catalog.title, catalog.citation])
        #expect(loaded.otherDocuments == catalog.otherDocuments)
        #expect(loaded.notes == catalog.notes)
        #expect(loaded.settings.map { "\($0.key)=\($0.value)" } == catalog.settings.map { "\($0.key)=\($0.value)" })
        #expect(loaded.roles.map { "\($0.name)=\($0.label)" } == catalog.roles.map { "\($0.name)=\($0.label)" })
        #expect(loaded.codeLists.map { "\($0.name) \($0.label) \($0.source) \($0.values.map { "\($0.wire)=\($0.meaning)" })" }
            == catalog.codeLists.map { "\($0.name) \($0.label) \($0.source) \($0.values.map { "\($0.wire)=\($0.meaning)" })" })
    }

    @Test func everyFixtureGivesTheSameDiagnosticsBothWays() throws {
        let fixtures = FileManager.default.enumerator(atPath: Self.root.appendingPathComponent("Tests/Fixtures").path)?
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".json") }.sorted() ?? []
        #expect(fixtures.count > 100)
        var compared = 0
        for fixture in fixtures {
            let url = Self.root.appendingPathComponent("Tests/Fixtures").appendingPathComponent(fixture)
            guard let value = try? JSONReader().read(Array(Data(contentsOf: url))) else { continue }
            for catalog in Self.catalogs {
                let loaded = try #require(Self.loaded[catalog.name])
                for schema in catalog.tables {
                    let table = try #require(loaded.table(named: schema.name))
                    let options = ValidationOptions(unknownFields: .error)
                    let compiled = Validator(options: options).validate(value, against: schema).map(\.description)
                    let fromSpecs = Validator(options: options).validate(value, against: table).map(\.description)
                    #expect(compiled == fromSpecs, "\(fixture) against \(catalog.name) \(schema.name)")
                    compared += 1
                }
            }
        }
        #expect(compared > 10_000)
    }
}
