import CurbsideModel
import CurbsideTestSupport
import Foundation
import Testing

@Suite struct ConfigTests {
    @Test func theRepositoryConfigReads() throws {
        let text = try String(contentsOfFile: Fixtures.path("curbside.yml"), encoding: .utf8)
        let config = try CurbsideConfig(yaml: text, file: "curbside.yml")
        #expect(config.nyc.datasetID == "nc67-uf89")
        #expect(config.nyc.windowStartDays == 61)
        #expect(config.nyc.windowEndDays == 31)
        #expect(config.nyc.maxDaysPerRun == 14)
        #expect(config.nyc.refreshAfterDays == 7)
        #expect(config.chicago.crashesID == "85ca-t3if")
    }

    @Test func qualityGatesSetDropAndNameUnknownChecks() throws {
        let config = try CurbsideConfig(
            yaml: "quality:\n  gates:\n    chicago.orphan_rate: 0.02\n    nyc.quarantine_rate: off\n"
                + "    chicago.crashes.schema_drift: 3\n",
            file: "c.yml")
        #expect(config.quality.gates["chicago.orphan_rate"] == 0.02)
        #expect(config.quality.gates["nyc.quarantine_rate"] == nil)
        #expect(config.quality.gates["chicago.crashes.schema_drift"] == 3)
        // Untouched defaults stay.
        #expect(config.quality.gates["chicago.crashes.future_date_rate"] == 0.05)
        do {
            _ = try CurbsideConfig(yaml: "quality:\n  gates:\n    chicago.orphans: 0.1\n", file: "c.yml")
            Issue.record("an unknown check was accepted")
        } catch {
            #expect("\(error)".hasPrefix("c.yml:3: key 'quality.gates.chicago.orphans' is not a setting here"))
            #expect("\(error)".contains("chicago.orphan_rate"))
        }
    }

    @Test func anEmptyFileGivesTheDefaults() throws {
        #expect(try CurbsideConfig(yaml: "", file: "c.yml") == CurbsideConfig())
    }

    @Test(arguments: [
        (
            "site:\n  title: X\n  colour: red\n",
            "c.yml:3: key 'site.colour' is not a setting here; expected one of: title, base_url, retention, "
                + "query_timeout_seconds"
        ),
        (
            "datasets:\n  nyc:\n    max_days_per_run: lots\n",
            "c.yml:3: key 'datasets.nyc.max_days_per_run' must be a whole number, found 'lots'"
        ),
        (
            "ingest:\n  page_size: 60000\n",
            "c.yml:2: key 'ingest.page_size' must be between 1 and 50000, found 60000"
        ),
        (
            "datasets:\n  nyc:\n    dataset_id: NC67_UF89\n",
            "c.yml:3: key 'datasets.nyc.dataset_id' must be a Socrata dataset id like nc67-uf89, found 'NC67_UF89'"
        ),
        (
            "datasets:\n  nyc:\n    portal_url: data.cityofnewyork.us\n",
            "c.yml:3: key 'datasets.nyc.portal_url' must be an http:// or https:// URL, found 'data.cityofnewyork.us'"
        ),
        ("site: [a, b]\n", "c.yml:1: key 'site' must be a mapping of settings, found a list"),
        (
            "quality:\n  gates:\n    chicago.orphan_rate: 1.5\n",
            "c.yml:3: key 'quality.gates.chicago.orphan_rate' must be between 0.0 and 1.0, found 1.5"
        ),
        (
            "quality:\n  gates:\n    chicago.orphan_rate: some\n",
            "c.yml:3: key 'quality.gates.chicago.orphan_rate' must be a number (or off), found 'some'"
        ),
    ])
    func badConfigNamesFileLineAndKey(yaml: String, message: String) {
        #expect(throws: ConfigError.self) { try CurbsideConfig(yaml: yaml, file: "c.yml") }
        do {
            _ = try CurbsideConfig(yaml: yaml, file: "c.yml")
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test func brokenYAMLNamesTheLine() {
        do {
            _ = try CurbsideConfig(yaml: "site:\n  title: [unclosed\n", file: "c.yml")
            Issue.record("expected an error")
        } catch let error as ConfigError {
            #expect(error.line == 3)
            #expect("\(error)".hasPrefix("c.yml:3: not valid YAML:"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
