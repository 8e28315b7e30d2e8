import EVCS
import InterchangeRuntime
import Testing

/// Corrections to the EVCS specs an audit against DB4403/T 313—2023 附录B and T/CEC 102
/// found, each with the document's own values.
@Suite struct EVCSDocumentCorrectionTests {
    func problems(_ model: any WireModel.Type, _ json: String) throws -> [String] {
        model.validate(try JSONReader().read(json)).map(\.description)
    }

    static let station = #"{"StationID":"S1","OperatorID":"MA5DA0053","EquipmentOwnerID":"OWNER","StationName":"站","CountryCode":"CN","AreaCode":"441781","Address":"深圳","ServiceTel":"400","StationType":1,"StationStatus":50,"ParkNums":0,"StationLng":114.1,"StationLat":22.5,"Construction":1}"#

    /// "20 字符" is a maximum: the document's own example sends AreaCode "441781".
    @Test func areaCodeOfSixDigitsPasses() throws {
        let found = try problems(StationInfo.self, Self.station.replacingOccurrences(of: "OWNER", with: "MA5DA0053"))
        #expect(!found.contains { $0.contains("AreaCode") }, "\(found)")
    }

    /// 统一社会信用代码 (18) and 组织机构代码 (9) are both accepted; 19 characters are not.
    @Test func ownerIDsTakeBothCodeForms() throws {
        for owner in ["MA5DA0053", "91440300MA5DA00530"] {
            #expect(!(try problems(StationInfo.self, Self.station.replacingOccurrences(of: "OWNER", with: owner))).contains { $0.contains("EquipmentOwnerID") })
        }
        #expect(try problems(StationInfo.self, Self.station.replacingOccurrences(of: "OWNER", with: "91440300MA5DA005300")).contains(
            "$.EquipmentOwnerID: error: maxLength: 设备所属方 ID expects at most 18 characters, got 19 [表B.1]"))
    }

    /// A T/CEC 102.2—2016 equipment: no NationalStandard or ManufacturerID, a ManufacturerName.
    @Test func aTCECEquipmentPasses() throws {
        let equipment = #"{"EquipmentID":"E1","ManufacturerName":"某厂","EquipmentType":1,"Power":60.0,"ConnectorInfos":[{"ConnectorID":"C1","ConnectorName":"1号枪","ConnectorType":4,"VoltageUpperLimits":750,"VoltageLowerLimits":200,"Current":250,"Power":60.0,"ParkNo":"A12","NationalStandard":2}]}"#
        #expect(EquipmentInfo.validate(try JSONReader().read(equipment), options: .init(unknownFields: .error)).isEmpty)
        #expect(try problems(EquipmentInfo.self, equipment.replacingOccurrences(of: #""NationalStandard":2"#, with: #""NationalStandard":3"#)) == [
            "$.ConnectorInfos[0].NationalStandard: error: enumeration: 国家标准 expects one of 1 (2011), 2 (2015), got 3 [表B.3]"
        ])
    }

    /// 表B.23: a token request without its secret is refused; every key misspelt is not "valid".
    @Test func queryTokenNeedsItsSecret() throws {
        #expect(try problems(QueryTokenRequest.self, #"{"OperatorID":"MA5DA0053"}"#) == [
            "$.OperatorSecret: error: required: 运营商密钥 is required [表B.23]"
        ])
        #expect(try problems(QueryEquipAuthRequest.self, #"{"equipAuthSeq":"x","connectorId":"y"}"#).filter { $0.contains("error:") } == [
            "$.EquipAuthSeq: error: required: 设备认证流水号 is required [表B.10]",
            "$.ConnectorID: error: required: 充电设备接口编码 is required [表B.10]",
        ])
    }

    /// 表B.24: a success carries its token and lifetime; a failure need not.
    @Test func aTokenSuccessCarriesItsToken() throws {
        #expect(try problems(QueryTokenResponse.self, #"{"SuccStat":0}"#) == [
            "$.AccessToken: error: crossField: AccessToken is required when SuccStat is 0: 成功时返回获取的凭证 [表B.24]",
            "$.TokenAvailableTime: error: crossField: TokenAvailableTime is required when SuccStat is 0: 成功时返回凭证有效期 [表B.24]",
        ])
        #expect(try problems(QueryTokenResponse.self, #"{"SuccStat":1,"FailReason":2}"#).isEmpty)
    }

    /// 表B.6 LastQueryTime "可以为空".
    @Test func anEmptyLastQueryTimePasses() throws {
        #expect(try problems(QueryStationsInfoRequest.self, #"{"LastQueryTime":"","PageNo":1}"#).isEmpty)
    }

    /// The T/CEC spellings and the variants peers send are the same member.
    @Test func chargeStatusSpellingsAreAliases() throws {
        let status = #"{"StartChargeSeq":"MA5DA0053000000000000000001","StartChargeSeqStat":2,"ConnectorID":"C1","ConnectorStatus":3,"CurrentA":12.5,"VoltageA":380,"SOC":56.5,"StartTime":"2024-05-01 08:00:00","EndTime":"2024-05-01 08:30:00","TotalPower":10.25,"ElectMoney":5.12,"ServiceMoney":3.00}"#
        #expect(EquipChargeStatus.validate(try JSONReader().read(status), options: .init(unknownFields: .error)).isEmpty)
        let decoded = try EquipChargeStatus(json: try JSONReader().read(status))
        #expect(decoded.elecMoney?.text == "5.12")
        #expect(decoded.seviceMoney?.text == "3.00")
        #expect(decoded.soc.text == "56.5")
    }
}
