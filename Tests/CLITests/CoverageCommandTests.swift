import Testing

@Suite struct CoverageCommandTests {
    @Test func everyBundledProtocolIsFullyCovered() throws {
        let run = try interchange(["coverage"])
        #expect(run.status == 0)
        let summaries = run.stdout.split(separator: "\n").filter { $0.contains(" covered") && !$0.hasPrefix(" ") }
        #expect(summaries == ["DB4403: 123 of 123 covered", "EVCS: 40 of 40 covered", "Tomda: 31 of 31 covered", "Yinli: 12 of 12 covered", "Youxing: 11 of 11 covered"])
        #expect(run.stdout.contains("表110") && run.stdout.contains("type issueInvoiceRequest"))
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
        #expect(json.stdout == #"[{"protocol":"Demo","entries":[{"source":"表3","coveredBy":["type parkInfo"]},{"source":"表4","coveredBy":[]}],"missing":["表4"]}]"# + "\n")
    }

    @Test func unknownProtocolsAndMissingListsAreUsageErrors() throws {
        #expect(try interchange(["coverage", "nosuch"]).status == 2)
        #expect(try interchange(["coverage", "--specs", "Tests/Fixtures/ReferenceSpecs"]).status == 2)
    }
}
