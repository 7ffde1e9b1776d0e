import CurbsideModel
import CurbsideRender
import CurbsideTestSupport

/// A small page using every tag, and the warehouse answers it needs.
enum SamplePage {
    static let text = """
        ---
        title: "Parking & camera violations"
        description: What the city fined, and what was paid.
        order: 10
        queries:
          daily: |
            SELECT date, total_fines_issued, total_paid_amount
            FROM gold_nyc_daily
            ORDER BY date
          top: |
            SELECT violation, violations FROM gold_nyc_top_violations ORDER BY rank
          totals: SELECT sum(total_fines_issued) AS fines FROM gold_nyc_daily
        ---
        ## Money

        The city issued {{< value query="totals" column="fines" format="money" >}} in fines.

        {{< chart query="daily" type="line" x="date" y="total_fines_issued,total_paid_amount" labels="Fines issued,Paid" format="money" title="Fines issued and paid per day" >}}

        {{< table query="top" columns="violation,violations" headers="Violation,Summonses" format="text,integer" title="Top violations" >}}

        {{< chart query="top" type="bar" x="violation" y="violations" format="integer" ylabel="Summonses" title="Top violations" >}}
        """

    static var runner: InMemoryQueryRunner {
        var runner = InMemoryQueryRunner()
        runner.register(
            "SELECT date, total_fines_issued, total_paid_amount FROM gold_nyc_daily ORDER BY date",
            QueryTable(
                columns: ["date", "total_fines_issued", "total_paid_amount"],
                rows: [
                    [.text("2025-05-10"), .real(3_205_996), .real(1_339_307.31)],
                    [.text("2025-05-11"), .real(2_407_675), .real(1_100_162)],
                    [.text("2025-05-12"), .real(3_858_230), .real(1_867_251.21)],
                ],
                sources: ["gold_nyc_daily"]))
        runner.register(
            "SELECT violation, violations FROM gold_nyc_top_violations ORDER BY rank",
            QueryTable(
                columns: ["violation", "violations"],
                rows: [
                    [.text("PHTO SCHOOL ZN SPEED VIOLATION"), .integer(412)],
                    [.text("<script>alert(1)</script>"), .integer(12)],
                    [.text("\"quoted\" & <b>"), .integer(3)],
                ],
                sources: ["gold_nyc_top_violations"]))
        runner.register(
            "SELECT sum(total_fines_issued) AS fines FROM gold_nyc_daily",
            QueryTable(columns: ["fines"], rows: [[.real(9_471_901)]], sources: ["gold_nyc_daily"]))
        return runner
    }

    static let context = SiteContext(
        siteTitle: "Curbside", asOf: Day(year: 2025, month: 7, day: 10)!, versionID: VersionID("2025-07-10-3f9c2a71d0"),
        isSample: true, pages: [NavItem(slug: "index", title: "Home"), NavItem(slug: "nyc", title: "NYC violations")],
        dataSources: ["NYC Open Parking and Camera Violations (nc67-uf89)"])

    static func page() throws -> ContentPage {
        try ContentParser.page(from: text, file: "content/nyc.md")
    }

    static func renderer() throws -> PageRenderer {
        try PageRenderer(templatesDirectory: Fixtures.path("templates"))
    }
}
