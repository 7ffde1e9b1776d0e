import CurbsideModel

/// Rewrites a page body for the faults that change content rather than transport.
enum BodyRewrite {
    static func apply(_ fault: Fault, to body: [UInt8]) -> [UInt8] {
        guard let ranges = try? FlatJSON.elementRanges(of: body) else { return body }
        let rows = ranges.map { Array(body[$0]) }
        switch fault {
        case .malformedJSON:
            return Array(body.prefix(max(1, body.count / 2)))
        case .duplicateRows(let count):
            return join(rows + rows.prefix(count))
        case .extraField(let name, let value):
            return join(
                rows.map { row in
                    guard row.last == UInt8(ascii: "}") else { return row }
                    let member = Array(",\(JSONText.quoted(name)):\(JSONText.quoted(value))}".utf8)
                    return row.count <= 2 ? Array("{".utf8) + member.dropFirst() : Array(row.dropLast()) + member
                })
        case .missingField(let name):
            return join(
                rows.map { row in
                    guard let fields = try? FlatJSON.fields(of: row) else { return row }
                    let kept = fields.filter { $0.key != name }.map { key, value -> String in
                        let text: String
                        switch value {
                        case .raw(let raw): text = raw
                        case .number(let n): text = n
                        case .bool(let b): text = b ? "true" : "false"
                        case .null: text = "null"
                        case .string(let s): text = JSONText.quoted(s)
                        }
                        return "\(JSONText.quoted(key)):\(text)"
                    }
                    return Array(("{" + kept.joined(separator: ",") + "}").utf8)
                })
        default:
            return body
        }
    }

    /// Rows joined the way the portal joins them.
    static func join(_ rows: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "[")]
        for (i, row) in rows.enumerated() {
            if i > 0 { out += Array("\n,".utf8) }
            out += row
        }
        return out + Array("]\n".utf8)
    }
}
