import CurbsideModel

/// One entry of `versions.json`: a version that is on the site.
public struct PublishedVersion: Sendable, Hashable {
    /// The version's id, also its folder name under `v/`.
    public var id: VersionID
    /// The date the version's windows are measured from.
    public var asOf: Day
    /// Sample or live data.
    public var kind: VersionRecord.Kind
    /// Figures for the list of versions, in display order.
    public var headline: [HeadlineFigure]
    /// How many files the version's manifest lists (every file of the version but `manifest.json`).
    public var files: Int
    /// The publication order: 1 for the first version this `versions.json` recorded, then one more each time.
    ///
    /// Breaks ties between versions of the same as-of date, newest publication first. A count rather than a
    /// time, so that the same sequence of publishes writes the same bytes.
    public var sequence: Int

    /// - Parameters:
    ///   - record: the version.
    ///   - files: how many files its manifest lists.
    ///   - sequence: its place in the publication order.
    public init(record: VersionRecord, files: Int, sequence: Int) {
        id = record.id
        asOf = record.asOf
        kind = record.kind
        headline = record.headline
        self.files = files
        self.sequence = sequence
    }

    /// The version as publish received it.
    public var record: VersionRecord {
        VersionRecord(id: id, asOf: asOf, kind: kind, headline: headline)
    }

    /// True when `self` comes before `other` in `versions.json`: a later as-of first, then a later publication.
    func isNewer(than other: PublishedVersion) -> Bool {
        asOf != other.asOf ? asOf > other.asOf : sequence > other.sequence
    }

    /// The entry as it appears in `versions.json`: keys sorted, headline labels in display order.
    var json: JSONValue {
        .object([
            ("as_of", .string(asOf.iso)),
            ("files", .integer(files)),
            ("headline", .object(headline.map { ($0.label, JSONValue.string($0.value)) })),
            ("id", .string(id.rawValue)),
            ("kind", .string(kind.rawValue)),
            ("sequence", .integer(sequence)),
        ])
    }

    /// Reads an entry of `versions.json` back.
    /// - Parameters:
    ///   - json: the entry.
    ///   - place: where it sits, `versions[2]`, for error messages.
    /// - Throws: ``JSONFormatError`` naming the field that is wrong.
    init(json: JSONValue, at place: String) throws(JSONFormatError) {
        let idText = try json.member("id", at: place).string(at: place + ".id")
        asOf = try json.member("as_of", at: place).day(at: place + ".as_of")
        id = VersionID(idText)
        if let problem = VersionRecord.idProblem(id, asOf: asOf) {
            let rule = problem == .badSuffix ? "lowercase letters and digits after the date" : "its as_of date first"
            throw JSONFormatError(detail: "\(place).id: \(idText.debugDescription) needs \(rule)")
        }
        let kindText = try json.member("kind", at: place).string(at: place + ".kind")
        guard let kind = VersionRecord.Kind(rawValue: kindText) else {
            throw JSONFormatError(detail: "\(place).kind: \"\(kindText)\" is neither sample nor live")
        }
        self.kind = kind
        headline = []
        for (label, value) in try json.member("headline", at: place).members(at: place + ".headline") {
            headline.append(HeadlineFigure(label: label, value: try value.string(at: "\(place).headline.\(label)")))
        }
        files = try json.member("files", at: place).count(at: place + ".files")
        sequence = try json.member("sequence", at: place).count(at: place + ".sequence")
    }
}
