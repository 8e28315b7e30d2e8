import Testing

/// Each malformed spec must produce exactly these diagnostics, positions included.
@Suite struct MalformedSpecTests {
    @Test func unknownTypeSuggestsTheClosestName() {
        #expect(diagnostics(types: """
            types:
              parkInfo:
                label: 停车场信息
                source: 表3
                fields:
                  parkCode: {label: 停车场编号, type: Strng, maxLength: 20}
            """) == ["Specs/Demo/types.yaml:6:38: error: unknown type 'Strng' (did you mean 'String'?)"])
    }

    @Test func unknownKeySuggestsTheClosestKey() {
        #expect(diagnostics(types: """
            types:
              parkInfo:
                label: 停车场信息
                source: 表3
                fields:
                  parkCode:
                    lable: 停车场编号
                    type: String
            """) == [
                "Specs/Demo/types.yaml:7:9: error: unknown key 'lable' in field 'parkCode' (did you mean 'label'?)",
                "Specs/Demo/types.yaml:7:9: error: field 'parkCode' is missing required key 'label'",
            ])
    }

    @Test func yamlSyntaxErrorsPointAtTheProblem() {
        #expect(diagnostics(types: """
            types:
              parkInfo:
                label: 停车场信息
                fields: {parkCode: {label: 停车场编号, type: String}
            """) == ["Specs/Demo/types.yaml:5:1: error: YAML syntax: did not find expected ',' or '}' while parsing a flow mapping"])
    }

    @Test func duplicateFieldIsReported() {
        #expect(diagnostics(types: """
            types:
              parkInfo:
                label: 停车场信息
                source: 表3
                fields:
                  parkCode: {label: 停车场编号, type: String}
                  parkCode: {label: 停车场编号, type: String}
            """) == ["Specs/Demo/types.yaml:7:7: error: duplicate key 'parkCode' in 'fields of type 'parkInfo''"])
    }

    @Test func maxLengthOnANumberIsMisplaced() {
        #expect(diagnostics(types: """
            types:
              equipment:
                label: 设备信息
                source: 表9
                fields:
                  state: {label: 状态, type: Int, maxLength: 4}
            """) == ["Specs/Demo/types.yaml:6:48: error: 'maxLength' applies to String fields, not to field 'state' of type Int"])
    }

    @Test func exactAndMaximumLengthTogether() {
        #expect(diagnostics(types: """
            types:
              organization:
                label: 组织信息
                source: 表12
                fields:
                  organizationCode: {label: 组织机构代码, type: String, maxLength: 18, length: 18}
            """) == ["Specs/Demo/types.yaml:6:78: error: field 'organizationCode' has both 'maxLength' (18) and 'length' (18); an exact length is one or the other"])
    }

    @Test func enumeratedValueMustMatchTheType() {
        #expect(diagnostics(types: """
            types:
              publicCreditInfo:
                label: 公共信用信息
                source: 表30
                fields:
                  idType:
                    label: 个人证件类型
                    type: Int
                    values:
                      0: {case: idCard, meaning: 身份证}
                      X: {case: other, meaning: 其它证件}
            """) == ["Specs/Demo/types.yaml:11:11: error: value 'X' is not an integer, but the field is Int"])
    }

    @Test func caseNamesMustBeUniqueIdentifiers() {
        #expect(diagnostics(types: """
            types:
              parkInfo:
                label: 停车场信息
                source: 表3
                fields:
                  parkType:
                    label: 停车场类型
                    type: Int
                    values:
                      0: {case: onStreet, meaning: 路内停车区}
                      1: {case: onStreet, meaning: 室内停车场}
                      2: {case: 2nd, meaning: 室外停车场}
                      3: {case: none, meaning: 无}
            """) == [
                "Specs/Demo/types.yaml:11:21: error: case name 'onStreet' is used twice (first at line 10)",
                "Specs/Demo/types.yaml:12:21: error: case name '2nd' is not usable: it must be a Swift identifier other than 'undocumented'",
                "Specs/Demo/types.yaml:13:21: error: case name 'none' reads as Optional.none where the field is optional ('.none' would mean absent); choose another name",
            ])
    }

    @Test func ruleMustNameExistingFields() {
        #expect(diagnostics(types: """
            types:
              parkOrder:
                label: 停车订单信息
                source: 表14
                fields:
                  spaceNo: {label: 车位编号, type: String}
                  plateNo: {label: 车牌号码, type: String}
                rules:
                  - {atLeastOne: [spaceNo, plateNO], text: spaceNo、plateNo应提供一个}
            """) == ["Specs/Demo/types.yaml:9:32: error: rule names unknown field 'plateNO' of type 'parkOrder' (did you mean 'plateNo'?)"])
    }

    @Test func unknownCodeList() {
        #expect(diagnostics(types: """
            codeLists:
              eventType:
                label: 事件类型
                source: 表A.3
                type: Int
                codes:
                  1001: {case: entered, meaning: 车辆入场}
            types:
              eventInfo:
                label: 事件信息
                source: 表27
                fields:
                  eventType: {label: 事件类型, type: Int, codeList: eventTyp}
            """) == ["Specs/Demo/types.yaml:13:53: error: unknown code list 'eventTyp' (did you mean 'eventType'?)"])
    }

    @Test func aProtocolNeedsAProtocolDeclaration() {
        #expect(check(["types.yaml": "types: {}"]).diagnostics == [
            "Specs/Demo/types.yaml:1:1: error: no file of this protocol declares 'protocol:'"
        ])
    }

    @Test func protocolDeclaredTwice() {
        #expect(check(["protocol.yaml": protocolSpec, "second.yaml": protocolSpec]).diagnostics == [
            "Specs/Demo/second.yaml:2:3: error: 'protocol:' is declared twice (first at Specs/Demo/protocol.yaml:2)"
        ])
    }

    @Test func typeDeclaredInTwoFiles() {
        let type = """
            types:
              parkInfo:
                label: 停车场信息
                source: 表3
                fields:
                  parkCode: {label: 停车场编号, type: String}
            """
        #expect(check(["protocol.yaml": protocolSpec, "a.yaml": type, "b.yaml": type]).diagnostics == [
            "Specs/Demo/b.yaml:2:3: error: type 'parkInfo' is declared twice (first at Specs/Demo/a.yaml:2)",
            "Specs/Demo/b.yaml:2:3: error: Swift type name 'ParkInfo' is used twice (first at Specs/Demo/a.yaml:2)",
        ])
    }

    @Test func malformedListType() {
        #expect(diagnostics(types: """
            types:
              parkInfo:
                label: 停车场信息
                source: 表3
                fields:
                  garagesInfoTable: {label: 机械车库ID列表, type: List<String}
            """) == ["Specs/Demo/types.yaml:6:49: error: malformed list type 'List<String': expected List<Element>"])
    }

    @Test func requiredMustBeABoolean() {
        #expect(diagnostics(types: """
            types:
              parkInfo:
                label: 停车场信息
                source: 表3
                fields:
                  parkCode: {label: 停车场编号, type: String, required: 是}
            """) == ["Specs/Demo/types.yaml:6:56: error: 'required' of field 'parkCode' must be true or false, found '是'"])
    }

    @Test func scaleOnAString() {
        #expect(diagnostics(types: """
            types:
              refundInfo:
                label: 退费信息
                source: 表17
                fields:
                  refundMoney: {label: 退费金额, type: String, scale: 2}
            """) == ["Specs/Demo/types.yaml:6:55: error: 'scale' applies to Decimal, Float and Double fields, not to field 'refundMoney' of type String"])
    }

    @Test func aTypeCannotContainItself() {
        #expect(diagnostics(types: """
            types:
              node:
                label: 节点
                source: 表1
                fields:
                  parent: {label: 上级, type: node}
                  children: {label: 下级, type: List<node>}
            """) == ["Specs/Demo/types.yaml:2:3: error: type 'node' contains itself through non-list fields; a value type cannot"])
    }

    @Test func fieldsMustBeAMapping() {
        #expect(diagnostics(types: """
            types:
              parkInfo:
                label: 停车场信息
                source: 表3
                fields:
                  - parkCode
            """) == ["Specs/Demo/types.yaml:6:7: error: 'fields of type 'parkInfo'' must be a mapping, found a sequence"])
    }

    @Test func yamlAliasesAreRejected() {
        #expect(diagnostics(types: """
            types:
              parkInfo:
                label: &label 停车场信息
                source: 表3
                fields:
                  parkCode: {label: *label, type: String}
            """) == ["Specs/Demo/types.yaml:6:25: error: YAML aliases (*name) are not supported in spec files; write the value out"])
    }

    @Test func baseTypesMustBeBuiltIn() {
        let spec = protocolSpec + """

              baseTypes:
                Datetime: {json: String, description: 日期时间}
            """
        #expect(check(["protocol.yaml": spec]).diagnostics == [
            "Specs/Demo/protocol.yaml:8:5: error: base type 'Datetime' is not one of the built-in types (did you mean 'DateTime'?)"
        ])
    }

    @Test func boundsMustBeNumbersInOrder() {
        #expect(diagnostics(types: """
            types:
              gun:
                label: 枪
                source: 表1
                fields:
                  soc: {label: 电量, type: Int, minimum: 100, maximum: 0}
                  power: {label: 功率, type: Decimal, minimum: many}
            """) == [
                "Specs/Demo/types.yaml:6:58: error: minimum 100 is greater than maximum 0",
                "Specs/Demo/types.yaml:7:50: error: 'many' is not a number",
            ])
    }

    @Test func everyProblemIsReportedInOneRun() {
        let found = diagnostics(types: """
            types:
              a:
                label: 甲
                source: 表1
                fields:
                  x: {label: 乙, type: Strng}
                  y: {label: 丙, type: Int, maxLength: 3}
              b:
                source: 表2
                fields:
                  z: {label: 丁, type: Lst<a>}
            """)
        #expect(found == [
            "Specs/Demo/types.yaml:6:27: error: unknown type 'Strng' (did you mean 'String'?)",
            "Specs/Demo/types.yaml:7:43: error: 'maxLength' applies to String fields, not to field 'y' of type Int",
            "Specs/Demo/types.yaml:9:5: error: type 'b' is missing required key 'label'",
            "Specs/Demo/types.yaml:11:27: error: unknown type 'Lst<a>'",
        ])
    }

    @Test func interfacesNeedKnownRolesTransportsAndTypes() {
        #expect(diagnostics(types: """
            interfaces:
              upload:
                code: "5007"
                label: 停车订单上报
                source: 表65
                server: platfrom
                transports: [https, udp, tcp]
                request: parkOrdr
            """) == [
                "Specs/Demo/types.yaml:2:3: error: interface 'upload' is served over http(s) and needs a 'path'",
                "Specs/Demo/types.yaml:2:3: error: interface 'upload' is served over tcp and needs a 'command'",
                "Specs/Demo/types.yaml:6:13: error: unknown role 'platfrom' (did you mean 'platform'?)",
                "Specs/Demo/types.yaml:7:25: error: unknown transport 'udp': expected one of https, http, tcp",
                "Specs/Demo/types.yaml:8:14: error: unknown type 'parkOrdr'",
            ])
    }

    @Test func settingsAreKnownKeysWithKnownValues() {
        let spec = protocolSpec + """

              settings:
                keyCasing: camelCase
                envelop: db4403
            """
        #expect(check(["protocol.yaml": spec]).diagnostics == [
            "Specs/Demo/protocol.yaml:8:16: error: setting 'keyCasing' must be one of lowerCamel, PascalCase, snake_case, not 'camelCase'",
            "Specs/Demo/protocol.yaml:9:5: error: unknown setting 'envelop' (did you mean 'envelope'?)",
        ])
    }
}
