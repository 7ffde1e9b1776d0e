import CurbsideModel

/// One HTTP attempt, as recorded in `fetches`. The URL never carries the app token.
public struct FetchRecord: Sendable, Equatable {
    public var runID: Int64?
    public var dataset: DatasetID
    public var partition: PartitionKey?
    public var url: String
    /// The query parameters as `name=value` lines, decoded, for reading.
    public var params: String
    public var status: Int?
    public var bytes: Int
    public var sha256: String?
    public var startedAt: Double
    public var seconds: Double
    public var attempt: Int
    public var error: String?

    public init(
        runID: Int64?, dataset: DatasetID, partition: PartitionKey?, url: String, params: String, status: Int?,
        bytes: Int, sha256: String?, startedAt: Double, seconds: Double, attempt: Int, error: String?
    ) {
        self.runID = runID
        self.dataset = dataset
        self.partition = partition
        self.url = url
        self.params = params
        self.status = status
        self.bytes = bytes
        self.sha256 = sha256
        self.startedAt = startedAt
        self.seconds = seconds
        self.attempt = attempt
        self.error = error
    }
}

/// One response page to store in bronze, exactly as received, with the rows it holds.
public struct BronzePage: Sendable {
    public var fetchID: Int64?
    /// The body as it will be stored: a zstd frame of the body as received (see `PageBody`). Compressed when the
    /// page is made, so a partition's pages waiting for their commit hold about a tenth of their size.
    public var storedBody: [UInt8]
    /// SHA-256 of the body as received.
    public var sha256: String
    /// Where each row's exact JSON text lies in the body as received, and its record id when it has one.
    public var rows: [(recordID: String?, range: Range<Int>)]

    public init(fetchID: Int64?, body: [UInt8], sha256: String, rows: [(recordID: String?, range: Range<Int>)]) {
        self.fetchID = fetchID
        self.storedBody = PageBody.compress(body)
        self.sha256 = sha256
        self.rows = rows
    }
}

/// What the warehouse knows of one partition.
public struct PartitionState: Sendable, Equatable {
    public enum State: String, Sendable { case complete, failed }
    public var dataset: DatasetID
    public var key: PartitionKey
    public var state: State
    public var rows: Int
    public var hash: String?
    public var fetchedAt: Double?
    /// Increases by one with every complete fetch; bronze rows carry the generation they came in.
    public var generation: Int
    /// The generation silver was last built from.
    public var cleanedGeneration: Int

    public init(
        dataset: DatasetID, key: PartitionKey, state: State, rows: Int, hash: String?, fetchedAt: Double?,
        generation: Int, cleanedGeneration: Int
    ) {
        self.dataset = dataset
        self.key = key
        self.state = state
        self.rows = rows
        self.hash = hash
        self.fetchedAt = fetchedAt
        self.generation = generation
        self.cleanedGeneration = cleanedGeneration
    }
}
