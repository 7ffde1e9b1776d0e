/// A SODA request: `GET {portal}/resource/{id}.json?$where=…&$order=…&$limit=…&$offset=…`.
/// Parameters are percent-encoded (everything but unreserved characters), in the order given.
public struct SoQLQuery: Sendable, Equatable {
    public var portal: String
    public var datasetID: String
    public var parameters: [(name: String, value: String)]

    public init(portal: String, datasetID: String, parameters: [(name: String, value: String)]) {
        self.portal = portal
        self.datasetID = datasetID
        self.parameters = parameters
    }

    /// The full URL. It never holds the app token, which travels in the `X-App-Token` header.
    public var url: String {
        let query = parameters.map { "\(Self.encode($0.name))=\(Self.encode($0.value))" }.joined(separator: "&")
        return "\(portal)/resource/\(datasetID).json" + (query.isEmpty ? "" : "?\(query)")
    }

    /// The parameters decoded, one `name=value` a line, for the fetch log.
    public var readableParameters: String {
        parameters.map { "\($0.name)=\($0.value)" }.joined(separator: "\n")
    }

    /// Percent-encodes all but RFC 3986 unreserved characters.
    public static func encode(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let hex = Array("0123456789ABCDEF")
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.append(Character(Unicode.Scalar(byte)))
            default:
                out.append("%")
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            }
        }
        return out
    }

    public static func == (a: SoQLQuery, b: SoQLQuery) -> Bool { a.url == b.url }
}
