import Foundation

/// An axis scale that always includes 0 and ends on round ticks: steps of 1, 2, 2.5 or 5 × 10ⁿ.
///
/// Amount axes start at zero so bar lengths and line heights are honest.
public struct NiceScale: Sendable, Hashable {
    /// The lowest tick (0 unless the data goes below zero).
    public let lower: Double
    /// The highest tick, at or above the data's maximum.
    public let upper: Double
    /// The distance between ticks.
    public let step: Double

    /// - Parameters:
    ///   - minimum: the smallest data value.
    ///   - maximum: the largest data value.
    ///   - targetTickCount: about how many intervals to make.
    ///   - integral: whether ticks must be whole numbers (counts).
    public init(minimum: Double, maximum: Double, targetTickCount: Int = 5, integral: Bool = false) {
        var low = min(0, minimum.isFinite ? minimum : 0)
        var high = max(0, maximum.isFinite ? maximum : 0)
        if high - low <= 0 { high = low + 1 }
        let raw = (high - low) / Double(max(1, targetTickCount))
        let magnitude = pow(10, floor(log10(raw)))
        var step = 10 * magnitude
        for multiple in [1, 2, 2.5, 5, 10] {
            let candidate = multiple * magnitude
            if integral && candidate < 1 { continue }
            if integral && multiple == 2.5 && magnitude < 10 { continue }
            if candidate >= raw * (1 - 1e-9) {
                step = candidate
                break
            }
        }
        low = (low / step).rounded(.down) * step
        high = (high / step).rounded(.up) * step
        self.lower = low
        self.upper = high
        self.step = step
    }

    /// The tick values from ``lower`` to ``upper``, rounded so they carry no floating-point noise.
    public var ticks: [Double] {
        let count = Int(((upper - lower) / step).rounded())
        let decimals = NumberText.decimalsNeeded(for: step)
        let scale = pow(10, Double(decimals))
        return (0...count).map { index in
            ((lower + Double(index) * step) * scale).rounded() / scale
        }
    }

    /// Where `value` falls between ``lower`` (0) and ``upper`` (1).
    public func fraction(_ value: Double) -> Double {
        (value - lower) / (upper - lower)
    }
}
