import DB4403
import InterchangeRuntime
import Testing

@Suite struct CodeListTests {
    /// 表A.3 lists 8001–8003 twice with different meanings; both are kept.
    @Test func eventCodesListedTwiceKeepBothMeanings() throws {
        let list = try #require(db4403Catalog.codeLists.first { $0.name == "EventType" })
        let meaning = try #require(list.values.first { $0.wire == "8001" }).meaning
        #expect(meaning == "车辆入库 (事件类别: 普通; 适用范围: 机械车库) | 急停触发告警 (事件类别: 告警; 适用范围: 机械车库)")
        #expect(list.values.count == 33)
        #expect(EventType(rawValue: 8001) == .vehicleStoredOrEmergencyStop)
        #expect(EventType(rawValue: 8031) == .gatePlateRecognitionFault)
        #expect(EventType(rawValue: 9999) == .undocumented(9999))
    }

    @Test func equipmentTypesCombine表9And表A4() throws {
        let valid = try JSONReader().read(#"{"id":"0A1B2C3D4E5F60718293A4B5C6D7E8F9","equipmentCode":"E1","name":"急停","equipmentType":"6001","state":1,"moment":"2024-01-01 00:00:00"}"#)
        #expect(Equipment.validate(valid).isEmpty)
        #expect(try Equipment(json: valid).equipmentType == .emergencyStop)
        let invalid = valid.replacing("equipmentType", with: "6XXX")
        #expect(Equipment.validate(invalid).map(\.rule) == [.enumeration])
        let event = try JSONReader().read(#"{"id":"0A1B2C3D4E5F60718293A4B5C6D7E8F9","time":"2024-01-01 00:00:00","eventType":7000,"eventLevel":1,"equipmentId":"0A1B2C3D4E5F60718293A4B5C6D7E8F9","remark":"x"}"#)
        #expect(EventInfo.validate(event).map(\.description).first?.hasPrefix("$.eventType: error: enumeration: 事件类型 expects one of 1001 (套牌车进出") == true)
    }

    @Test func businessCodesForTheDispatcher() {
        #expect(BusinessCode(rawValue: 3002) == .invalidAccessToken)
        #expect(BusinessCode.tooLong.rawValue == 1004)
        #expect(ResultCode(rawValue: 0) == .success)
    }
}
