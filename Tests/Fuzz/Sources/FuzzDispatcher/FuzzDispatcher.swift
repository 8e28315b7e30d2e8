import DB4403
import DB4403Wire
import Dispatch
import EVCS
import EVCSWire
import InterchangeRuntime
import Tomda
import TomdaWire
import Yinli
import YinliWire
import Youxing
import YouxingWire

let secrets = EVCSSecrets(operatorID: "MA5DA0053", dataSecret: "1234567890abcdef", dataSecretIV: "1234567890abcdef", sigSecret: "1234567890abcdef")

/// One dispatcher per binding, serving every interface of its protocol with a handler that
/// decodes the request and answers nothing.
let servers: [(Dispatcher, [InterfaceSchema])] = {
    func routes(_ catalog: ProtocolCatalog) -> [Route] {
        catalog.interfaces.map { interface in
            Route(interface: interface) { data, _ in
                if let model = interface.requestModel, let data { _ = try model.init(json: data) }
                return nil
            }
        }
    }
    func server(_ binding: any ProtocolBinding, _ catalog: ProtocolCatalog) -> (Dispatcher, [InterfaceSchema]) {
        (Dispatcher(binding: binding, routes: routes(catalog), tokens: .accepting { token, _ in token == "T" }, now: { 1_714_521_661 }), catalog.interfaces)
    }
    return [
        server(DB4403Binding(), db4403Catalog), server(try! EVCSBinding(secrets: secrets), evcsCatalog),
        server(YouxingBinding(key: "1234567890abcdef"), youxingCatalog), server(TomdaPushBinding(), tomdaCatalog),
        server(TomdaAPIBinding(), tomdaCatalog), server(YinliBinding(), yinliCatalog),
    ]
}()

/// A request of any body to any interface of any protocol (the first two bytes choose),
/// with a token: the dispatcher answers every one in its protocol's terms.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDispatcher(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard bytes.count >= 2 else { return 0 }
    let (server, interfaces) = servers[Int(bytes[0]) % servers.count]
    let interface = interfaces[Int(bytes[1]) % interfaces.count]
    let request = WireRequest(
        method: interface.method ?? "POST", path: interface.path ?? "/\(interface.code ?? interface.name)",
        command: interface.command.flatMap { UInt16(exactly: $0) }, headers: [("Authorization", "Bearer T")], body: Array(bytes.dropFirst(2)))
    let done = DispatchSemaphore(value: 0)
    Task {
        _ = await server.handle(request)
        done.signal()
    }
    done.wait()
    return 0
}
