import InterchangeCompiler
import Testing

/// A small spec that uses every construct of the language, and the Swift it must produce.
@Suite struct EmitterReferenceTests {
    static let types = """
        codeLists:
          resultCode:
            label: 系统编码
            source: 表A.1
            type: Int
            codes:
              0: {case: success, meaning: 成功}
              1: {case: failure, meaning: 失败}
        types:
          parkOrder:
            label: 停车订单信息
            title: 停车订单信息列表
            source: 表14
            section: "5.4.11"
            fields:
              orderNo: {label: 订单编号, type: String, maxLength: 50, required: true, description: 唯一订单编号}
              spaceNo: {label: 车位编号, type: String, maxLength: 28}
              plateNo: {label: 车牌号码, type: String, maxLength: 10}
              operator: {label: 运营方, type: String, length: 9}
              vrdb_no: {label: 车辆登记编号, type: String}
              type:
                label: 出入口类型
                type: Int
                required: true
                values:
                  1: {case: entrance, meaning: 入口}
                  2: {case: exit, meaning: 出口}
              paidAmount: {label: 已缴费金额, type: Decimal, required: true, scale: 2, unit: 元, minimum: "0"}
              enterTime: {label: 入场时间, type: DateTime, required: true}
              result: {label: 结果, type: Int, codeList: resultCode}
              items:
                label: 收费项目
                type: List<chargeItem>
                maxItems: 100
                note: 最大一百条
              state: {label: 状态, type: Int, aliases: [status]}
            rules:
              - {atLeastOne: [spaceNo, plateNo], text: spaceNo、plateNo应提供一个}
              - {requiredIf: {field: plateNo, when: type, equals: "2"}, text: 出口时应提供}
          chargeItem:
            label: 收费项目
            source: 表5
            note: Named only through List<chargeItem>.
            fields:
              chargeItem: {label: 收费项目, type: String, maxLength: 20, required: true}
        """

    @Test func generatedSwiftMatchesTheReference() {
        let result = check(["protocol.yaml": protocolSpec, "types.yaml": Self.types])
        #expect(result.diagnostics.isEmpty)
        let files = Compiler().generate(result.models)
        #expect(files.map(\.path) == ["Demo/Protocol.swift", "Demo/Types.swift"])
        let refresh = "If the change is intended, copy the generated text into the reference (see EmitterReferenceTests)."
        for file in files {
            expectSameText(file.contents, asFile: "Tests/CompilerTests/References/\(file.path)", refresh: refresh)
        }
    }
}
