import CurbsideIngest
import CurbsideModel
import Foundation
import Testing

@Suite struct IngestProgressTests {
    final class StepClock: WallClock, @unchecked Sendable {
        let lock = NSLock()
        var seconds = 100.0
        func now() -> Double { lock.withLock { seconds } }
        func advance(_ s: Double) { lock.withLock { seconds += s } }
    }

    final class Lines: @unchecked Sendable {
        let lock = NSLock()
        var all: [String] = []
        func add(_ s: String) { lock.withLock { all.append(s) } }
    }

    @Test func theLineShowsPartitionsRowsRateRetriesAndETA() {
        let clock = StepClock()
        let drawn = Lines()
        let progress = IngestProgress(clock: clock, draw: { drawn.add($0) })
        progress.plan("nyc", partitions: 4, unit: "days")
        progress.plan("chicago", partitions: 2, unit: "months")
        clock.advance(2)
        progress.page("nyc", rows: 1000, retries: 1)
        progress.partitionDone("nyc")
        #expect(
            progress.text()
                == "nyc 1/4 days · 1000 rows · 500 rows/s · 1 retries · ETA 0:06  |  "
                + "chicago 0/2 months · 0 rows · 0 rows/s · 0 retries · ETA –")
        #expect(drawn.all.last == progress.text())
    }

    @Test func offATerminalNothingIsDrawn() {
        let progress = IngestProgress(clock: FixedClock(seconds: 0), draw: nil)
        progress.plan("nyc", partitions: 1, unit: "days")
        progress.partitionDone("nyc")
        #expect(progress.text() == "nyc 1/1 days · 0 rows · 0 rows/s · 0 retries · ETA done")
    }
}
