import Foundation
import Testing

/// The `interchange` executable as a user runs it: output, exit status, `--help`.
@Suite struct CLITests {
    @Test func checkPassesOnTheBundledSpecs() throws {
        let run = try interchange(["check", "Specs"])
        #expect(run.status == 0)
        #expect(run.stdout == "")
        #expect(run.stderr == "checked 31 spec files, 5 protocols: no errors\n")
    }

    @Test func checkReportsEveryProblemLikeACompiler() throws {
        let run = try interchange(["check", "Tests/Fixtures/BrokenSpecs"])
        #expect(run.status == 1)
        #expect(run.stdout == """
            Tests/Fixtures/BrokenSpecs/Demo/entities.yaml:7:38: error: unknown type 'Strng' (did you mean 'String'?)
            Tests/Fixtures/BrokenSpecs/Demo/entities.yaml:9:9: error: unknown key 'lable' in field 'parkType' (did you mean 'label'?)
            Tests/Fixtures/BrokenSpecs/Demo/entities.yaml:9:9: error: field 'parkType' is missing required key 'label'
            Tests/Fixtures/BrokenSpecs/Demo/entities.yaml:13:21: error: case name 'onStreet' is used twice (first at line 12)

            """)
        #expect(run.stderr == "4 errors\n")
    }

    @Test func checkSpeaksJSONForMachines() throws {
        let run = try interchange(["check", "Tests/Fixtures/BrokenSpecs", "--format", "json"])
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix(#"[{"severity":"error","message":"unknown type 'Strng' (did you mean 'String'?)","file":"Tests/Fixtures/BrokenSpecs/Demo/entities.yaml","line":7,"column":38}"#))
    }

    @Test func describePrintsATableAsTheDocumentDoes() throws {
        let run = try interchange(["describe", "db4403", "表29"])
        #expect(run.status == 0)
        #expect(run.stdout == """
            DB4403/T 313—2023 表29 车位租用价格 (pricing)

            属性       名称      数据类型  字符长度  必须  说明
            cycles     周期数    Int       —         是    —
            cycleType  周期类型  Int       —         是    1: 月; 2: 天
            amount     金额      Decimal   —         是    单位: 元 小数点后2位

            Notes:
              - The document names this object only through List<pricing> in 表28; the Swift type is LeasePrice so it does not read like 表4 field pricing (定价方式).

            """)
        #expect(try interchange(["describe", "DB4403", "ParkInfo"]).stdout.hasPrefix("DB4403/T 313—2023 表3 停车场信息 (parkInfo)"))
        let overview = try interchange(["describe", "db4403"]).stdout.split(separator: "\n")
        #expect(overview.contains { $0.hasPrefix("表19 ") && $0.contains("场内车位数信息") && $0.contains("ParkSpaceInfo") })
        #expect(overview.contains { $0.contains("1201") && $0.contains("电子发票开具接口") && $0.contains("issueInvoice") })
    }

    @Test func unknownNamesAreInvalidInput() throws {
        let table = try interchange(["describe", "db4403", "parkInfos"])
        #expect(table.status == 1)
        #expect(table.stderr == "error: DB4403 has no table or interface named 'parkInfos'; run `interchange describe db4403` for the list\n")
        #expect(try interchange(["describe", "evcs9"]).status == 1)
    }

    @Test func usageErrorsExitWithTwo() throws {
        let unknown = try interchange(["frobnicate"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("interchange: unknown command 'frobnicate'"))
        let missing = try interchange(["generate", "--specs", "Specs"])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("interchange generate: --specs and --out are required"))
        let badFormat = try interchange(["check", "--format", "xml"])
        #expect(badFormat.status == 2)
        let missingFolder = try interchange(["check", "/nonexistent/specs"])
        #expect(missingFolder.status == 2)
        #expect(missingFolder.stderr.hasPrefix("error: cannot read specs under '/nonexistent/specs'"))
    }

    /// The executable is a thin shell: the exit status and streams reach the shell.
    @Test func theExecutableHandsOnTheStatusAndStreams() throws {
        let ok = try interchangeProcess(["list", "yinli"])
        #expect(ok.status == 0)
        #expect(ok.stdout.hasPrefix("Yinli: "))
        let invalid = try interchangeProcess(["describe", "db4403", "parkInfos"])
        #expect(invalid.status == 1)
        #expect(invalid.stderr.hasPrefix("error: DB4403 has no table or interface named 'parkInfos'"))
        let usage = try interchangeProcess(["frobnicate"])
        #expect(usage.status == 2)
        #expect(usage.stdout.isEmpty)
    }

    @Test(arguments: [["--help"], ["check", "--help"], ["generate", "--help"], ["describe", "--help"]])
    func helpEverywhere(arguments: [String]) throws {
        let run = try interchange(arguments)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("usage: interchange"))
    }

    @Test func generateWritesTheBundledModule() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("interchange-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try interchange(["generate", "--specs", "Specs", "--out", out.path])
        #expect(run.status == 0)
        let generated = try String(contentsOf: out.appendingPathComponent("DB4403/Facilities.swift"), encoding: .utf8)
        let committed = try String(contentsOf: repositoryRoot.appendingPathComponent("Generated/DB4403/Facilities.swift"), encoding: .utf8)
        #expect(generated == committed)
    }
}
