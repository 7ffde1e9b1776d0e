/// Reads the three date forms HTTP allows (RFC 9110 §5.6.7), for `Retry-After`:
/// `Sun, 06 Nov 1994 08:49:37 GMT`, `Sunday, 06-Nov-94 08:49:37 GMT` and `Sun Nov  6 08:49:37 1994`.
enum HTTPDate {
    /// UNIX seconds, or nil when `text` is none of the three forms.
    static func unixSeconds(from text: String) -> Double? {
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let words = text.split { $0 == " " || $0 == "," || $0 == "-" }.map { $0.lowercased() }
        guard let monthIndex = words.firstIndex(where: { months.contains($0) }),
            let month = months.firstIndex(of: words[monthIndex]).map({ $0 + 1 }),
            let time = words.first(where: { $0.contains(":") })
        else { return nil }
        let clock = time.split(separator: ":").compactMap { Int($0) }
        let numbers = words.enumerated().filter { $0.element.allSatisfy(\.isNumber) }
        // The day sits next to the month; the year is the other number.
        guard clock.count == 3, numbers.count == 2,
            let day = numbers.first(where: { abs($0.offset - monthIndex) == 1 && $0.element.count <= 2 })
                .flatMap({ Int($0.element) }),
            var year = numbers.first(where: { abs($0.offset - monthIndex) != 1 || $0.element.count > 2 })
                .flatMap({ Int($0.element) }) ?? numbers.last.flatMap({ Int($0.element) })
        else { return nil }
        if year < 100 { year += year < 70 ? 2000 : 1900 }
        guard (1...31).contains(day), (0...23).contains(clock[0]), (0...59).contains(clock[1]),
            (0...60).contains(clock[2])
        else { return nil }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        return Double(days * 86_400 + clock[0] * 3600 + clock[1] * 60 + clock[2])
    }

    /// Howard Hinnant's days_from_civil.
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
