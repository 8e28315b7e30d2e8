import DB4403
import InterchangeRuntime
import Testing

/// Corrections an audit against DB4403/T 313—2023's own text found, each with the
/// document's own words or values.
@Suite struct DB4403DocumentCorrectionTests {
    func model(_ table: String) throws -> any WireModel.Type {
        let schema = try #require(db4403Catalog.table(named: table), "\(table)")
        return try #require(db4403Catalog.models.first { $0.schema === schema })
    }

    /// 表83 (6006) says "spaceNo、plateNo应提供一个", as 表14 does, and now enforces it.
    @Test func table83NeedsASpaceOrAPlate() throws {
        #expect(try model("表83").validate(try JSONReader().read(#"{"parkCode":"P001"}"#)).map(\.description) == [
            "$: error: crossField: at least one of spaceNo, plateNo is required: spaceNo、plateNo应提供一个 [表83]"
        ])
        #expect(try model("表83").validate(try JSONReader().read(#"{"parkCode":"P001","plateNo":"粤B12345"}"#)).isEmpty)
    }

    /// 1102–1104 take the names their sections 6.10.3–6.10.5 give (表1 names them otherwise).
    @Test func interfaces1102To1104FollowTheirSections() {
        #expect(db4403Catalog.interface(named: "1102")?.label == "充电站信息变化推送")
        #expect(db4403Catalog.interface(named: "1103")?.label == "推送设备状态")
        #expect(db4403Catalog.interface(named: "1104")?.label == "充电业务信息交换")
    }

    /// 表106 confirmResult "0：成功；1：失败；2~99：扩展".
    @Test func table106ConfirmResultIsEnumeratedWithItsExtensions() throws {
        let field = try #require(try model("表106").schema.field(forKey: "confirmResult"))
        #expect(field.values.map(\.wire) == ["0", "1"])
        #expect(field.extensions == 2...99)
    }

    /// 表43 code "编码应符合表 A.2 的规定": it takes 表A.2's codes.
    @Test func table43CodeTakesTableA2() throws {
        let schema = try model("表43").schema
        #expect(schema.field(forKey: "code")?.values.contains { $0.wire == "1004" && $0.meaning == "超出规定长度" } == true)
        #expect(try model("表43").validate(try JSONReader().read(#"{"code":"1004"}"#)).map(\.description) == [
            "$.code: error: type: 响应编码 expects an integer, got string '1004' [表43]"
        ])
    }

    /// 表30 idType lists "X: 其它证件" on an Int field. Peers send the integers 0–9, which pass;
    /// "X" cannot be an Int, so it is a type error the field's note explains (the spec
    /// language has no number-or-text type).
    @Test func table30IdTypeXIsATypeErrorTheNoteExplains() throws {
        let schema = try model("表30").schema
        let field = try #require(schema.field(forKey: "idType"))
        #expect(field.note?.contains("X: 其它证件") == true)
        let problems = try model("表30").validate(try JSONReader().read(#"{"idType":"X"}"#)).map(\.description)
        #expect(problems.contains("$.idType: error: type: 个人证件类型 expects an integer, got string 'X' [表30]"))
        #expect(!(try model("表30").validate(try JSONReader().read(#"{"idType":9}"#)).map(\.description)).contains { $0.contains("idType") })
    }
}
