import DB4403
import DB4403Wire
import EVCS
import Foundation
import InterchangeRuntime
import TestSupport
import Testing
import Tomda
import Yinli
import Youxing

/// Properties over every table of every protocol: decoding then encoding a valid value gives
/// back the same text (member order and number texts included), and the DB4403 canonical
/// sign does not depend on the order the members arrived in.
@Suite struct RoundTripPropertyTests {
    static let models: [any WireModel.Type] = [db4403Catalog, evcsCatalog, youxingCatalog, tomdaCatalog, yinliCatalog].flatMap(\.models)

    /// Every field present, each with a sample value of its type.
    static func full(_ schema: ObjectSchema) -> JSONValue {
        .object(JSONObject(schema.fields.map { JSONObject.Member($0.name, Samples.value($0.type, $0)) }))
    }

    @Test func decodeThenEncodeIsTheIdentityOnValidValues() throws {
        var checked = 0
        for model in Self.models {
            for value in [Samples.object(model.schema), Self.full(model.schema)] where !model.validate(value).containsErrors {
                let encoded = try model.init(json: value).json
                #expect(JSONWriter().string(encoded) == JSONWriter().string(value), "\(model.schema.name)")
                checked += 1
            }
        }
        #expect(checked >= Self.models.count)
    }

    @Test(arguments: 0..<20)
    func theDB4403SignIsTheSameWhateverTheMemberOrder(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/DB4403/AnnexD")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix("-request.json") }.sorted()
        #expect(files.count > 20)
        let envelope = DB4403Envelope()
        for file in files {
            guard case .array(let data)? = try? JSONReader().read(Array(Data(contentsOf: folder.appendingPathComponent(file))))["data"] else { continue }
            let shuffled = data.map { Self.shuffled($0, using: &random) }
            #expect(try envelope.sign(shuffled) == envelope.sign(data), "\(file)")
        }
    }

    static func shuffled(_ value: JSONValue, using random: inout SeededRandom) -> JSONValue {
        switch value {
        case .object(let object):
            var members = object.members.map { JSONObject.Member($0.key, shuffled($0.value, using: &random)) }
            members.shuffle(using: &random)
            return .object(JSONObject(members))
        case .array(let elements):
            return .array(elements.map { shuffled($0, using: &random) })
        default:
            return value
        }
    }
}
