import DB4403
import EVCS
import InterchangeRuntime
import Tomda
import Yinli
import Youxing

let models: [any WireModel.Type] = [db4403Catalog, evcsCatalog, youxingCatalog, tomdaCatalog, yinliCatalog].flatMap(\.models)

/// Any JSON against a bundled table (the first two bytes pick it), then decoded into its
/// model: validation never traps, and a value without errors decodes and encodes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzValidator(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard bytes.count >= 2 else { return 0 }
    let model = models[(Int(bytes[0]) << 8 | Int(bytes[1])) % models.count]
    guard let value = try? JSONReader().read(bytes.dropFirst(2)) else { return 0 }
    let problems = model.validate(value, options: ValidationOptions(unknownFields: .error))
    guard !problems.containsErrors else { return 0 }
    guard let decoded = try? model.init(json: value) else {
        fatalError("\(model.schema.name) validated without errors but did not decode: \(JSONWriter().string(value))")
    }
    _ = decoded.json
    return 0
}
