import CurbsideModel

/// English date text for axes, tooltips and tables, without locale or time zone.
public enum DateText {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    /// `May 10`.
    public static func short(_ day: Day) -> String {
        let civil = day.civil
        return "\(months[civil.month - 1]) \(civil.day)"
    }

    /// `May 10, 2025`.
    public static func long(_ day: Day) -> String {
        "\(short(day)), \(day.civil.year)"
    }

    /// `Sat, May 10, 2025`: the weekday matters for daily city data.
    public static func withWeekday(_ day: Day) -> String {
        "\(weekdays[day.weekday - 1]), \(long(day))"
    }

    /// A day from `YYYY-MM-DD`, also when a time follows (`2025-05-10T00:00:00`).
    public static func day(from text: String) -> Day? {
        if let day = Day(iso: text) { return day }
        guard text.count > 10 else { return nil }
        let rest = text.dropFirst(10)
        guard rest.first == "T" || rest.first == " " else { return nil }
        return Day(iso: text.prefix(10))
    }
}
