import CurbsideModel

/// A dataset whose ingestion stopped: which dataset, which URL (never with the token), and why.
public struct IngestError: Error, CustomStringConvertible {
    public enum Reason: Sendable {
        /// The portal answered with an error status; `code` and `message` are its own words when it gave them.
        case http(status: Int, code: String?, message: String?)
        /// A retryable status (429, 202, 5xx) on every attempt.
        case gaveUp(status: Int, code: String?, message: String?, attempts: Int)
        /// No complete response after every attempt.
        case network(String, attempts: Int)
        /// A page that is not the JSON array the portal promises.
        case malformedPage(String, attempts: Int)
    }

    public var dataset: DatasetID
    public var partition: PartitionKey?
    public var url: String
    public var reason: Reason

    public init(dataset: DatasetID, partition: PartitionKey?, url: String, reason: Reason) {
        self.dataset = dataset
        self.partition = partition
        self.url = url
        self.reason = reason
    }

    public var description: String {
        let place = "\(dataset)" + (partition.map { " partition \($0)" } ?? "")
        switch reason {
        case .http(let status, let code, let message):
            let said = [code, message].compactMap { $0 }.joined(separator: ": ")
            return "\(place): the portal refused GET \(url) with HTTP \(status)"
                + (said.isEmpty ? "" : ": \(said)")
                + ". Nothing of this partition was stored; check the dataset id and query, then run again."
        case .gaveUp(let status, let code, let message, let attempts):
            let said = [code, message].compactMap { $0 }.joined(separator: ": ")
            return "\(place): GET \(url) answered HTTP \(status)" + (said.isEmpty ? "" : " (\(said))")
                + " on all \(attempts) attempts. Nothing of this partition was stored; the next run goes on from here."
        case .network(let why, let attempts):
            return "\(place): GET \(url) failed after \(attempts) attempt\(attempts == 1 ? "" : "s"): \(why). "
                + "Nothing of this partition was stored; the next run goes on from here."
        case .malformedPage(let why, let attempts):
            return "\(place): GET \(url) returned a page that is not a JSON array after \(attempts) attempt"
                + "\(attempts == 1 ? "" : "s"): \(why). Nothing of this partition was stored."
        }
    }

    /// Reads Socrata's error body, `{"code": …, "message": …}`, when there is one.
    static func portalMessage(in body: [UInt8]) -> (code: String?, message: String?) {
        guard let fields = try? FlatJSON.fields(of: body) else {
            let text = String(decoding: body.prefix(300), as: UTF8.self)
            return (nil, text.isEmpty ? nil : text)
        }
        var code: String?
        var message: String?
        for (key, value) in fields {
            if key == "code" || key == "errorCode" { code = value.text }
            if key == "message" { message = value.text }
        }
        return (code, message)
    }
}
