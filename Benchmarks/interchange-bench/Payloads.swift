import DB4403
import EVCS
import Foundation
import InterchangeRuntime
import Tomda

/// A benchmark payload: its bytes and how to validate and decode its business data.
struct Payload: Sendable {
    let name: String
    let bytes: [UInt8]
    /// Validates the business data of a parsed payload; returns the number of problems.
    let validate: @Sendable (JSONValue) -> Int
    /// The same, read in place from a tape.
    let validateTape: @Sendable (JSONTape) -> Int
    /// Decodes the business data into generated models.
    let decode: @Sendable (JSONValue) throws -> any Sendable
    /// Encodes decoded models back to JSON.
    let encode: @Sendable (any Sendable) -> JSONValue
    /// DB4403 data objects, when the payload is a DB4403 envelope.
    let db4403Data: @Sendable (JSONValue) -> [JSONValue]?

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("payloads")

    static func file(_ name: String) -> [UInt8] {
        (try? Array(Data(contentsOf: folder.appendingPathComponent(name)))) ?? []
    }

    /// A DB4403 envelope whose data objects are `Model`s.
    static func db4403<Model: WireModel>(_ name: String, file: String, _: Model.Type) -> Payload {
        Payload(
            name: name, bytes: Self.file(file),
            validate: { value in dataObjects(value).reduce(0) { $0 + Model.validate($1).count } },
            validateTape: { tape in
                tape.member("data").flatMap { Validator().validate(eachIn: JSONTape.Cursor(tape, at: $0), against: Model.schema) }?.count ?? 1
            },
            decode: { value in try dataObjects(value).map { object throws(DecodingFailure) in try Model(json: object) } },
            encode: { models in .array((models as? [Model] ?? []).map(\.json)) },
            db4403Data: { dataObjects($0) })
    }

    /// A plain business object of type `Model`.
    static func object<Model: WireModel>(_ name: String, file: String, at path: String? = nil, _: Model.Type) -> Payload {
        let select: @Sendable (JSONValue) -> JSONValue = { value in path.flatMap { value[$0] } ?? value }
        return Payload(
            name: name, bytes: Self.file(file),
            validate: { Model.validate(select($0)).count },
            validateTape: { tape in
                let at = path.map { tape.member($0) } ?? 0
                return at.map { Validator().validate(JSONTape.Cursor(tape, at: $0), against: Model.schema).count } ?? 1
            },
            decode: { value in try Model(json: select(value)) },
            encode: { model in (model as? Model)?.json ?? .null },
            db4403Data: { _ in nil })
    }

    static let all: [Payload] = [
        .db4403("DB4403 5004 parkRecordInfo ×2", file: "db4403-5004.json", ParkRecordInfo.self),
        .db4403("DB4403 3001 parkInfo", file: "db4403-3001.json", ReportParkInfoRequest.self),
        .object("EVCS charge order, 4 periods", file: "evcs-charge-order.json", NotificationChargeOrderInfoRequest.self),
        .object("Tomda WORK_DATA, 2 connectors", file: "tomda-work-data.json", at: "content", WorkData.self),
    ]
}

private func dataObjects(_ value: JSONValue) -> [JSONValue] {
    if case .array(let objects)? = value["data"] { return objects }
    return []
}
