// Everything imported at once, names used unqualified the way a service writes them: this
// file compiling is the check that the five protocol modules, their wire modules, the runtime
// and Hummingbird 2 compose without qualification.
import DB4403
import DB4403Wire
import EVCS
import EVCSWire
import Hummingbird
import InterchangeHummingbird
import InterchangeRuntime
import Testing
import Tomda
import TomdaWire
import Yinli
import YinliWire
import Youxing
import YouxingWire

@Suite struct ComposeTests {
    /// A handler a service writes by hand, naming the runtime's types.
    func describe(_ context: CallContext, _ route: Route, _ problems: [Diagnostic]) -> String {
        "\(context.interface.name) \(route.interface.name) \(problems.count)"
    }

    @Test func everyModuleBesideHummingbirdUnqualified() throws {
        let secrets = EVCSSecrets(operatorID: "MA5DA0053", dataSecret: "1234567890abcdef", dataSecretIV: "1234567890abcdef", sigSecret: "1234567890abcdef")
        let start = Route(interface: EVCSInterfaces.queryStartCharge) { data, context in
            let request = try QueryStartChargeRequest(json: data ?? .null)
            return QueryStartChargeResponse(
                startChargeSeq: request.startChargeSeq, startChargeSeqStat: .starting, connectorID: request.connectorID,
                succStat: .success, failReason: .noFailure).json
        }
        let dispatcher = Dispatcher(binding: try EVCSBinding(secrets: secrets), routes: [start], now: { 0 })
        let problems = Validator().validate(try JSONReader().read("{}"), against: ParkInfo.schema)
        let digest = try Digest.sha1.hex(Array("abc".utf8))
        let mac = try HMAC.md5.authenticationCode(Array("a".utf8), key: Array("k".utf8))
        let token: QueryTokenRequest? = nil
        let partnerToken: YouxingTokenRequest? = nil
        let catalogs = [db4403Catalog, evcsCatalog, youxingCatalog, tomdaCatalog, yinliCatalog]
        let descriptors: [any ProtocolDescriptor] = [DB4403Descriptor(), EVCSDescriptor(), YouxingDescriptor(), TomdaDescriptor(), YinliDescriptor()]
        let bindings: [any ProtocolBinding] = [DB4403Binding(), TomdaAPIBinding(), TomdaPushBinding(), YinliBinding(), YouxingBinding(key: "1234567890abcdef")]
        let interfaces = [DB4403Interfaces.login, YouxingInterfaces.queryToken, TomdaInterfaces.getToken, YinliInterfaces.synchronize]
        let router = Router()
        router.addInterchange(dispatcher, at: "/evcs/v1")
        router.get("/health") { _, _ -> String in "ok" }
        #expect(problems.count > 0 && digest.count == 40 && mac.count == 16 && token == nil && partnerToken == nil)
        #expect(catalogs.count == 5 && descriptors.count == 5 && bindings.count == 5 && interfaces.count == 4)
    }
}
