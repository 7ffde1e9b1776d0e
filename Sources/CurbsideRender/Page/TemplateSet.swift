import Foundation
import Mustache

/// The Mustache templates and static assets of a `templates/` folder, read once and checked up front.
struct TemplateSet: Sendable {
    let library: MustacheLibrary
    /// Files under `assets/`, as paths relative to the version folder (`assets/style.css`), sorted.
    let assets: [Asset]

    struct Asset: Sendable, Hashable {
        let path: String
        let bytes: [UInt8]
    }

    /// - Parameter directory: the templates folder; its name prefixes every file named in errors.
    /// - Throws: `RenderError` for an unreadable folder, a template that does not parse (with its line), a
    ///   partial that does not exist, or a missing `layout.mustache`.
    static func load(directory: String) throws(RenderError) -> TemplateSet {
        let root = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue,
            let enumerator = FileManager.default.enumerator(
                atPath: URL(fileURLWithPath: root).resolvingSymlinksInPath().path)
        else {
            throw RenderError(file: root, line: nil, reason: .unreadable("no such folder"))
        }
        let paths = enumerator.compactMap { $0 as? String }.filter { path in
            !path.split(separator: "/").contains { $0.hasPrefix(".") }
        }.sorted()
        var library = MustacheLibrary()
        var texts: [(name: String, file: String, text: String)] = []
        var assets: [Asset] = []
        for path in paths {
            let file = root + "/" + path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue else {
                continue
            }
            guard let data = FileManager.default.contents(atPath: file) else {
                throw RenderError(file: file, line: nil, reason: .unreadable("permission denied or not a file"))
            }
            if path.hasPrefix("assets/") {
                assets.append(Asset(path: path, bytes: Array(data)))
            } else if path.hasSuffix(".mustache") {
                let text = String(decoding: data, as: UTF8.self)
                let name = String(path.dropLast(".mustache".count))
                do {
                    library.register(try MustacheTemplate(string: text), named: name)
                } catch let error as MustacheTemplate.ParserError {
                    throw RenderError(
                        file: file, line: error.context.lineNumber, reason: .template(Self.describe(error.error)))
                } catch {
                    throw RenderError(file: file, line: nil, reason: .template(String(describing: error)))
                }
                texts.append((name, file, text))
            }
        }
        guard library.getTemplate(named: "layout") != nil else {
            throw RenderError(file: root + "/layout.mustache", line: nil, reason: .missingTemplate("layout"))
        }
        try checkPartials(texts, library: library)
        return TemplateSet(library: library, assets: assets)
    }

    /// A partial that names no template would render as nothing; make it an error instead.
    private static func checkPartials(
        _ texts: [(name: String, file: String, text: String)], library: MustacheLibrary
    ) throws(RenderError) {
        let names = texts.map(\.name)
        for template in texts {
            for (index, line) in template.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                var rest = line[...]
                while let open = rest.range(of: "{{>") {
                    let after = rest[open.upperBound...]
                    let partial = after.prefix { $0 != "}" }.trimmed
                    rest = after
                    guard !names.contains(partial) else { continue }
                    throw RenderError(
                        file: template.file, line: index + 1,
                        reason: .template(
                            "partial '\(partial)' is not defined; templates: \(names.joined(separator: ", "))"))
                }
            }
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: return "a section is closed with a name other than the one it opened with"
        case .unfinishedName: return "a tag is not closed with '}}'"
        case .expectedSectionEnd: return "a section is not closed; add {{/name}}"
        case .invalidSetDelimiter: return "the set-delimiter tag is malformed"
        default: return String(describing: error)
        }
    }
}
