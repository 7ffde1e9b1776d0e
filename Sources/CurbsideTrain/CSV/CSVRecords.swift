import Foundation

/// A CSV file split into records and fields without copying: RFC 4180 (quoted fields may hold
/// commas, quotes doubled, and line breaks), `\n` or `\r\n` line ends, a trailing newline optional.
struct CSVRecords {
    let bytes: [UInt8]
    /// Byte ranges of every field, record after record (quotes stripped; see `unescaped`).
    private(set) var fieldStarts: [Int32] = []
    private(set) var fieldEnds: [Int32] = []
    /// Where each record's fields start in `fieldStarts`, plus one past the end.
    private(set) var recordStarts: [Int] = [0]
    /// The 1-based line each record starts on.
    private(set) var lines: [Int] = []
    /// Text of quoted fields that held doubled quotes, by field position.
    private(set) var unescaped: [Int: String] = [:]

    /// - Throws: `CSVTrainingError.Reason.unterminatedQuote` with the line the field starts on.
    init(_ bytes: [UInt8]) throws(CSVTrainingError.Reason) {
        self.bytes = bytes
        let count = bytes.count
        fieldStarts.reserveCapacity(count / 8)
        fieldEnds.reserveCapacity(count / 8)
        var position = 0
        var line = 1
        while position < count {
            // Blank lines hold no record.
            if bytes[position] == UInt8(ascii: "\n")
                || (bytes[position] == UInt8(ascii: "\r")
                    && position + 1 < count && bytes[position + 1] == UInt8(ascii: "\n"))
            {
                position += bytes[position] == UInt8(ascii: "\n") ? 1 : 2
                line += 1
                continue
            }
            lines.append(line)
            // One record.
            while true {
                var start = position
                var end = position
                if position < count && bytes[position] == UInt8(ascii: "\"") {
                    let quoteLine = line
                    var hasDoubled = false
                    position += 1
                    start = position
                    while true {
                        guard position < count else { throw .unterminatedQuote(line: quoteLine) }
                        let byte = bytes[position]
                        if byte == UInt8(ascii: "\"") {
                            if position + 1 < count && bytes[position + 1] == UInt8(ascii: "\"") {
                                hasDoubled = true
                                position += 2
                                continue
                            }
                            break
                        }
                        if byte == UInt8(ascii: "\n") { line += 1 }
                        position += 1
                    }
                    end = position
                    position += 1  // the closing quote; anything up to the separator is ignored
                    while position < count && bytes[position] != UInt8(ascii: ",")
                        && bytes[position] != UInt8(ascii: "\n")
                    {
                        position += 1
                    }
                    if hasDoubled {
                        let text = String(decoding: bytes[start..<end], as: UTF8.self)
                        unescaped[fieldStarts.count] = text.replacingOccurrences(of: "\"\"", with: "\"")
                    }
                } else {
                    while position < count && bytes[position] != UInt8(ascii: ",")
                        && bytes[position] != UInt8(ascii: "\n")
                    {
                        position += 1
                    }
                    end = position
                    if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                }
                fieldStarts.append(Int32(start))
                fieldEnds.append(Int32(end))
                if position < count && bytes[position] == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                position += 1  // the newline (or past the end)
                line += 1
                break
            }
            recordStarts.append(fieldStarts.count)
        }
    }

    var recordCount: Int { lines.count }

    func fieldCount(ofRecord record: Int) -> Int { recordStarts[record + 1] - recordStarts[record] }

    /// The text of a field, quotes removed and doubled quotes undone.
    func text(record: Int, field: Int) -> String {
        let index = recordStarts[record] + field
        if let text = unescaped[index] { return text }
        return String(decoding: bytes[Int(fieldStarts[index])..<Int(fieldEnds[index])], as: UTF8.self)
    }

    /// The byte range of a field.
    func range(record: Int, field: Int) -> Range<Int> {
        let index = recordStarts[record] + field
        return Int(fieldStarts[index])..<Int(fieldEnds[index])
    }
}
