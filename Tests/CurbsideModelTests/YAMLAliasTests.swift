import CurbsideModel
import Foundation
import Testing

/// Anchors and aliases are refused before any YAML library composes the text: an alias used as a mapping key stood
/// for 2^30 nodes in five lines and kept `build` at 100% CPU.
@Suite struct YAMLAliasTests {
    @Test(arguments: [
        ("a: &x 1\nb: *x\n", 1, 4, "&x"),
        ("a: 1\nb: *x\n", 2, 4, "*x"),
        ("list:\n  - *item\n", 2, 5, "*item"),
        ("m: {k: *v}\n", 1, 8, "*v"),
        ("s: [1,*v]\n", 1, 7, "*v"),
        ("? *k\n: 1\n", 1, 3, "*k"),
        ("a: !!str &x text\n", 1, 10, "&x"),
        ("a: \"quoted\" # note\nb: *x\n", 2, 4, "*x"),
        ("q: |\n  SELECT * FROM t\nb: *x\n", 3, 4, "*x"),
    ])
    func findsAnchorsAndAliases(text: String, line: Int, column: Int, token: String) {
        #expect(YAMLAliases.first(in: text) == .init(line: line, column: column, token: token))
    }

    @Test(arguments: [
        "q: |\n  SELECT count(*) FROM t WHERE a = '*x'\n  -- *y\nn: 1\n",
        "a: 'quoted *x and &y'\nb: \"also *x\"\n",
        "a: A&B\nb: a * b\nc: 2*3\n",
        "# *not an alias\na: 1 # &nor an anchor\n",
        "a: 'it''s *fine'\n",
        "a: \"two\n  lines *x\"\n",
        "q: >-\n  folded *text\n  more &text\nb: 1\n",
    ])
    func passesTextThatOnlyLooksLikeThem(text: String) {
        #expect(YAMLAliases.first(in: text) == nil)
    }

    /// Five lines standing for a billion nodes, as a mapping key of the config.
    static let bomb =
        (["a0: &a0 [x, x]"] + (1..<30).map { "a\($0): &a\($0) [*a\($0 - 1), *a\($0 - 1)]" } + ["site:\n  ? *a29\n  : 1"])
        .joined(separator: "\n")

    @Test(.timeLimit(.minutes(1))) func anAliasBombInTheConfigIsRefusedAtOnce() {
        do {
            _ = try CurbsideConfig(yaml: Self.bomb, file: "bomb.yml")
            Issue.record("the alias bomb was read")
        } catch {
            #expect(
                "\(error)".hasPrefix(
                    "bomb.yml:1: not valid YAML: an anchor (&a0) at line 1, column 5: YAML anchors and aliases are not "
                        + "accepted"))
        }
    }

    @Test func theRepositoryConfigHasNone() throws {
        let text = try String(
            contentsOfFile: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("curbside.yml").path, encoding: .utf8)
        #expect(YAMLAliases.first(in: text) == nil)
    }

    @Test func backgroundWorkCanBeWaitedForTwice() throws {
        struct Failed: Error {}
        let work = Background<Int> { throw Failed() }
        #expect(throws: Failed.self) { try work.wait() }
        // An error path that waits again must get the same error, not block for ever.
        #expect(throws: Failed.self) { try work.wait() }
        let value = Background { 42 }
        #expect(try value.wait() == 42)
        #expect(try value.wait() == 42)
    }

    @Test func cleanAndQueryLimitsRead() throws {
        let config = try CurbsideConfig(
            yaml: "site:\n  query_timeout_seconds: 2.5\nclean:\n  max_text_bytes: 500\n", file: "c.yml")
        #expect(config.site.queryTimeoutSeconds == 2.5)
        #expect(config.clean.maxTextBytes == 500)
        #expect(CurbsideConfig().clean.maxTextBytes == 4_096)
        #expect(CurbsideConfig().site.queryTimeoutSeconds == 60)
        #expect(throws: ConfigError.self) { try CurbsideConfig(yaml: "clean:\n  max_text: 5\n", file: "c.yml") }
    }
}
