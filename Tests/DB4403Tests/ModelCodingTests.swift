import DB4403
import Foundation
import InterchangeRuntime
import Testing

/// Generated models decode from and encode to `JSONValue` directly, keeping number texts,
/// member order and members the table does not define.
@Suite struct ModelCodingTests {
    @Test func validPayloadRoundTripsByteForByte() throws {
        let value = try fixture("parkInfo-valid.json")
        let park = try ParkInfo(json: value)
        #expect(park.parkType == .indoor)
        #expect(park.chargingStandard?.pricing == .marketRegulated)
        #expect(park.longitude?.text == "114.0860700")
        #expect(park.chargingStandard?.chargeItemstable.first?.chargeItem == "小型车临时停放")
        #expect(JSONWriter().string(park.json) == JSONWriter().string(value))
    }

    /// `Codable` (for Foundation, Hummingbird or Vapor users) goes through the same exact codec:
    /// aliases, unknown members and required members behave as with `init(json:)`.
    @Test func codableGoesThroughTheExactCodec() throws {
        let decoded = try JSONDecoder().decode(PushStationChangeResponse.self, from: Data(#"{"status":1,"extra":"kept"}"#.utf8))
        #expect(decoded.state?.rawValue == 1)
        #expect(decoded.additionalMembers["extra"] == "kept")
        let encoded = try JSONDecoder().decode(JSONValue.self, from: try JSONEncoder().encode(decoded))
        #expect(encoded["state"] == 1 && encoded["extra"] == "kept")
        #expect(throws: DecodingFailure.self) { try JSONDecoder().decode(ParkOrder.self, from: Data("{}".utf8)) }
    }

    @Test func moneyKeepsItsText() throws {
        let order = try ParkOrder(json: try fixture("parkOrder-valid.json"))
        #expect(order.paidAmount.text == "20.00")
        #expect(order.otherFee.text == "0")
        #expect(order.paidAmount.decimal == Decimal(20))
        #expect(order.enterTime == LocalDateTime("2023-01-01 08:00:00"))
        #expect(order.chargingDuration == 135)
    }

    @Test func undocumentedEnumValuesAndUnknownMembersSurvive() throws {
        guard case .object(var object) = try fixture("parkRecordInfo-valid.json").replacing("recordType", with: .number(7)) else {
            Issue.record("fixture is not an object")
            return
        }
        object.append("isSharedParking", .bool(false))
        let record = try ParkRecordInfo(json: .object(object))
        #expect(record.recordType == .undocumented(7))
        #expect(record.recordType?.rawValue == 7)
        #expect(record.additionalMembers["isSharedParking"] == .bool(false))
        #expect(record.json["isSharedParking"] == .bool(false))
        #expect(record.json["recordType"] == .number(7))
    }

    @Test func statusIsAcceptedForTheSeedsStateField() throws {
        let equipment = try Equipment(json: try JSONReader().read(#"""
            {"id":"0A1B2C3D4E5F60718293A4B5C6D7E8F9","equipmentCode":"E1","name":"道闸","equipmentType":"1000","status":3,"moment":"2024-01-01 00:00:00"}
            """#))
        #expect(equipment.state == .underMaintenance)
        #expect(equipment.json["state"] == .number(3))
    }

    @Test func decodingFailuresNameThePath() throws {
        #expect(throws: DecodingFailure("required member missing", path: [.key("owner")])) {
            try ParkInfo(json: try fixture("D10-parkInfo.json"))
        }
        #expect(throws: DecodingFailure("expected string, got number", path: [.key("parkCode")])) {
            try ParkRecordInfo(json: try fixture("D19-parkRecordInfo.json"))
        }
    }

    @Test func codableUsesTheWireNames() throws {
        let car = ParkCarInfo(plateNo: "粤B88888", eidEquiped: true, vrdbNo: "0101")
        let data = try JSONEncoder().encode(car)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""vrdb_no":"0101""#))
        #expect(try JSONDecoder().decode(ParkCarInfo.self, from: data) == car)
    }
}

extension JSONValue {
    /// A copy with member `key` set to `value` (test helper).
    func replacing(_ key: String, with value: JSONValue) -> JSONValue {
        guard case .object(var object) = self, let index = object.members.firstIndex(where: { $0.key == key }) else { return self }
        object.members[index].value = value
        return .object(object)
    }
}
