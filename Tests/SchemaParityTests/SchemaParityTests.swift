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

    static let loaded: [String: LoadedProtocol] = {
        let sources = (try? SpecFiles.sources(underRoot: root.appendingPathComponent("Specs").path)) ?? []
        let models = Compiler().check(sources).models
        return Dictionary(uniqueKeysWithValues: models.map { ($0.name, LoadedProtocol($0)) })
    }()

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
        #expect(loaded.tables.count == catalog.models.count)
        for model in catalog.models {
            let table = try #require(loaded.tables.first { $0.name == model.schema.name }, "\(model.schema.name)")
            #expect(Self.describe(table) == Self.describe(model.schema), "\(protocolName) \(model.schema.name)")
        }
        for interface in catalog.interfaces {
            let other = try #require(loaded.interface(named: interface.name))
            #expect(other.request?.name == interface.request?.schema.name)
            #expect(other.response?.name == interface.response?.schema.name)
        }
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
                for model in catalog.models {
                    let table = try #require(loaded.tables.first { $0.name == model.schema.name })
                    let options = ValidationOptions(unknownFields: .error)
                    let compiled = Validator(options: options).validate(value, against: model.schema).map(\.description)
                    let fromSpecs = Validator(options: options).validate(value, against: table).map(\.description)
                    #expect(compiled == fromSpecs, "\(fixture) against \(catalog.name) \(model.schema.name)")
                    compared += 1
                }
            }
        }
        #expect(compared > 10_000)
    }
}
