import NIOCore

/// Writes a page of rows the way the portal does: `[`, rows separated by `\n,`, then `]\n`; each
/// row's original bytes, unless `$select` asks for some fields only.
struct RowsBody {
    let dataset: SimulatedDataset
    /// Selected fields in order, or nil for whole rows.
    let selection: [String]?

    /// One buffer holding the whole body, sized up front so it is written once.
    func bytes(of rows: [Int]) -> ByteBuffer {
        let separator = Array("\n,".utf8)
        guard let selection else {
            let ranges = dataset.rowRanges
            let size = rows.reduce(3) { $0 + ranges[$1].count + separator.count }
            var buffer = ByteBufferAllocator().buffer(capacity: size)
            // One pass of plain copies into memory reserved once: no per-row bookkeeping.
            _ = dataset.rowsJSON.withUnsafeBytes { json in
                buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: size) { out in
                    out[0] = UInt8(ascii: "[")
                    var at = 1
                    for (position, row) in rows.enumerated() {
                        if position > 0 {
                            out[at] = UInt8(ascii: "\n")
                            out[at + 1] = UInt8(ascii: ",")
                            at += 2
                        }
                        let range = ranges[row]
                        UnsafeMutableRawBufferPointer(rebasing: out[at..<(at + range.count)])
                            .copyMemory(from: UnsafeRawBufferPointer(rebasing: json[range]))
                        at += range.count
                    }
                    out[at] = UInt8(ascii: "]")
                    out[at + 1] = UInt8(ascii: "\n")
                    return at + 2
                }
            }
            return buffer
        }
        var buffer = ByteBufferAllocator().buffer(capacity: rows.count * 64 + 3)
        buffer.writeInteger(UInt8(ascii: "["))
        for (position, row) in rows.enumerated() {
            if position > 0 { buffer.writeBytes(separator) }
            write(row: row, selecting: selection, into: &buffer)
        }
        buffer.writeString("]\n")
        return buffer
    }

    /// `{"a":…,"b":…}` with the selected members present in the row, values as their original text.
    private func write(row index: Int, selecting selection: [String], into buffer: inout ByteBuffer) {
        let json = dataset.rowsJSON
        let members = (try? JSONSlicer.members(ofObject: json, in: dataset.rowRanges[index])) ?? []
        var first = true
        buffer.writeInteger(UInt8(ascii: "{"))
        for field in selection {
            let value: ArraySlice<UInt8>
            if field.hasPrefix(":") {
                guard let text = dataset.values(of: field)?[index]?.text else { continue }
                value = ArraySlice(JSONText.quoted(text).utf8)
            } else {
                let key = Array(field.utf8)
                guard let member = members.first(where: { json[$0.key].elementsEqual(key) }) else { continue }
                value = json[member.value]
            }
            if !first { buffer.writeInteger(UInt8(ascii: ",")) }
            first = false
            buffer.writeString(JSONText.quoted(field))
            buffer.writeInteger(UInt8(ascii: ":"))
            buffer.writeBytes(value)
        }
        buffer.writeInteger(UInt8(ascii: "}"))
    }
}
