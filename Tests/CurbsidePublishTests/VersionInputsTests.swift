import CurbsideModel
import CurbsidePublish
import Testing

@Suite("Version ids")
struct VersionInputsTests {
    static let base = VersionInputs(
        asOf: Day(iso: "2026-11-01")!, kind: .sample,
        dataHashes: ["nyc_daily": "h1", "chicago_daily": "h2"],
        contentFiles: ["index.md": "c1", "model.md": "c2"],
        templateFiles: ["layout.html": "t1", "site.css": "t2"],
        configHash: "cfg", programVersion: "0.1.0")

    @Test func idIsTheAsOfDateAndTenHexDigitsOfTheHash() {
        let id = Self.base.versionID.rawValue
        #expect(id.hasPrefix("2026-11-01-"))
        #expect(id.count == "2026-11-01-".count + 10)
        #expect(id.dropFirst(11).allSatisfy { "0123456789abcdef".contains($0) })
        #expect(String(id.dropFirst(11)) == String(Self.base.fullHash.prefix(10)))
        #expect(Self.base.fullHash.count == 64)
    }

    /// Pins the canonical encoding: changing it changes every id ever published, so it must be deliberate.
    @Test func idIsPinned() {
        var hasher = SHA256Hasher()
        for field in [
            "curbside-version/1", "as_of", "2026-11-01", "kind", "sample",
            "data", "2", "chicago_daily", "h2", "nyc_daily", "h1",
            "content", "2", "index.md", "c1", "model.md", "c2",
            "templates", "2", "layout.html", "t1", "site.css", "t2",
            "config", "cfg", "program", "0.1.0",
        ] {
            hasher.updateField(field)
        }
        #expect(Self.base.fullHash == hasher.hex())
    }

    @Test func sameInputsGiveTheSameIdWhateverTheDictionaryOrder() {
        var copy = Self.base
        copy.dataHashes = Dictionary(uniqueKeysWithValues: Self.base.dataHashes.reversed())
        copy.contentFiles = [:]
        for (key, value) in Self.base.contentFiles.sorted(by: { $0.key > $1.key }) { copy.contentFiles[key] = value }
        #expect(copy.versionID == Self.base.versionID)
        #expect(Self.base.versionID == Self.base.versionID)
    }

    static let changes: [(String, @Sendable (inout VersionInputs) -> Void)] = [
        ("as-of", { $0.asOf = $0.asOf.adding(days: 1) }),
        ("kind", { $0.kind = .live }),
        ("data hash", { $0.dataHashes["nyc_daily"] = "h1x" }),
        ("data name", { $0.dataHashes = ["nyc_daily2": "h1", "chicago_daily": "h2"] }),
        ("data added", { $0.dataHashes["extra"] = "" }),
        ("content hash", { $0.contentFiles["index.md"] = "c9" }),
        ("content removed", { $0.contentFiles["model.md"] = nil }),
        ("template hash", { $0.templateFiles["site.css"] = "t9" }),
        ("template renamed", { $0.templateFiles = ["layout.htm": "t1", "site.css": "t2"] }),
        ("config", { $0.configHash = "cfg2" }),
        ("program", { $0.programVersion = "0.1.1" }),
        (
            "file moved between maps",
            {
                $0.contentFiles["site.css"] = "t2"
                $0.templateFiles["site.css"] = nil
            }
        ),
        ("key and value run together", { $0.dataHashes = ["nyc_dailyh": "1", "chicago_daily": "h2"] }),
    ]

    @Test(arguments: 0..<changes.count)
    func anyChangeGivesAnotherId(_ index: Int) {
        var changed = Self.base
        Self.changes[index].1(&changed)
        #expect(changed.versionID != Self.base.versionID, "\(Self.changes[index].0)")
    }
}
