import CurbsideModel
import CurbsidePublish
import Testing

@Suite("The previous version is an input")
struct VersionInputsPreviousTests {
    @Test func aFirstVersionKeepsTheEncodingAndAPreviousVersionChangesTheId() {
        var inputs = VersionInputsTests.base
        #expect(inputs.previousVersion == nil)
        let first = inputs.versionID
        inputs.previousVersion = VersionID("2026-10-31-0123456789")
        #expect(inputs.versionID != first)
        var hasher = SHA256Hasher()
        for field in [
            "curbside-version/1", "as_of", "2026-11-01", "kind", "sample",
            "data", "2", "chicago_daily", "h2", "nyc_daily", "h1",
            "content", "2", "index.md", "c1", "model.md", "c2",
            "templates", "2", "layout.html", "t1", "site.css", "t2",
            "config", "cfg", "program", "0.1.0", "previous", "2026-10-31-0123456789",
        ] {
            hasher.updateField(field)
        }
        #expect(inputs.fullHash == hasher.hex())
        inputs.previousVersion = VersionID("2026-10-30-0123456789")
        #expect(inputs.fullHash != hasher.hex())
    }
}
