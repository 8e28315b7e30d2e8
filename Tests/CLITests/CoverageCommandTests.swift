import Testing

@Suite struct CoverageCommandTests {
    @Test func everyBundledProtocolIsFullyCovered() throws {
        let run = try interchange(["coverage"])
        #expect(run.status == 0)
        let summaries = run.stdout.split(separator: "\n").filter { $0.contains(" covered") && !$0.hasPrefix(" ") }
        #expect(summaries == ["DB4403: 123 of 123 covered", "EVCS: 40 of 40 covered", "Tomda: 31 of 31 covered", "Yinli: 12 of 12 covered", "Youxing: 11 of 11 covered"])
        #expect(run.stdout.contains("表110") && run.stdout.contains("type issueInvoiceRequest"))
        // EVCS draws on Annex B and on T/CEC 102—2016: one table per document.
        let documents = run.stdout.split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("    ") && $0.hasSuffix(" covered") }
        #expect(documents == ["  DB4403/T 313—2023 附录B: 29 of 29 covered", "  T/CEC 102.2—2016: 5 of 5 covered", "  T/CEC 102.3—2016: 6 of 6 covered"])
    }

    @Test func aMissingTableFailsWithItsName() throws {
        let run = try interchange(["coverage", "--specs", "Tests/Fixtures/CoverageSpecs"])
        #expect(run.status == 1)
        #expect(run.stdout == """
            Demo: 1 of 2 covered
              source  covered by
              表3     type parkInfo
              表4     NOT COVERED

            """)
        let json = try interchange(["coverage", "demo", "--specs", "Tests/Fixtures/CoverageSpecs", "--format", "json"])
        #expect(json.stdout == #"[{"protocol":"Demo","entries":[{"source":"表3","document":"DEMO 1—2024","coveredBy":["type parkInfo"]},{"source":"表4","document":"DEMO 1—2024","coveredBy":[]}],"missing":["表4"]}]"# + "\n")
    }

    @Test func unknownProtocolsAndMissingListsAreUsageErrors() throws {
        #expect(try interchange(["coverage", "nosuch"]).status == 2)
        #expect(try interchange(["coverage", "--specs", "Tests/Fixtures/ReferenceSpecs"]).status == 2)
    }
}
