import DB4403
import DB4403Wire
import InterchangeRuntime
import Testing

/// 下行 over TCP: the platform pushes 4001 through its session; the third party's session hands
/// the frame to its dispatcher and answers with the dispatcher's envelope.
@Suite struct TCPDispatchTests {
    func sent(_ actions: [SessionAction]) -> [UInt8] {
        actions.flatMap { action -> [UInt8] in
            if case .send(let bytes) = action { bytes } else { [] }
        }
    }

    @Test func aControlListPushIsServedThroughTheDispatcher() async throws {
        var client = SZTCClientSession(loginData: ["userId": "U1", "password": "HUX+7VtHgb0="])
        var server = SZTCServerSession(connectedAt: 0)
        guard case .loginRequested(let login)? = server.received(sent(client.connected(now: 0)), now: 0).first else {
            Issue.record("expected a login request")
            return
        }
        #expect(client.received(sent(server.acceptLogin(login, now: 0)), now: 0) == [.loggedIn])

        let sheet: JSONValue = [
            "blackWhiteGraySheet": [
                "id": "ff8080814d9be81f014d9beb81090003", "parkCode": "44030400100101000010",
                "parkCarInfo": ["plateNo": "粤B88888", "eidEquiped": false], "strategyType": 3, "endDate": "2025-01-01 00:00:00",
                "strategyFrom": "城市停车管理平台",
            ],
            "state": 1,
        ]
        let push = try server.send(command: 4001, data: [sheet], now: 100)
        guard case .request(let frame)? = client.received(sent(push.actions), now: 100).first else {
            Issue.record("expected a request frame")
            return
        }
        let route = Route(interface: DB4403Interfaces.issueControlList) { data, _ in
            let request = try IssueControlListRequest(json: data ?? .null)
            return IssueControlListResponse(id: request.blackWhiteGraySheet?.id).json
        }
        let thirdParty = Dispatcher(binding: DB4403Binding(), routes: [route], now: { 100 })
        let answer = client.respond(to: frame, body: await thirdParty.handle(frame: frame))
        guard case .response(let response)? = server.received(sent(answer), now: 100).first else {
            Issue.record("expected the response")
            return
        }
        #expect(response.packetNo == push.packetNo)
        let envelope = try DB4403Envelope().openResponse(response.data)
        #expect(envelope.resultCode == 0)
        #expect(envelope.data == [["id": "ff8080814d9be81f014d9beb81090003"]])
    }
}
