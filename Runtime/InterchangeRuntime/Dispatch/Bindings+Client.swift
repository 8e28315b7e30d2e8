import Synchronization

extension DB4403Binding: ClientBinding {
    public func request(_ interface: InterfaceSchema, data: [JSONValue], token: String?, now: Int64) throws -> WireRequest {
        let path = envelope.profile.interfacePaths[interface.code ?? ""] ?? interface.path ?? "/\(interface.code ?? interface.name)"
        var headers: [(name: String, value: String)] = [("Content-Type", "application/json; charset=utf-8")]
        if let token { headers.append(("Authorization", DB4403Envelope.authorization(token: token))) }
        return WireRequest(path: path, headers: headers, body: JSONWriter().bytes(envelope.request(data: data, timestamp: now)))
    }

    public func answer(_ response: WireResponse, interface: InterfaceSchema) throws -> [JSONValue] {
        let answer = try envelope.openResponse(response.body)
        guard answer.resultCode == 0 else {
            let code = answer.data.first?["code"].flatMap { if case .number(let n) = $0 { n.text } else { nil } }
            if code == "3002" { throw TokenRejected.db4403 }
            throw ClientError(.refused(code: code ?? String(answer.resultCode)), answer.resultMsg ?? "")
        }
        return answer.data
    }
}

extension EVCSBinding: ClientBinding {
    public func request(_ interface: InterfaceSchema, data: [JSONValue], token: String?, now: Int64) throws -> WireRequest {
        let (timeStamp, seq) = EVCSBinding.sequencer.withLock { $0.next(epochSeconds: now) }
        let body = try envelope.request(data: JSONWriter().bytes(data.first ?? [:]), timeStamp: timeStamp, seq: seq)
        let path = envelope.profile.interfacePaths[interface.code ?? ""] ?? interface.path ?? "/\(interface.code ?? interface.name)"
        var headers: [(name: String, value: String)] = [("Content-Type", "application/json; charset=utf-8")]
        if let token { headers.append(("Authorization", DB4403Envelope.authorization(token: token))) }
        return WireRequest(path: path, headers: headers, body: JSONWriter().bytes(body))
    }

    public func answer(_ response: WireResponse, interface: InterfaceSchema) throws -> [JSONValue] {
        let answer = try envelope.openResponse(response.body)
        guard answer.ret == 0 else {
            if answer.ret == 4002 { throw TokenRejected.evcs }
            throw ClientError(.refused(code: String(answer.ret)), answer.msg)
        }
        guard !answer.plaintext.isEmpty else { return [] }
        do {
            return [try JSONReader(maxBytes: envelope.profile.maxMessageBytes).read(answer.plaintext)]
        } catch {
            throw ClientError(.malformedAnswer, "Data is not JSON: \(error)")
        }
    }

    /// TimeStamp and Seq for outgoing requests, shared by every client of the process.
    static let sequencer = Mutex(EVCSSequencer())
}

extension YouxingBinding: ClientBinding {
    public func request(_ interface: InterfaceSchema, data: [JSONValue], token: String?, now: Int64) throws -> WireRequest {
        let body = try envelope.request(data: JSONWriter().bytes(data.first ?? [:]), token: token)
        return WireRequest(path: interface.path ?? "/\(interface.code ?? interface.name)", body: JSONWriter().bytes(body))
    }

    public func answer(_ response: WireResponse, interface: InterfaceSchema) throws -> [JSONValue] {
        if interface.code == "orderCallback" {
            guard YouxingEnvelope.acknowledgesCallback(response.body) else {
                // A refusal is a status answer (4.1); anything else is no acknowledgement.
                if let refusal = try? envelope.openResponse(response.body) {
                    throw ClientError(.refused(code: String(refusal.status)), refusal.msg)
                }
                throw ClientError(.refused(code: String(response.status)), "the callback was not acknowledged with success")
            }
            return []
        }
        let answer = try envelope.openResponse(response.body)
        guard answer.status == 200 else {
            if answer.status == 304 { throw TokenRejected.youxing }
            throw ClientError(.refused(code: String(answer.status)), answer.msg)
        }
        guard let data = answer.data else { return [] }
        do {
            return [try JSONReader(maxBytes: envelope.profile.maxMessageBytes).read(data.plaintext)]
        } catch {
            throw ClientError(.malformedAnswer, "data is not JSON: \(error)")
        }
    }
}

extension TomdaPushBinding: ClientBinding {
    /// Tomda's side of a push (for simulators): `{type, time, content}`.
    public func request(_ interface: InterfaceSchema, data: [JSONValue], token: String?, now: Int64) throws -> WireRequest {
        let time = LocalDateTime(epochSeconds: now) ?? LocalDateTime(date: LocalDate(year: 1970, month: 1, day: 1)!, time: LocalTime(hour: 8, minute: 0, second: 0)!)
        let push = TomdaEnvelope.push(type: interface.code ?? interface.name, time: time, content: data.first ?? [:])
        return WireRequest(path: "/", body: JSONWriter().bytes(push))
    }

    public func answer(_ response: WireResponse, interface: InterfaceSchema) throws -> [JSONValue] {
        let answer = try TomdaEnvelope.openResponse(response.body, limit: profile.maxMessageBytes)
        guard answer.isSuccess else { throw ClientError(.refused(code: answer.errorCode), answer.errorDesc ?? "") }
        return answer.data.map { [$0] } ?? []
    }
}

extension YinliBinding: ClientBinding {
    public func request(_ interface: InterfaceSchema, data: [JSONValue], token: String?, now: Int64) throws -> WireRequest {
        WireRequest(path: interface.path ?? "/", body: JSONWriter().bytes(data.first ?? [:]))
    }

    /// The whole answer is the response table; `success: false` is a refusal.
    public func answer(_ response: WireResponse, interface: InterfaceSchema) throws -> [JSONValue] {
        let body = try readEnvelope(response.body, limit: profile.maxMessageBytes)
        if case .bool(false)? = body["success"] {
            let code = body["code"].flatMap { if case .string(let text) = $0 { text } else { nil } } ?? "?"
            let message = body["msg"].flatMap { if case .string(let text) = $0 { text } else { nil } } ?? ""
            throw ClientError(.refused(code: code), message)
        }
        return [body]
    }
}
