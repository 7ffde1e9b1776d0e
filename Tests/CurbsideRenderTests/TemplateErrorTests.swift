import CurbsideRender
import CurbsideTestSupport
import Foundation
import Testing

@Suite("Template errors")
struct TemplateErrorTests {
    /// The message of loading a templates folder holding `files`.
    static func message(_ files: [String: String]) throws -> String? {
        let folder = try Fixtures.temporaryFolder("templates")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, text) in files {
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        do {
            _ = try PageRenderer(templatesDirectory: folder)
            return nil
        } catch {
            return error.description.replacingOccurrences(of: folder, with: "templates")
        }
    }

    @Test("a section closed with the wrong name, with the template's file and line")
    func syntax() throws {
        #expect(
            try Self.message(["layout.mustache": "<html>\n{{#nav}}\n{{/navs}}\n</html>"])
                == "templates/layout.mustache:3: template error: a section is closed with a name other than the one it opened with"
        )
    }

    @Test("a partial that does not exist")
    func missingPartial() throws {
        #expect(
            try Self.message(["layout.mustache": "<html>\n{{> heading}}\n</html>", "footer.mustache": ""])
                == "templates/layout.mustache:2: template error: partial 'heading' is not defined; templates: footer, layout"
        )
    }

    @Test("no layout")
    func missingLayout() throws {
        #expect(
            try Self.message(["page.mustache": "x"])
                == "templates/layout.mustache: template 'layout' is missing: every page is laid out by it")
    }

    @Test("a folder that does not exist")
    func missingFolder() {
        #expect(throws: RenderError(file: "/nonexistent/templates", line: nil, reason: .unreadable("no such folder"))) {
            try PageRenderer(templatesDirectory: "/nonexistent/templates")
        }
    }
}
