#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import Foundation
import InterchangeRuntime

extension SimulatorTool {
    /// `call`: one request to a partner, its answer validated and printed.
    func call(_ arguments: [String]) async throws -> Int32 {
        let options = try SimArguments(arguments, valued: ["url", "partner", "role"])
        let descriptor = try descriptor(try options.positional(0, "PROTOCOL"))
        let name = try options.positional(1, "INTERFACE")
        guard let interface = descriptor.catalog.interfaces.first(where: { $0.name == name || $0.code == name }) else {
            throw SimUsageError("\(descriptor.catalog.name) has no interface '\(name)'")
        }
        let transport = try transport(options)
        let partner = try options.value("partner").map { path throws(SimUsageError) in try PartnerFile(path: path) } ?? PartnerFile()
        let role = options.value("role") ?? interface.server
        let binding = try partner.binding(descriptor, role: role)
        let input = options.positionals.count > 2 ? options.positionals[2] : "-"
        let data = try readJSON(input)
        let core = ClientCore(transport: transport, binding: binding, tokens: partner.tokens(descriptor, role: role, binding: binding, transport: transport))
        let answer: JSONValue
        do {
            answer = try await core.call(interface, data)
        } catch let rejected as TokenRejected {
            error("\(input): error: the partner refused the token (code \(rejected.code))")
            return 1
        } catch let failure as ClientError {
            if case .refused(let code) = failure.kind {
                error("\(input): error: refused with code \(code): \(failure.message)")
                return 1
            }
            error("\(input): error: \(failure)")
            if case .invalidRequest = failure.kind { return 1 }
            return 2
        } catch {
            // No answer came: the partner may or may not have acted on the request.
            self.error("\(input): error: no answer from \(transport.baseURL.absoluteString): \(Self.reason(error)); not resent")
            return 2
        }
        out(String(decoding: JSONWriter().bytes(answer), as: UTF8.self))
        guard let table = interface.response else { return 0 }
        let problems =
            if interface.responseIsList, case .array(let elements) = answer {
                Validator().validate(each: elements, against: table)
            } else {
                Validator().validate(answer, against: table)
            }
        for problem in problems { error("answer: \(problem)") }
        return problems.containsErrors ? 1 : 0
    }

    /// What went wrong with a connection, in the system's words (URLSession nests them).
    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError { return reason(underlying) }
        return (nsError.userInfo[NSLocalizedDescriptionKey] as? String) ?? "\(error)"
    }

    /// The partner's `--url`, as a transport.
    func transport(_ options: SimArguments) throws(SimUsageError) -> URLSessionTransport {
        guard let text = options.value("url"), let url = URL(string: text), url.scheme == "http" || url.scheme == "https" else {
            throw SimUsageError("--url must be an http(s) URL (the partner's base)")
        }
        return URLSessionTransport(baseURL: url)
    }

    /// The JSON of `path` (`-`: standard input), up to 10 MiB.
    private func readJSON(_ path: String) throws(SimUsageError) -> JSONValue {
        let handle: FileHandle?
        if path == "-" { handle = FileHandle(fileDescriptor: console.standardInput, closeOnDealloc: false) } else { handle = FileHandle(forReadingAtPath: path) }
        guard let handle, let data = try? handle.read(upToCount: JSONReader.defaultMaxBytes + 1) ?? Data() else {
            throw SimUsageError("\(path): cannot read")
        }
        guard data.count <= JSONReader.defaultMaxBytes else { throw SimUsageError("\(path): larger than \(JSONReader.defaultMaxBytes) bytes") }
        do { return try JSONReader().read(Array(data)) } catch { throw SimUsageError("\(path): \(error)") }
    }
}
