import CurbsideModel
import Testing

/// `catalog:` in curbside.yml: `table` or `table.column` → one line for the data catalog page.
struct CatalogConfigTests {
    @Test func descriptionsAreReadWithTheirLines() throws {
        let config = try CurbsideConfig(
            yaml: """
                site:
                  title: T
                catalog:
                  gold_nyc_daily: "NYC money per day."
                  gold_nyc_daily.date: The issue day.
                """, file: "curbside.yml")
        #expect(
            config.catalog.descriptions == [
                "gold_nyc_daily": "NYC money per day.", "gold_nyc_daily.date": "The issue day.",
            ])
        #expect(config.catalog.lines == ["gold_nyc_daily": 4, "gold_nyc_daily.date": 5])
    }

    @Test(arguments: [
        (
            "catalog:\n  Gold_NYC: \"x\"\n",
            "curbside.yml:2: key 'catalog.Gold_NYC' must be a table or table.column name (lower case, digits, _), "
                + "found 'Gold_NYC'"
        ),
        (
            "catalog:\n  a.b.c: \"x\"\n",
            "curbside.yml:2: key 'catalog.a.b.c' must be a table or table.column name (lower case, digits, _), found 'a.b.c'"
        ),
        (
            "catalog:\n  gold_nyc_daily: \"\"\n",
            "curbside.yml:2: key 'catalog.gold_nyc_daily' must be a description, found nothing"
        ),
        (
            "catalog:\n  gold_nyc_daily:\n    date: \"x\"\n",
            "curbside.yml:3: key 'catalog.gold_nyc_daily' must be text, found a mapping"
        ),
        (
            "catalog:\n  - gold_nyc_daily\n",
            "curbside.yml:2: key 'catalog' must be a mapping of table or table.column to a description, found a list"
        ),
    ])
    func badKeysNameFileLineAndKey(yaml: String, message: String) {
        do {
            _ = try CurbsideConfig(yaml: yaml, file: "curbside.yml")
            Issue.record("no error")
        } catch {
            #expect("\(error)" == message)
        }
    }
}
