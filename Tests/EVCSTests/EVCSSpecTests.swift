import EVCS
import Foundation
import InterchangeRuntime
import Testing

func fixture(_ name: String) throws -> JSONValue {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/EVCS/\(name)")
    return try JSONReader().read(Array(try Data(contentsOf: url)))
}

@Suite struct EVCSSpecTests {
    /// The B.3.4 example contradicts 表B.1–B.7: asserted, not hidden.
    @Test func b34ExampleContradictsItsTables() throws {
        let found = QueryStationsInfoResponse.validate(try fixture("B34-query-stations-info-data.json")).map(\.description)
        #expect(found == [
            "$.PageNO: warning: unknownField: 'PageNO' is not a field of queryStationsInfoResponse (查询充电站信息响应) [表B.7]",
            "$.StationInfos: error: type: 充电站信息列表 expects an array, got object [表B.7]",
        ])
        // Inside, as an object of 表B.1, the station shows the example's other deviations.
        let station = try #require(try fixture("B34-query-stations-info-data.json")["StationInfos"])
        #expect(StationInfo.validate(station).map(\.description) == [
            "$.OperationID: warning: unknownField: 'OperationID' is not a field of stationInfo (充电站信息) [表B.1]",
            "$.PlatformID: warning: unknownField: 'PlatformID' is not a field of stationInfo (充电站信息) [表B.1]",
            "$.districtCode: warning: unknownField: 'districtCode' is not a field of stationInfo (充电站信息) [表B.1]",
            "$.Lng: warning: unknownField: 'Lng' is not a field of stationInfo (充电站信息) [表B.1]",
            "$.Lat: warning: unknownField: 'Lat' is not a field of stationInfo (充电站信息) [表B.1]",
            "$.EquipmentInfos[0].ConnectorInfos[0].NationalStandard: error: required: 国家标准 is required [表B.3]",
            "$.EquipmentInfos[0].Power: error: required: 充电设备总功率 is required [表B.2]",
            "$.OperatorID: error: required: 运营商 ID is required [表B.1]",
            "$.EquipmentOwnerID: error: required: 设备所属方 ID is required [表B.1]",
            "$.AreaCode: error: required: 充电站省市辖区编码 is required [表B.1]",
            "$.StationLng: error: required: 经度 is required [表B.1]",
            "$.StationLat: error: required: 纬度 is required [表B.1]",
        ])
    }

    /// B.3.3's plaintext, as the document prints it, is not valid JSON (a trailing comma).
    @Test func b33PlaintextIsNotJSON() {
        let plaintext = #"{"total":1,"stationStatusInfo":{"operationID":"123456789","stationID":"111111111111111","connectorStatusInfos":{"connectorID":1,"equipmentID":"10000000000000000000001","status":4,"currentA":0,"currentB":0,"currentC":0,"voltageA":0,"voltageB":0,"voltageC":0,"soc":10,}}}"#
        #expect(throws: JSONReadError.self) { try JSONReader().read(plaintext) }
        do {
            _ = try JSONReader().read(plaintext)
        } catch {
            #expect(error.description == "1:267 (byte 266): unexpected '}': expected a key string")
        }
    }

    @Test func chargeOrderWithFourPeriodsIsValidAndKeepsItsMoneyText() throws {
        let value = try fixture("notification-charge-order-info.json")
        #expect(NotificationChargeOrderInfoRequest.validate(value, options: .init(unknownFields: .error)).isEmpty)
        let order = try NotificationChargeOrderInfoRequest(json: value)
        #expect(order.chargeDetails?.count == 4)
        #expect(order.totalMoney.text == "48.60")
        #expect(order.chargeDetails?.first?.elecPrice?.text == "0.8000")
        #expect(order.stopReason == .stoppedByUser)
    }

    @Test func seedSpellingsAndCorrectSpellingsAreAliases() throws {
        let value = try JSONReader().read(#"{"ConnectorID":"1","state":3,"Parkstate":50}"#)
        #expect(ConnectorStatusInfo.validate(value).isEmpty)
        let status = try ConnectorStatusInfo(json: value)
        #expect(status.status == .occupiedCharging)
        #expect(status.parkStatus == .occupied)
        #expect(JSONWriter().string(status.json) == #"{"ConnectorID":"1","Status":3,"ParkStatus":50}"#)
        let order = try JSONReader().read(#"{"StartChargeSeq":"MA5DA0053000000000000000001","ConnectorID":"1","StartTime":"2024-05-01 08:00:00","EndTime":"2024-05-01 10:00:00","TotalPower":1,"TotalElecMoney":1,"TotalServiceMoney":1,"TotalMoney":2,"StopReason":4}"#)
        #expect(NotificationChargeOrderInfoRequest.validate(order).isEmpty)
    }

    @Test func extensionRangesAreAcceptedAndOthersAreNot() throws {
        let base = #"{"StartChargeSeq":"MA5DA0053000000000000000001","StartChargeSeqStat":4,"SuccStat":1,"FailReason":REASON}"#
        #expect(QueryStopChargeResponse.validate(try JSONReader().read(base.replacingOccurrences(of: "REASON", with: "50"))).isEmpty)
        let outside = QueryStopChargeResponse.validate(try JSONReader().read(base.replacingOccurrences(of: "REASON", with: "100")))
        #expect(outside.map(\.description) == [
            "$.FailReason: error: enumeration: 失败原因 expects one of 0 (无), 1 (此设备不存在), 2 (此设备离线), 3 (设备已停止充电), or 4...99 (extensions), got 100 [表B.15]"
        ])
    }

    @Test func interfacesAndRoles() throws {
        #expect(evcsCatalog.interfaces.map(\.code) == [
            "query_stations_info", "notification_stationStatus", "query_equip_auth", "query_start_charge", "query_stop_charge",
            "notification_charge_order_info", "check_charge_orders", "query_token",
            // T/CEC 102.2—2016 and 102.3—2016, which Annex B leaves out:
            "query_station_status", "query_station_stats", "query_equip_business_policy", "notification_start_charge_result",
            "query_equip_charge_status", "notification_equip_charge_status", "notification_stop_charge_result",
        ])
        for code in ["query_station_status", "query_station_stats", "query_equip_business_policy", "query_equip_charge_status"] {
            #expect(evcsCatalog.interface(named: code)?.server == "chargingOperator", "\(code)")
        }
        for code in ["notification_start_charge_result", "notification_equip_charge_status", "notification_stop_charge_result"] {
            #expect(evcsCatalog.interface(named: code)?.server == "dataConsumer", "\(code)")
        }
        #expect(evcsCatalog.interface(named: "query_equip_charge_status")?.source == "T/CEC 102.3—2016 query_equip_charge_status")
        #expect(evcsCatalog.interface(named: "query_start_charge")?.server == "chargingOperator")
        #expect(evcsCatalog.interface(named: "notification_charge_order_info")?.server == "dataConsumer")
        #expect(RetCode(rawValue: 4002) == .badToken)
        #expect(RetCode(rawValue: -1) == .busy)
    }
}
