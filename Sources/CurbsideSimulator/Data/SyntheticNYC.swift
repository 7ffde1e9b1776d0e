import CurbsideModel

/// Synthetic NYC violations for speed tests, calibrated on the real sample by resampling: each row
/// copies a real row chosen at random (so categories, amounts, times and missing-field rates follow
/// the sample's distributions), with a new summons number and an issue date spread over the days
/// given. Deterministic from the seed. It is for measuring speed, never for judging results.
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
        var state = seed
        var out: [UInt8] = []
        out.reserveCapacity(count * 560)
        out.append(UInt8(ascii: "["))
        for i in 0..<count {
            if i > 0 { out.append(contentsOf: Array("\n,".utf8)) }
            let template = parsed[Int(SyntheticCrashUnits.next(&state)) % parsed.count]
            let day = days[i * days.count / max(count, 1)]
            var first = true
            out.append(UInt8(ascii: "{"))
            for (key, value) in template {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                out.append(contentsOf: Array(JSONText.quoted(key).utf8))
                out.append(UInt8(ascii: ":"))
                switch key {
                case "summons_number": out.append(contentsOf: Array(JSONText.quoted(String(8_000_000_000 + i)).utf8))
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
