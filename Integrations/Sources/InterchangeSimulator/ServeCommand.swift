import DB4403TCP
import DB4403Wire
import Foundation
import Hummingbird
import InterchangeHummingbird
import InterchangeRuntime
import Logging

extension SimulatorTool {
    /// `serve`: a mock partner over HTTP (and DB4403 TCP logins), until interrupted.
    func serve(_ arguments: [String]) async throws -> Int32 {
        let options = try SimArguments(
            arguments, valued: ["role", "port", "host", "partner", "partners", "answers", "record", "fault", "tcp-port", "accounts"])
        let descriptor = try descriptor(try options.positional(0, "PROTOCOL"))
        guard let role = options.value("role") else { throw SimUsageError("--role is required (the side the mock plays)") }
        let host = options.value("host") ?? "127.0.0.1"
        let port = try options.number("port", in: 0...65_535) ?? 8080
        let faults = try Faults(options.all("fault"))
        let tcp = try tcpLogins(options, descriptor: descriptor)
        let partner = try options.value("partner").map { path throws(SimUsageError) in try PartnerFile(path: path) } ?? PartnerFile()
        let mock = try MockPartner(
            descriptor: descriptor, role: role, partner: partner, partnersFile: options.value("partners"), answersFolder: options.value("answers"),
            faults: faults)
        let recorder = try options.value("record").map { path throws(SimUsageError) in try Recorder(path: path, descriptor: descriptor, partner: partner) }

        var logger = Logger(label: "interchange-sim")
        logger.logLevel = .notice
        let log = logger
        let router = Router()
        if faults.has(.drop) { router.add(middleware: DroppingConnections(faults: faults)) }
        let onExchange: (@Sendable (WireRequest, WireResponse) async -> Void)? = recorder.map { recorder in
            { @Sendable request, response in recorder.record(request, response) }
        }
        router.addInterchange(mock.dispatcher { $0.log(to: log, level: .notice) }, onExchange: onExchange)
        let name = descriptor.catalog.name
        let count = mock.interfaces.count
        let app = Application(
            router: router, configuration: .init(address: .hostname(host, port: port), serverName: "interchange-sim"),
            onServerRunning: { [self] channel in
                out("serving \(name) as \(role) on http://\(host):\(channel.localAddress?.port ?? port) (\(count) interfaces)")
            }, logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            if let (tcpPort, accounts) = tcp {
                let server = try await DB4403TCPServer.bind(host: host, port: tcpPort, accounts: accounts, logger: logger)
                out("DB4403 TCP logins on \(host):\(server.port)")
                group.addTask { try await server.run() }
            }
            group.addTask { try await app.runService() }
            try await group.next()
            group.cancelAll()
        }
        return 0
    }

    /// `--tcp-port` and `--accounts` (DB4403 only): `{"userId": {"password": "…", "key": "…", "iv": "…"}}`.
    private func tcpLogins(_ options: SimArguments, descriptor: any ProtocolDescriptor) throws(SimUsageError) -> (Int, SZTCAccounts)? {
        guard let port = try options.number("tcp-port", in: 0...65_535) else {
            if options.value("accounts") != nil { throw SimUsageError("--accounts goes with --tcp-port") }
            return nil
        }
        guard descriptor is DB4403Descriptor else { throw SimUsageError("--tcp-port is for DB4403 (6.1.3)") }
        guard let path = options.value("accounts") else { throw SimUsageError("--tcp-port needs --accounts FILE") }
        guard let data = FileManager.default.contents(atPath: path), case .object(let object)? = try? JSONReader().read(Array(data)) else {
            throw SimUsageError("\(path): cannot read the accounts (a JSON object by userId)")
        }
        var accounts: [String: SZTCAccounts.Account] = [:]
        for member in object.members {
            guard case .string(let password)? = member.value["password"], case .string(let key)? = member.value["key"] else {
                throw SimUsageError("\(path): account \(member.key) needs text 'password' and 'key'")
            }
            let iv: String? = if case .string(let text)? = member.value["iv"] { text } else { nil }
            accounts[member.key] = .init(password: password, key: key, iv: iv)
        }
        return (port, SZTCAccounts(accounts))
    }
}
