import CurbsideModel
import CurbsidePublish
import CurbsideRender
import Foundation

/// The version a new version is compared with, and `changes.json`, the comparison as a version file.
///
/// The previous version is the newest one on the site whose as-of is not later than this one's. Its id is an
/// input of the new version, so the comparison (and every byte) stays a function of the inputs. When that
/// newest version is exactly what this render would make (same inputs, compared with the same version), this
/// render is that version again: nothing new is published.
extension Pipeline {
    /// - Parameter base: this version's inputs without a previous version.
    /// - Returns: the version to compare with, or nil for a first version.
    /// - Throws: `CommandError` when `versions.json` cannot be read.
    func previousVersion(for base: VersionInputs) throws -> ChangesFile.Previous? {
        let listed: [PublishedVersion]
        do {
            listed = try Publisher(siteRoot: options.siteRoot, retention: 0).versions()
        } catch {
            throw CommandError(.failed("\(error)"))
        }
        guard let candidate = listed.first(where: { $0.asOf <= base.asOf }) else { return nil }
        // Is the candidate this very render? Then compare with what it was compared with.
        let path = "\(options.siteRoot)/v/\(candidate.id.rawValue)/\(ChangesFile.name)"
        if let data = FileManager.default.contents(atPath: path),
            let recorded = try? JSONDecoder().decode(ChangesFile.self, from: data),
            recorded.version == candidate.id.rawValue
        {
            var inputs = base
            inputs.previousVersion = recorded.previous.map { VersionID($0.id) }
            if inputs.versionID == candidate.id { return recorded.previous }
        }
        return ChangesFile.Previous(
            id: candidate.id.rawValue, asOf: candidate.asOf.iso,
            headline: candidate.headline.map { .init(label: $0.label, value: $0.value) })
    }
}

/// `changes.json` in each version: its headline figures, the previous version's, and the change of each.
struct ChangesFile: Codable {
    static let name = "changes.json"

    struct Figure: Codable {
        var label: String
        var value: String
        var previous: String?
        var change: String?
    }

    struct Previous: Codable {
        var id: String
        var asOf: String
        var headline: [Figure]

        enum CodingKeys: String, CodingKey {
            case id, headline
            case asOf = "as_of"
        }
    }

    var version: String
    var asOf: String
    var headline: [Figure]
    var previous: Previous?

    enum CodingKeys: String, CodingKey {
        case version, headline, previous
        case asOf = "as_of"
    }

    init(version: VersionID, asOf: Day, notes: VersionNotes, previous: Previous?) {
        self.version = version.rawValue
        self.asOf = asOf.iso
        headline = notes.changes.map {
            Figure(label: $0.label, value: $0.value, previous: $0.previous, change: $0.delta)
        }
        self.previous = previous
    }

    /// The file's text: keys sorted, a final newline; `previous` is `null` for a first version.
    var text: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let body = String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
        return body + "\n"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(asOf, forKey: .asOf)
        try container.encode(headline, forKey: .headline)
        try container.encode(previous, forKey: .previous)
    }
}
