/// The text alternative of a line chart: what is plotted, over which range, and each series' extremes.
extension LineChart {
    /// One paragraph for `<desc>`: the series, the x range, the unit, then each series' lowest and highest
    /// point with where it falls.
    public var summary: String {
        let names = Self.sentenceList(series.map(\.name))
        guard x.count > 0, series.contains(where: { $0.values.contains { $0 != nil } }) else {
            return "Line chart of \(names.isEmpty ? "no series" : names) with no data."
        }
        var text = "Line chart of \(names)"
        switch x {
        case .days(let days):
            let first = days.min()!
            let last = days.max()!
            text += " by day, \(DateText.long(first)) to \(DateText.long(last)) (\(days.count) days)"
        case .labels(let labels):
            text += " over \(labels.count) points, from \(labels.first!) to \(labels.last!)"
        case .numbers(let numbers):
            text +=
                " over \(numbers.count) points, x from \(xText(numbers.indices.min { numbers[$0] < numbers[$1] }!, long: false))"
                + " to \(xText(numbers.indices.max { numbers[$0] < numbers[$1] }!, long: false))"
        }
        if let unit = yLabel ?? format.defaultUnitLabel {
            text += ", in \(lowercasedFirst(unit))"
        }
        text += "."
        for line in series {
            let points = line.values.prefix(x.count).enumerated().compactMap { index, value in
                value.map { (index: index, value: $0) }
            }
            guard let low = points.min(by: { $0.value < $1.value }),
                let high = points.max(by: { $0.value < $1.value })
            else {
                text += " \(line.name): no data."
                continue
            }
            text += " \(line.name): lowest \(format.format(low.value)) on \(xText(low.index, long: false))"
            text += ", highest \(format.format(high.value)) on \(xText(high.index, long: false))."
        }
        return text
    }

    private func lowercasedFirst(_ text: String) -> String {
        // "US dollars" keeps its capitals; "Percent" reads better as "percent" mid-sentence.
        guard let first = text.first, text.dropFirst().allSatisfy({ !$0.isUppercase }) else { return text }
        return first.lowercased() + text.dropFirst()
    }

    /// `A`, `A and B`, `A, B and C`.
    private static func sentenceList(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }
}
