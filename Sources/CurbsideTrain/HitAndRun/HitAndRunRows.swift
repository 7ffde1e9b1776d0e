import CurbsideModel

/// The window's crashes as training reads them (rows of ``HitAndRunFeatures/selectSQL(window:)``, oldest first),
/// held a column at a time as they arrive: the label, the day, each numeric feature as a `Float` and each category
/// as a number standing for its text. A million crashes take ≈ 100 MB where their SQL values took ≈ 1 GB.
///
/// Category numbers are given in the order texts first appear and mean nothing to the model: the codes it sees are
/// made from the training rows alone (``CategoryEncoding/init(features:rows:training:)``).
public struct HitAndRunRows: Sendable {
    /// 0 or 1 per row (a missing or non-numeric flag is 0).
    public private(set) var labels: [UInt8] = []
    /// The crash date's first ten characters (YYYY-MM-DD) per row.
    public private(set) var days: [String] = []
    /// Per feature: the values of a numeric feature (NaN for missing), empty for a categorical one.
    private(set) var numbers: [[Float]]
    /// Per feature: the category number of each row (0 for missing), empty for a numeric feature.
    private(set) var categories: [[UInt32]]
    /// Per categorical feature: its texts, the one numbered k at k − 1.
    private(set) var texts: [[String]]
    private var numbered: [[String: UInt32]]

    public let features: [HitAndRunFeatures.Feature]

    public init(features: [HitAndRunFeatures.Feature] = HitAndRunFeatures.all) {
        self.features = features
        numbers = Array(repeating: [], count: features.count)
        categories = Array(repeating: [], count: features.count)
        texts = Array(repeating: [], count: features.count)
        numbered = Array(repeating: [:], count: features.count)
    }

    /// The rows of a table shaped like ``HitAndRunFeatures/selectSQL(window:)``'s.
    public init(_ table: QueryTable, features: [HitAndRunFeatures.Feature] = HitAndRunFeatures.all) {
        self.init(features: features)
        for row in table.rows { append { row[$0] } }
    }

    public var count: Int { labels.count }

    /// Adds a row: `value(0)` the id, `value(1)` the crash date, `value(2)` the label, then the features in order.
    public mutating func append(_ value: (Int) -> SQLValue) {
        labels.append((value(2).number ?? 0) == 1 ? 1 : 0)
        days.append(String(value(1).description.prefix(10)))
        for (f, feature) in features.enumerated() {
            let cell = value(f + 3)
            guard feature.categorical else {
                numbers[f].append(cell.isNull ? .nan : cell.number.map(Float.init) ?? .nan)
                continue
            }
            guard !cell.isNull else {
                categories[f].append(0)
                continue
            }
            let text = cell.description
            if let number = numbered[f][text] {
                categories[f].append(number)
            } else {
                texts[f].append(text)
                let number = UInt32(texts[f].count)
                numbered[f][text] = number
                categories[f].append(number)
            }
        }
    }

    /// The features of `range` as the model sees them, a column per feature.
    func columns(_ range: Range<Int>, encoding: CategoryEncoding) -> [[Float]] {
        features.indices.map { f in
            guard features[f].categorical else { return Array(numbers[f][range]) }
            let codes = encoding.codes(ofNumbered: texts[f], feature: features[f])
            return categories[f][range].map { codes[Int($0)] }
        }
    }
}

extension CategoryEncoding {
    /// Learns the codes from the categories that occur in the training rows.
    public init(features: [HitAndRunFeatures.Feature], rows: HitAndRunRows, training: Range<Int>) {
        var labels: [String: [String]] = [:]
        for (f, feature) in features.enumerated() where feature.categorical {
            var seen = [Bool](repeating: false, count: rows.texts[f].count + 1)
            for number in rows.categories[f][training] { seen[Int(number)] = true }
            labels[feature.name] = rows.texts[f].indices.filter { seen[$0 + 1] }.map { rows.texts[f][$0] }.sorted {
                $0.utf8.lexicographicallyPrecedes($1.utf8)
            }
        }
        self.init(labels: labels)
    }

    /// The code of each category number (index 0: missing, NaN) for texts numbered 1, 2, …: ``code(_:feature:)``
    /// once per text, not per row.
    func codes(ofNumbered texts: [String], feature: HitAndRunFeatures.Feature) -> [Float] {
        [.nan] + texts.map { code(.text($0), feature: feature) }
    }
}
