import DB4403Wire
import InterchangeRuntime
import Testing

/// The reference files under References/ are compiled into this test target; these tests
/// exercise the generated code for the constructs DB4403's entity tables do not use.
@Suite struct ReferenceBehaviourTests {
    func messages(_ json: String) throws -> [String] {
        ParkOrder.validate(try JSONReader().read(json)).map(\.description)
    }

    @Test func requiredIfExactLengthMinimumAndItemCount() throws {
        let items = Array(repeating: #"{"chargeItem":"小型车"}"#, count: 101).joined(separator: ",")
        let found = try messages(#"{"orderNo":"A1","type":2,"paidAmount":-1,"enterTime":"2024-01-01 00:00:00","operator":"12345678","spaceNo":"B1","items":[\#(items)]}"#)
        #expect(found == [
            "$.paidAmount: error: range: 已缴费金额 expects at least 0, got -1 [表14]",
            "$.operator: error: exactLength: 运营方 expects exactly 9 characters, got 8 [表14]",
            "$.items: error: itemCount: 收费项目 expects at most 100 items, got 101 [表14]",
            "$.plateNo: error: crossField: plateNo is required when type is 2: 出口时应提供 [表14]",
        ])
    }

    @Test func codeListsAliasesAndKeywordsDecode() throws {
        let order = try ParkOrder(json: try JSONReader().read(#"{"orderNo":"A1","type":1,"paidAmount":0.50,"enterTime":"2024-01-01 00:00:00","operator":"123456789","result":0,"status":4}"#))
        #expect(order.result == .success)
        #expect(order.state == 4)
        #expect(order.operator == "123456789")
        #expect(order.type == .entrance)
        #expect(JSONWriter().string(order.json) == #"{"orderNo":"A1","operator":"123456789","type":1,"paidAmount":0.50,"enterTime":"2024-01-01 00:00:00","result":0,"state":4}"#)
        #expect(demoCatalog.codeLists.map { $0.name } == ["ResultCode"])
        let parkOrder = try #require(demoCatalog.table(named: "parkorder"))
        #expect(demoCatalog.swiftName(of: parkOrder) == "ParkOrder")
    }
}

@Suite struct ReferenceCatalogTests {
    @Test func interfacesAreFoundByCodeNameOrLabel() throws {
        let interface = try #require(demoCatalog.interface(named: "5007"))
        #expect(interface.name == "uploadOrder")
        #expect(demoCatalog.interface(named: "UPLOADORDER")?.code == "5007")
        #expect(demoCatalog.interface(named: "停车订单上报")?.command == 5007)
        #expect(interface.requestModel.map { String(describing: $0) } == "ParkOrder")
        #expect(demoCatalog.roles.first?.label == "管理平台")
    }
}

/// The generated service protocol and route table, served by a dispatcher.
@Suite struct ReferenceServiceTests {
    struct Platform: DemoPlatformService {
        func uploadOrder(_ request: ParkOrder, context: CallContext) async throws -> ChargeItem {
            ChargeItem(chargeItem: "order \(request.orderNo) via \(context.interface.code ?? "")")
        }
    }

    @Test func routesDecodeCallAndEncode() async throws {
        let envelope = DB4403Envelope()
        let order: JSONValue = ["orderNo": "A1", "type": 1, "paidAmount": 5, "enterTime": "2024-01-01 00:00:00", "spaceNo": "B1"]
        let dispatcher = Dispatcher(binding: DB4403Binding(), routes: Platform().routes, now: { 0 })
        let response = await dispatcher.handle(WireRequest(path: "/5007", body: JSONWriter().bytes(try envelope.request(data: [order], timestamp: 0))))
        let answer = try envelope.openResponse(response.body)
        #expect(answer.resultCode == 0)
        #expect(answer.data == [["chargeItem": "order A1 via 5007"]])
        #expect(Platform().routes.map(\.interface.name) == ["uploadOrder"])
    }
}
