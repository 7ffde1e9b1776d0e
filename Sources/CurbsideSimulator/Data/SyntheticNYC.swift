import CurbsideModel

/// Synthetic NYC violations for speed tests, calibrated on the real sample by resampling: each row
/// copies a real row chosen at random (so categories, amounts, times and missing-field rates follow
/// the sample's distributions), with a new summons number and an issue date spread over the days
/// given. Deterministic from the seed. It is for measuring speed, never for judging results.
///
/// Summons numbers come the way the portal's do: from many sequences at once (an agency's or a device's
/// numbers; the sample's 1,000 rows have 59 four-digit prefixes), each counting up as the days pass. A copy
/// takes its template's first four digits and that prefix's next number in six more (`4607000123`), so a day's
/// rows spread over every sequence's end instead of following one another. Numbers handed out in a single
/// run (`8000000000`, `8000000001`, ...) had every day's rows go in at the end of silver's index: the one
/// order in which a B-tree costs nothing to grow, and one no portal serves.
public enum SyntheticNYC {
    /// - Parameters:
    ///   - templates: real rows (a JSON array, as the portal sends them).
    ///   - count: rows to make.
    ///   - days: the issue dates to spread them over, evenly.
    ///   - seed: the same seed gives the same bytes.
    /// - Returns: a JSON array in the portal's shape.
    public static func rows(templates: [UInt8], count: Int, days: [Day], seed: UInt64) throws -> [UInt8] {
        let ranges = try FlatJSON.elementRanges(of: templates)
        let parsed = try ranges.map { try FlatJSON.fields(of: templates[$0]) }
        precondition(!parsed.isEmpty && !days.isEmpty)
        let prefixes = parsed.map { fields in
            String((fields.first { $0.0 == "summons_number" }?.1.text ?? "").prefix(4))
        }
        var issued: [String: Int] = [:]
        var state = seed
        var out: [UInt8] = []
        out.reserveCapacity(count * 560)
        out.append(UInt8(ascii: "["))
        for i in 0..<count {
            if i > 0 { out.append(contentsOf: Array("\n,".utf8)) }
            let chosen = Int(SyntheticCrashUnits.next(&state)) % parsed.count
            let template = parsed[chosen]
            let day = days[i * days.count / max(count, 1)]
            var first = true
            out.append(UInt8(ascii: "{"))
            for (key, value) in template {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                out.append(contentsOf: Array(JSONText.quoted(key).utf8))
                out.append(UInt8(ascii: ":"))
                switch key {
                case "summons_number":
                    // Six digits, more once a prefix passes a million: still unique, as no shorter number can equal it.
                    let number = issued[prefixes[chosen], default: 0]
                    issued[prefixes[chosen]] = number + 1
                    let digits = String(number)
                    let summons = prefixes[chosen] + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
                    out.append(contentsOf: Array(JSONText.quoted(summons).utf8))
                case "issue_date": out.append(contentsOf: Array(JSONText.quoted(day.usSlashed).utf8))
                default:
                    switch value {
                    case .raw(let text): out.append(contentsOf: Array(text.utf8))
                    default: out.append(contentsOf: Array(JSONText.quoted(value.text ?? "").utf8))
                    }
                }
            }
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        return out
    }
}
