import Foundation
import InterchangeRuntime
import Testing
import Tomda
import TomdaWire
import Yinli
import Youxing

func fixture(_ name: String) throws -> JSONValue {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/Partners/\(name)")
    return try JSONReader().read(Array(try Data(contentsOf: url)))
}

func messages(_ model: any WireModel.Type, _ value: JSONValue, path: [JSONPathComponent] = []) -> [String] {
    model.validate(value, options: ValidationOptions(rootPath: path)).map(\.description)
}

@Suite struct YouxingSpecTests {
    /// 2.1's example sends groupId, lng and lat as numbers where the table says String.
    @Test func stubGroupExampleContradictsItsTable() throws {
        guard case .array(let groups) = try fixture("youxing-2.1-response-data.json") else {
            Issue.record("expected an array")
            return
        }
        #expect(messages(StubGroup.self, groups[0], path: [.index(0)]) == [
            "$[0].groupId: error: type: 桩群编号 expects a string, got number 252 [2.1]",
            "$[0].lat: error: type: 桩群纬度 expects a string, got number 30.27106 [2.1]",
            "$[0].lng: error: type: 桩群经度 expects a string, got number 120.128628 [2.1]",
        ])
        #expect(youxingCatalog.interface(named: "syncStubGroupInfo")?.responseIsList == true)
    }

    /// 2.3's example sends chargeType as a string where the table says int.
    @Test func orderExampleContradictsItsTable() throws {
        #expect(messages(OrderInfo.self, try fixture("youxing-2.3-response-data.json")) == [
            "$.chargeType: error: type: 充电类型 expects an integer, got string '0' [2.3]"
        ])
    }

    @Test func statusCodesAndInterfaces() {
        #expect(ResponseStatus(rawValue: 304) == .tokenMismatch)
        #expect(youxingCatalog.interface(named: "orderCallback")?.server == "youxing")
        #expect(youxingCatalog.interfaces.count == 9)
    }
}

@Suite struct TomdaSpecTests {
    @Test func workDataPushWithTwoConnectorsIsValid() throws {
        let push = try TomdaEnvelope.openPush(JSONWriter().bytes(try fixture("tomda-work-data.json")))
        #expect(push.type == "WORK_DATA")
        #expect(WorkData.validate(push.content, options: .init(unknownFields: .error)).isEmpty)
        let work = try WorkData(json: push.content)
        #expect(work.workDataInfo.count == 2)
        #expect(work.workDataInfo[0].chargerRunStatus == .charge)
        #expect(ExactNumber(work.workDataInfo[0].chargeEnergy).shiftingDecimalPoint(by: -3)?.text == "3.502")
        #expect(ExactNumber(work.workDataInfo[0].chargeCost ?? 0).shiftingDecimalPoint(by: -2)?.text == "4.55")
        #expect(PushType(rawValue: push.type) == .workData)
    }

    @Test func stationNeedsAModelIdOrAModel() throws {
        // 4.5.6 types stationName int; a real name is text and passes (the spec notes the type).
        let station = try JSONReader().read(#"{"clientStationId":"S1","stationName":"深圳湾","stationStatus":"WORKING","location":"深圳","latitude":"22.5","longitude":"114.0","stationType":1}"#)
        #expect(messages(Station.self, station) == [
            "$: error: crossField: at least one of clientElecFeeModelId, elecFeeModelInfo is required: clientElecFeeModelId 为空时，费率模板信息一定不能为空 [4.5.6]"
        ])
    }

    @Test func codeListsFromTheAppendices() {
        #expect(ErrorCode(rawValue: "1300") == .tokenExpired)
        #expect(OrderStatus(rawValue: "CLOSED") == .closed)
        #expect(EventCode(rawValue: "TOMDA_EBIKE_FAULT_ES") == .ebikeFaultEs)
        #expect(CloseType(rawValue: "EBIKE_REMOTE") == .remote)
        #expect(tomdaCatalog.interfaces.filter { $0.server == "thirdParty" }.compactMap(\.code) == [
            "WORK_DATA", "EVENT_DATA", "ORDER_DATA", "DEVICE_INFO", "QUERY_ORDER_BALANCE_INFO", "QUERY_CHARGER_ELEC_FEE", "PUSH_ELEC_FEE_RESULT",
        ])
    }
}

@Suite struct YinliSpecTests {
    @Test func examplesValidate() throws {
        #expect(messages(SynchronizeRequest.self, try fixture("yinli-1.1-request.json")) == [])
        #expect(messages(SynchronizeResponse.self, try fixture("yinli-1.1-response.json")) == [])
        let request = try SynchronizeRequest(json: try fixture("yinli-1.1-request.json"))
        #expect(request.data?.first?.deviceElectricPriceRecordList?.first?.priceLevel == 0)
    }

    @Test func unpublishedInterfacesAreListedAsSuch() {
        let unpublished = yinliCatalog.interfaces.filter { !$0.published }
        #expect(unpublished.count == 10)
        #expect(unpublished.allSatisfy { $0.path == nil && $0.request == nil })
        #expect(yinliCatalog.interface(named: "/openapi/device/synchronize")?.published == true)
    }
}

/// Tomda 5.5.1 and 5.5.3 say connectorId "单枪桩传 0 或者不传": a push without it passes.
@Suite struct TomdaConnectorIdTests {
    @Test func aSingleConnectorChargerMayOmitIt() throws {
        let order = try JSONReader().read(#"{"serialNum":"SN1","clientOrderId":"O1","chargeStartTime":"2024-05-01 08:00:00","chargeEndTime":"2024-05-01 09:00:00","chargeEnergy":3502,"chargeTime":3600,"closeType":"EBIKE_REMOTE"}"#)
        #expect(OrderData.validate(order).isEmpty)
        #expect(OrderData.schema.field(forKey: "connectorId")?.required == false)
    }
}
