import DB4403
import InterchangeRuntime
import Testing

/// Valid and invalid payloads for 表3, 表13, 表14, 表16 and 表28, asserting every diagnostic.
@Suite struct PayloadValidationTests {
    func messages(_ model: any WireModel.Type, _ file: String, strict: Bool = false) throws -> [String] {
        let options = ValidationOptions(unknownFields: strict ? .error : .warning)
        return model.validate(try fixture(file), options: options).map(\.description)
    }

    @Test(arguments: [
        ("parkInfo-valid.json", ParkInfo.self as any WireModel.Type),
        ("parkRecordInfo-valid.json", ParkRecordInfo.self), ("parkOrder-valid.json", ParkOrder.self),
        ("discountRecord-valid.json", DiscountRecord.self), ("monthlyRentalLease-valid.json", MonthlyRentalLease.self),
    ])
    func validPayloadsHaveNoDiagnostics(file: String, model: any WireModel.Type) throws {
        #expect(try messages(model, file, strict: true) == [])
    }

    /// Annex D.10 contradicts 表3/表4: the example is asserted as it is, not hidden.
    @Test func d10ExampleContradictsItsTables() throws {
        #expect(try messages(ParkInfo.self, "D10-parkInfo.json") == [
            "$.chargingStandard.permitNo: error: maxLength: 停车许可证号 expects at most 6 characters, got 10 [表4]",
            "$.districtCode: error: maxLength: 行政区代码 expects at most 9 characters, got 12 [表3]",
            "$.operatorId: error: maxLength: 停车场运营方编号 expects at most 10 characters, got 32 [表3]",
            "$.Owner: warning: unknownField: 'Owner' is not a field of parkInfo (停车场信息) [表3]",
            "$.owner: error: required: 停车场产权方 is required [表3]",
        ])
    }

    @Test func invalidParkInfoReportsEveryProblem() throws {
        #expect(try messages(ParkInfo.self, "parkInfo-invalid.json") == [
            "$.parkType: error: enumeration: 停车场类型 expects one of 0 (路内停车区), 1 (室内停车场), 2 (室外停车场), got 5 [表3]",
            "$.chargingStandard.chargeItemstable[0].chargeDesc: error: required: 收费标准描述 is required [表5]",
            "$.chargingStandard.chargeItemstable[1]: error: type: 收费项目列表 expects object chargeItems, got string '大型车' [表4]",
            "$.totalSpaces: error: type: 总车位数 expects an integer, got number 300.5 [表3]",
            "$.longitude: error: type: 经度 expects a number, got string '114.08607' [表3]",
            "$.roadName: error: required: 道路名称 is required [表3]",
        ])
    }

    /// Annex D.19 (5004) sends parkCode and garageNo as numbers, licensePlateType as a string,
    /// and a field 表13 does not define.
    @Test func d19ExampleContradictsItsTables() throws {
        #expect(try messages(ParkRecordInfo.self, "D19-parkRecordInfo.json") == [
            "$.parkCode: error: type: 停车场编号 expects a string, got number 44030400100101000010 [表13]",
            "$.garageNo: error: type: 机械车库编号 expects a string, got number 876868435 [表13]",
            "$.parkCarInfo.licensePlateType: error: type: 号牌类型 expects an integer, got string '1' [表11]",
            "$.isSharedParking: warning: unknownField: 'isSharedParking' is not a field of parkRecordInfo (停车信息) [表13]",
        ])
        let strict = try messages(ParkRecordInfo.self, "D19-parkRecordInfo.json", strict: true)
        #expect(strict.last == "$.isSharedParking: error: unknownField: 'isSharedParking' is not a field of parkRecordInfo (停车信息) [表13]")
    }

    @Test func invalidParkOrderReportsEveryProblemAndTheCrossFieldRule() throws {
        #expect(try messages(ParkOrder.self, "parkOrder-invalid.json") == [
            "$.recordId: error: format: 停车记录ID expects 32 hexadecimal digits, got 'C78E319DAB604A268842ACF16477459' [表14]",
            "$.enterTime: error: format: 入场/入位时间 expects yyyy-MM-dd HH:mm:ss, got '2023/01/01 08:00:00' [表14]",
            "$.chargingDuration: error: type: 停车计费时长 expects an integer, got string '135' [表14]",
            "$.paidAmount: error: scale: 已缴费金额 expects at most 2 digits after the decimal point, got 20.555 [表14]",
            "$.chargeType: error: range: 收费类型 expects Int in -2147483648...2147483647, got 2147483648 [表14]",
            "$.chargeType: error: enumeration: 收费类型 expects one of 0 (正常收费), 1 (免费时间内免费), 2 (免费), 3 (超过最高收费而免费), 4 (打折后免费), 5 (其它), got 2147483648 [表14]",
            "$: error: crossField: at least one of spaceNo, plateNo is required: spaceNo、plateNo应提供一个 [表14]",
        ])
    }

    @Test func invalidDiscountRecordReportsEveryProblem() throws {
        #expect(try messages(DiscountRecord.self, "discountRecord-invalid.json") == [
            "$.id: error: format: ID expects 32 hexadecimal digits, got 'ff8080814d9be81f014d9beb8109000g' [表16]",
            "$.couponNo: error: maxLength: 优惠券编号 expects at most 20 characters, got 23 [表16]",
            "$.couponType: error: enumeration: 优惠类型 expects one of 0 (无优惠), 1 (减免金额), 2 (减免时间), 3 (打折), 4 (全免), got 9 [表16]",
            "$.couponValue: error: type: 优惠值 expects a number, got string '0.3' [表16]",
        ])
    }

    @Test func invalidLeaseReportsEveryProblemIncludingNestedPricing() throws {
        #expect(try messages(MonthlyRentalLease.self, "monthlyRentalLease-invalid.json") == [
            "$.spaceNoList[1]: error: type: 停车位列表 expects a string, got number 109 [表28]",
            "$.pricing[0].cycleType: error: enumeration: 周期类型 expects one of 1 (月), 2 (天), got 3 [表29]",
            "$.pricing[0].amount: error: scale: 金额 expects at most 2 digits after the decimal point, got 300.005 [表29]",
            "$.beginDate: error: format: 有效期起始日期 expects yyyy-MM-dd, got '2024-01-01 00:00:00' [表28]",
            "$.endDate: error: format: 有效期结束日期 expects yyyy-MM-dd, got '2024-02-30' [表28]",
            "$.moment: error: range: 变更时间戳 expects Timestamp in 0...9223372036854775807, got -1 [表28]",
            "$.plateNoList: error: required: 车辆列表 is required [表28]",
        ])
    }

    @Test func diagnosticsCarryStructuredParts() throws {
        let diagnostic = try #require(ParkInfo.validate(try fixture("D10-parkInfo.json")).first)
        #expect(diagnostic.location == .jsonPath("$.chargingStandard.permitNo"))
        #expect(diagnostic.rule == .maxLength)
        #expect(diagnostic.expected == "at most 6 characters")
        #expect(diagnostic.actual == "10 characters")
        #expect(diagnostic.source == "表4")
        #expect(diagnostic.label == "停车许可证号")
        #expect(JSONWriter().string(diagnostic.json) == #"{"severity":"error","message":"停车许可证号 expects at most 6 characters, got 10","path":"$.chargingStandard.permitNo","rule":"maxLength","expected":"at most 6 characters","actual":"10 characters","source":"表4","label":"停车许可证号"}"#)
    }
}
