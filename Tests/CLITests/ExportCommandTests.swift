import Foundation
import Testing

@Suite struct ExportCommandTests {
    @Test func jsonSchemaPerTableAndInterface() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("interchange-schema-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try interchange(["export", "jsonschema", "db4403", "--out", out.path])
        #expect(run.status == 0)
        #expect(run.stderr == "wrote 207 schemas to \(out.path)\n")
        let pricing = try String(contentsOf: out.appendingPathComponent("pricing.schema.json"), encoding: .utf8)
        #expect(pricing == #"{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"pricing.schema.json","title":"车位租用价格 (pricing)","$comment":"The document names this object only through List<pricing> in 表28; the Swift type is LeasePrice so it does not read like 表4 field pricing (定价方式).","x-source":"表29","type":"object","properties":{"cycles":{"description":"周期数","x-source":"表29","type":"integer","minimum":-2147483648,"maximum":2147483647},"cycleType":{"description":"周期类型","x-source":"表29","type":"integer","minimum":-2147483648,"maximum":2147483647,"enum":[1,2]},"amount":{"description":"金额","x-source":"表29","x-unit":"元","x-scale":2,"type":"number"}},"required":["cycles","cycleType","amount"]}"# + "\n")
        let request = try String(contentsOf: out.appendingPathComponent("interfaces/reportVehicleEntry.request.schema.json"), encoding: .utf8)
        #expect(request.contains(#""$ref":"../parkRecordInfo.schema.json""#))
        let invoice = try String(contentsOf: out.appendingPathComponent("issueInvoiceRequest.schema.json"), encoding: .utf8)
        #expect(invoice.contains(#""if":{"properties":{"kplx":"#))
    }

    /// The T/CEC 102 interfaces Annex B leaves out are exported like the others.
    @Test func evcsExportsIncludeTheTCECInterfaces() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("interchange-schema-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(try interchange(["export", "jsonschema", "evcs", "--out", out.path]).status == 0)
        let status = try String(contentsOf: out.appendingPathComponent("equipChargeStatus.schema.json"), encoding: .utf8)
        #expect(status.contains(#""x-source":"T/CEC 102.3—2016 query_equip_charge_status 响应""#))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("interfaces/queryEquipChargeStatus.response.schema.json").path))
        let openAPI = try interchange(["export", "openapi", "evcs"])
        #expect(openAPI.stdout.contains(#""/query_equip_charge_status":{"post":{"operationId":"queryEquipChargeStatus""#))
    }

    @Test func unknownProtocolAndMissingOut() throws {
        #expect(try interchange(["export", "jsonschema", "nosuch", "--out", "/tmp/x"]).status == 1)
        #expect(try interchange(["export", "jsonschema", "db4403"]).status == 2)
    }
}

@Suite struct DocumentExportTests {
    @Test func openAPIWrapsEachInterfaceInItsEnvelope() throws {
        let run = try interchange(["export", "openapi", "db4403"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix(#"{"openapi":"3.1.0","info":{"title":"DB4403: 智慧停车 业务数据与接口规范""#))
        #expect(run.stdout.contains(#""/5004":{"post":{"operationId":"reportVehicleEntry","summary":"5004 车辆驶入信息上报""#))
        #expect(run.stdout.contains(#""sign":{"type":"string""#))
        #expect(run.stdout.contains(##""$ref":"#/components/schemas/parkRecordInfo""##))
    }

    @Test func markdownReadsLikeTheDocument() throws {
        let run = try interchange(["export", "markdown", "db4403"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("### 表29 车位租用价格 (`pricing`)"))
        #expect(run.stdout.contains("| `cycleType` | 周期类型 | Int | — | 是 | 1: 月; 2: 天 |"))
        #expect(run.stdout.contains("| 5004 | 车辆驶入信息上报 | `reportVehicleEntry` | cityPlatform | POST `/5004` |"))
    }
}
