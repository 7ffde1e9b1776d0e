/// Stops the run when two readers of the same input disagree: libFuzzer reports the trap as a crash and keeps the
/// input that caused it.
/// - Parameters:
///   - condition: what must hold.
///   - message: what went wrong, printed before the trap.
public func fuzzCheck(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("fuzz check failed: \(message())") }
}
