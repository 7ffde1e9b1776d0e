/// Seven shades of one hue for amounts on a heat map or a grid map: the lightest for the least, the darkest for
/// the most.
///
/// Like ``NiceScale`` the domain always includes 0, so a zero, which is a real value and not a missing one, is
/// the lightest shade, and a cell twice as dark means about twice as much. The shades are CSS classes
/// (`heat-0` … `heat-6`) filled by the site's stylesheet, so the light and the dark theme each get a ramp
/// that fades into their own background.
public struct SequentialScale: Sendable, Hashable {
    /// How many shades there are.
    public static let steps = 7

    /// The value of the lightest end: 0, or the smallest value when it is negative.
    public let lower: Double
    /// The value of the darkest end: the largest value, or 0 when none is positive.
    public let upper: Double
    /// Whether there were no finite values to shade.
    public let isEmpty: Bool

    /// - Parameter values: the values to be shaded; NaN and infinities are left out.
    public init(values: [Double]) {
        let finite = values.filter(\.isFinite)
        isEmpty = finite.isEmpty
        lower = min(0, finite.min() ?? 0)
        upper = max(0, finite.max() ?? 0)
    }

    /// The shade of `value`, 0 (lightest) to 6 (darkest); the top shade includes ``upper``.
    ///
    /// When every value is the same the domain is empty only if they are all 0, and then all cells are the
    /// lightest shade.
    public func step(for value: Double) -> Int {
        guard upper > lower, value.isFinite else { return 0 }
        let fraction = (value - lower) / (upper - lower)
        return max(0, min(Self.steps - 1, Int((fraction * Double(Self.steps)).rounded(.down))))
    }

    /// The CSS class of a cell: `heat-3`, or `cell-missing` for `nil`.
    public func cssClass(for value: Double?) -> String {
        guard let value, value.isFinite else { return "cell-missing" }
        return "heat-\(step(for: value))"
    }
}
