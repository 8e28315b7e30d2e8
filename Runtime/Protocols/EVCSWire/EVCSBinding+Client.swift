import EVCS
import InterchangeRuntime
import Synchronization

extension EVCSBinding: ClientBinding {
    public func request(_ interface: InterfaceSchema, data: [JSONValue], token: String?, now: EpochSeconds) throws -> WireRequest {
        let envelope = try ownEnvelope()
        let (timeStamp, seq) = try EVCSBinding.sequencer.withLock { sequencer throws(ClientError) in try sequencer.next(at: now) }
        let body = try envelope.request(data: JSONWriter().bytes(data.first ?? [:]), timeStamp: timeStamp, seq: seq)
        let path = profile.path(of: interface)
        var headers: [(name: String, value: String)] = [("Content-Type", "application/json; charset=utf-8")]
        if let token { headers.append(WireRequest.bearerAuthorization(token)) }
        return WireRequest(path: path, headers: headers, body: JSONWriter().bytes(body))
    }

    public func answer(_ response: WireResponse, interface: InterfaceSchema) throws -> [JSONValue] {
        let envelope = try ownEnvelope()
        let answer = try envelope.openResponse(response.body)
        guard answer.ret == 0 else {
            if answer.ret == RetCode.badToken.rawValue { throw TokenRejected(code: String(answer.ret)) }
            throw ClientError(.refused(code: String(answer.ret)), answer.msg)
        }
        guard !answer.plaintext.isEmpty else { return [] }
        do {
            return [try JSONReader(maxBytes: profile.maxMessageBytes).read(answer.plaintext)]
        } catch {
            throw ClientError(.malformedAnswer, "Data is not JSON: \(error)")
        }
    }

    /// A client speaks as one operator: a binding made for several partners cannot call.
    private func ownEnvelope() throws(ClientError) -> EVCSEnvelope {
        guard let envelope = envelope(for: nil) else {
            throw ClientError(.unsendable, "a binding serving several partners cannot call; make the client's with init(secrets:)")
        }
        return envelope
    }

    /// TimeStamp and Seq for outgoing requests, shared by every client of the process.
    static let sequencer = Mutex(EVCSSequencer(randomStart: true))
}
