import Synchronization
import Testing

@testable import CurbsideRender

@Suite("Jobs on a few threads")
struct ParallelJobsTests {
    @Test("results come back in job order, every job once, each on a worker in range")
    func order() throws {
        let seen = Mutex<[Int]>([])
        let results = try ParallelJobs.run(200, workers: 2) { job, worker in
            #expect((0..<2).contains(worker))
            seen.withLock { $0.append(job) }
            return job * job
        }
        #expect(results == (0..<200).map { $0 * $0 })
        #expect(seen.withLock { $0.sorted() } == Array(0..<200))
        #expect(try ParallelJobs.run(0, workers: 2) { job, _ in job }.isEmpty)
    }

    struct Failure: Error, Equatable { let job: Int }

    @Test("a failing job's error is thrown, the lowest-numbered one when several fail")
    func failure() {
        #expect(throws: Failure(job: 3)) {
            try ParallelJobs.run(10, workers: 1) { job, _ in
                if job == 3 || job == 5 { throw Failure(job: job) }
                return job
            }
        }
    }
}
