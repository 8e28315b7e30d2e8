import Foundation
import InterchangeRuntime
import Synchronization

/// Writes every exchange a mock partner serves as one JSON line: the time, the request as
/// received (method, path, body text), its business data opened with the partner's secrets,
/// the answer as sent, and the answer's status (the verdict). The bodies are written as the
/// peer sent them (encrypted where the protocol encrypts); in the opened data, text members
/// named like a secret, token or password are written as `<redacted>`.
final class Recorder: Sendable {
    private let handle: Mutex<FileHandle>
    private let descriptor: any ProtocolDescriptor
    private let partner: PartnerFile

    init(path: String, descriptor: any ProtocolDescriptor, partner: PartnerFile) throws(SimUsageError) {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw SimUsageError("\(path): cannot write the record")
        }
        self.handle = Mutex(handle)
        self.descriptor = descriptor
        self.partner = partner
    }

    func record(_ request: WireRequest, _ response: WireResponse) {
        var line = JSONObject()
        line.append("time", .number(ExactNumber(Int(EpochMilliseconds.now.value))))
        line.append("request", ["method": .string(request.method), "path": .string(request.path), "body": .string(String(decoding: request.body, as: UTF8.self))])
        line.append("opened", opened(request.body, response: false))
        line.append("response", ["status": .number(ExactNumber(response.status)), "body": .string(String(decoding: response.body, as: UTF8.self))])
        line.append("verdict", opened(response.body, response: true))
        let bytes = JSONWriter().bytes(.object(line)) + [UInt8(ascii: "\n")]
        handle.withLock { $0.write(Data(bytes)) }
    }

    /// `value` with the values of members named like secrets, tokens and passwords replaced.
    static func redacted(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            return .object(JSONObject(object.members.map { member in
                let name = member.key.lowercased()
                let secret = ["secret", "token", "password"].contains { name.contains($0) }
                if secret, case .string = member.value { return JSONObject.Member(member.key, "<redacted>") }
                return JSONObject.Member(member.key, redacted(member.value))
            }))
        case .array(let elements): return .array(elements.map(redacted))
        default: return value
        }
    }

    /// A message opened: its data (and for an answer its status), or why it does not open.
    private func opened(_ body: [UInt8], response: Bool) -> JSONValue {
        do {
            let message = try descriptor.openMessage(body, response: response, profile: partner.profile, secrets: partner.secrets)
            var object = JSONObject()
            object.append("data", Self.redacted(message.data ?? .null))
            if let status = message.status {
                object.append("code", .string(status.code))
                object.append("message", status.message.map(JSONValue.string) ?? .null)
                object.append("success", .bool(status.isSuccess))
            }
            return .object(object)
        } catch {
            return ["error": .string("\(error.kind): \(error.message)")]
        }
    }
}
