import DB4403
import DB4403Wire
import EVCS
import EVCSWire
import InterchangeRuntime

/// A whole request through a `Dispatcher`, as a service receives it: envelope, validation,
/// decoding into the generated model, a handler, the signed answer. Replays are not remembered
/// (the same request is sent again and again) and the clock is the request's.
enum DispatchBenchmark {
    static let sentAt: Int64 = 1_714_521_661

    /// DB4403 3001 and 5004 through `DB4403Binding`, and an EVCS order through `EVCSBinding`.
    static func operations(_ payloads: [Payload]) async throws -> [Operation] {
        var operations: [Operation] = []
        let reader = JSONReader()
        for payload in payloads {
            let value = try reader.read(payload.bytes)
            let route: Route
            let request: WireRequest
            let dispatcher: Dispatcher
            if let data = payload.db4403Data(value) {
                if data.first?["parkInfo"] != nil {
                    route = Route(interface: DB4403Interfaces.reportParkInfo) { data, _ in
                        ReportParkInfoResponse(parkCode: try ReportParkInfoRequest(json: data ?? .null).parkInfo.parkCode).json
                    }
                } else {
                    route = Route(interface: DB4403Interfaces.reportVehicleEntry) { data, _ in
                        ReportVehicleEntryResponse(id: try ParkRecordInfo(json: data ?? .null).id).json
                    }
                }
                let interface = route.interface
                let body = JSONWriter().bytes(try DB4403Envelope().request(data: data, timestamp: sentAt))
                request = WireRequest(path: interface.path ?? "/", headers: [("Authorization", "Bearer T0KEN")], body: body)
                dispatcher = Dispatcher(binding: DB4403Binding(), routes: [route], limits: .init(replayMemory: 0), now: { EpochSeconds(sentAt) })
            } else if payload.name.hasPrefix("EVCS") {
                let interface = EVCSInterfaces.notificationChargeOrderInfo
                route = Route(interface: interface) { data, _ in
                    let order = try NotificationChargeOrderInfoRequest(json: data ?? .null)
                    return NotificationChargeOrderInfoResponse(startChargeSeq: order.startChargeSeq, connectorID: order.connectorID, confirmResult: .success).json
                }
                let secrets = EVCSSecrets(operatorID: "MA5DA0053", dataSecret: "1234567890abcdef", dataSecretIV: "1234567890abcdef", sigSecret: "1234567890abcdef")
                let body = JSONWriter().bytes(try EVCSEnvelope(secrets: secrets).request(data: payload.bytes, timeStamp: "20240501083101", seq: "0001"))
                request = WireRequest(path: interface.path ?? "/", headers: [("Authorization", "Bearer T0KEN")], body: body)
                guard let sent = LocalDateTime(compact: "20240501083101")?.epochSeconds() else { throw BenchmarkError("bad EVCS time stamp") }
                dispatcher = Dispatcher(binding: try EVCSBinding(secrets: secrets), routes: [route], limits: .init(replayMemory: 0), now: { EpochSeconds(sent) })
            } else {
                continue
            }
            let check = await dispatcher.handle(request)
            guard check.status == 200 else { throw BenchmarkError("\(payload.name) dispatch answered \(check.status): \(String(decoding: check.body, as: UTF8.self))") }
            operations.append(Operation(name: "dispatch (open, validate, decode, handle, answer)", payload: payload.name, bytes: payload.bytes.count) {
                consume(await dispatcher.handle(request))
            })
        }
        return operations
    }
}
