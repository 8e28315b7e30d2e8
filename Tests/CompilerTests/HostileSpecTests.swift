import InterchangeCompiler
import InterchangeRuntime
import Testing

/// Spec files built to exhaust the compiler, or the Swift compiler after it: each is refused
/// with one diagnostic at its place, in bounded time and memory.
@Suite struct HostileSpecTests {
    /// 40,000 levels once overflowed the stack (SIGSEGV) and a million took libyaml > 300 s.
    @Test func nestingIsCutAtThirtyTwoLevels() {
        let deep = "types:\n  x: " + String(repeating: "[", count: 1_000_000) + String(repeating: "]", count: 1_000_000) + "\n"
        #expect(diagnostics(types: deep) == ["Specs/Demo/types.yaml:2:36: error: nesting deeper than 32 levels; a spec needs far fewer"])
    }

    @Test func aFileThatIsNotUTF8IsNamedAndTheOthersAreStillChecked() {
        let source = SpecSource(displayPath: "Specs/Demo/types.yaml", relativePath: "Demo/types.yaml", contents: Array("types:\n  a: \"".utf8) + [0xFF, 0x22, 0x0A])
        let result = Compiler().check([SpecSource(displayPath: "Specs/Demo/protocol.yaml", relativePath: "Demo/protocol.yaml", text: protocolSpec), source])
        #expect(result.diagnostics.map(\.description) == [
            "Specs/Demo/types.yaml:2:7: error: the file is not UTF-8 text (byte 13 cannot start or continue a character); save it as UTF-8"
        ])
    }

    @Test func bidirectionalControlsAreRefused() {
        #expect(diagnostics(types: "types:\n  parkInfo:\n    label: \"停车\u{202E}场\"\n") == [
            "Specs/Demo/types.yaml:3:15: error: bidirectional control character U+202E: spec text is copied into generated Swift, where it could make code read other than it compiles; remove it"
        ])
    }

    @Test func listsNestAtMostFourDeep() {
        #expect(diagnostics(types: """
            types:
              grid:
                label: 网格
                source: 表1
                fields:
                  cells: {label: 格, type: "List<List<List<List<List<Int>>>>>"}
                  rows: {label: 行, type: "List<List<List<List<Int>>>>"}
            """) == ["Specs/Demo/types.yaml:6:31: error: lists nest at most 4 deep"])
    }

    /// A 10,000-value enumeration made swiftc use 23.6 GB; its switches alone take minutes.
    @Test func enumerationsHaveAtMostOneThousandValues() {
        func spec(_ count: Int) -> String {
            "types:\n  thing:\n    label: 东西\n    source: 表1\n    fields:\n      kind:\n        label: 类\n        type: Int\n        values:\n"
                + (0..<count).map { "          \($0): {case: v\($0), meaning: 值\($0)}\n" }.joined()
        }
        #expect(diagnostics(types: spec(1000)).isEmpty)
        #expect(diagnostics(types: spec(1001)) == [
            "Specs/Demo/types.yaml:10:11: error: 1001 values: an enumeration or code list has at most 1000; declare the field without values and describe them"
        ])
    }

    /// Values lists are emitted as one string literal, which swiftc reads in linear time.
    @Test func valueListsAreOneStringLiteral() throws {
        let result = check(["protocol.yaml": protocolSpec, "types.yaml": """
            types:
              park:
                label: 停车场
                source: 表3
                fields:
                  parkType:
                    label: 停车场类型
                    type: Int
                    values:
                      0: {case: onStreet, meaning: "路内\\t停车区"}
                      1: {case: indoor, meaning: 室内停车场}
            """])
        #expect(result.diagnostics.isEmpty)
        let swift = Compiler().generate(result.models).map(\.contents).joined()
        #expect(swift.contains(#"values: EnumValue.table("0\t路内 停车区\n1\t室内停车场")"#))
        #expect(EnumValue.table("0\t路内 停车区\n1\t室内停车场") == [EnumValue("0", "路内 停车区"), EnumValue("1", "室内停车场")])
    }
}

/// Spec keys added for documents beside the protocol's own.
@Suite struct CitationSpecTests {
    @Test func aTableOfAnotherDocumentIsCitedWithIt() throws {
        let result = check(["protocol.yaml": protocolSpec, "types.yaml": """
            types:
              policyInfo:
                label: 单项业务策略信息体
                source: PolicyInfo
                citation: T/CEC 102.3—2016
                fields:
                  StartTime: {label: 时段起始时间点, type: String, length: 6, required: true}
            """])
        #expect(result.diagnostics.isEmpty)
        let swift = Compiler().generate(result.models).map(\.contents).joined()
        #expect(swift.contains("/// - Remark: T/CEC 102.3—2016 PolicyInfo\n"))
        #expect(swift.contains(#"source: "T/CEC 102.3—2016 PolicyInfo""#))
        #expect(swift.contains(#"otherDocuments: ["T/CEC 102.3—2016"],"#))
    }

    /// Each file's interfaces become one `Interfaces` namespace: two files would clash in Swift.
    @Test func interfacesLiveInOneFile() {
        let interface = { (name: String) in
            "interfaces:\n  \(name):\n    label: 接口\n    source: 表1\n    server: platform\n    transports: [https]\n    path: /\(name)\n"
        }
        #expect(check(["protocol.yaml": protocolSpec, "a.yaml": interface("first"), "b.yaml": interface("second")]).diagnostics == [
            "Specs/Demo/b.yaml:2:3: error: a protocol declares its interfaces in one file, and Specs/Demo/a.yaml has some already"
        ])
    }
}
