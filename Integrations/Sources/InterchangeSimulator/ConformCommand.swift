import Foundation
import InterchangeRuntime

extension SimulatorTool {
    /// `conform`: the conformance suite against a partner, as a table, JSON or JUnit.
    func conform(_ arguments: [String]) async throws -> Int32 {
        let options = try SimArguments(arguments, valued: ["role", "url", "partner", "format", "junit"])
        let descriptor = try descriptor(try options.positional(0, "PROTOCOL"))
        guard let role = options.value("role") else { throw SimUsageError("--role is required (the side the partner plays)") }
        guard descriptor.catalog.interfaces.contains(where: { $0.server == role }) else {
            throw SimUsageError("\(descriptor.catalog.name) has no role '\(role)'")
        }
        let format = options.value("format") ?? "text"
        guard ["text", "json"].contains(format) else { throw SimUsageError("--format is text or json") }
        let transport = try transport(options)
        let partner = try options.value("partner").map { path throws(SimUsageError) in try PartnerFile(path: path) } ?? PartnerFile()
        let binding = try partner.binding(descriptor, role: role)
        let suite = Conformance(
            descriptor: descriptor, role: role, binding: binding, transport: transport, tokens: partner.tokens(descriptor, role: role, binding: binding, transport: transport))
        let checks = await suite.run()
        let failed = checks.filter { !$0.passed }.count
        if format == "json" {
            let list: [JSONValue] = checks.map { ["interface": .string($0.interface), "check": .string($0.name), "passed": .bool($0.passed), "detail": .string($0.detail)] }
            out(String(decoding: JSONWriter().bytes(["checks": .array(list), "passed": .number(ExactNumber(checks.count - failed)), "failed": .number(ExactNumber(failed))]), as: UTF8.self))
        } else {
            out(Self.table(checks))
            out("\(checks.count) checks: \(checks.count - failed) passed, \(failed) failed")
        }
        if let path = options.value("junit") {
            guard FileManager.default.createFile(atPath: path, contents: Data(Self.junit(checks, suite: "\(descriptor.catalog.name) \(role)").utf8)) else {
                throw SimUsageError("\(path): cannot write the JUnit report")
            }
        }
        return failed == 0 ? 0 : 1
    }

    static func table(_ checks: [Conformance.Check]) -> String {
        let interfaceWidth = max(9, checks.map(\.interface.count).max() ?? 0)
        let checkWidth = max(5, checks.map(\.name.count).max() ?? 0)
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
        var lines = [pad("interface", interfaceWidth) + "  " + pad("check", checkWidth) + "  result  detail"]
        for check in checks {
            lines.append(pad(check.interface, interfaceWidth) + "  " + pad(check.name, checkWidth) + "  " + (check.passed ? "pass  " : "FAIL  ") + "  " + check.detail)
        }
        return lines.joined(separator: "\n")
    }

    static func junit(_ checks: [Conformance.Check], suite: String) -> String {
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
                .replacingOccurrences(of: "\"", with: "&quot;")
        }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuite name=\"\(escaped(suite))\" tests=\"\(checks.count)\" failures=\"\(checks.filter { !$0.passed }.count)\">\n"
        for check in checks {
            xml += "  <testcase classname=\"\(escaped(check.interface))\" name=\"\(escaped(check.name))\""
            xml += check.passed ? "/>\n" : ">\n    <failure message=\"\(escaped(check.detail))\"/>\n  </testcase>\n"
        }
        return xml + "</testsuite>\n"
    }
}
