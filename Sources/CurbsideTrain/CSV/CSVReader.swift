import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A CSV's records one at a time, from bytes in memory or from a file read a chunk at a time: RFC 4180 (quoted
/// fields may hold commas, quotes doubled, and line breaks), `\n` or `\r\n` line ends, a trailing newline optional,
/// blank lines skipped.
///
/// Reading a file holds one chunk (1 MiB, more only for a record longer than that) and the record that crosses its
/// end, so a 5M-row CSV costs what its values cost, not its text and a pair of offsets per field on top.
struct CSVReader: ~Copyable {
    /// The bytes read and not yet let go: the current record's fields lie here.
    private(set) var buffer: [UInt8]
    /// Bytes of `buffer` that hold data.
    private var end: Int
    /// The first byte not yet read as part of a record.
    private var position = 0
    /// The file still to read, or -1 when everything is in `buffer`.
    private var descriptor: Int32
    /// The line the next record's first byte is on.
    private var nextLine = 1
    /// The 1-based line the current record starts on.
    private(set) var line = 0
    /// The current record's fields: byte ranges of `buffer`, quotes stripped (see `text(_:)`).
    private(set) var fields: [Range<Int>] = []
    /// Quoted fields of the current record that held doubled quotes, undone, by field index.
    private var unescaped: [Int: String] = [:]

    /// A reader of bytes in memory.
    init(bytes: [UInt8]) {
        buffer = bytes
        end = bytes.count
        descriptor = -1
    }

    /// A reader of the file at `path`, or nil when it cannot be opened.
    init?(path: String, chunk: Int = 1 << 20) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) != S_IFDIR else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
        buffer = [UInt8](repeating: 0, count: chunk)
        end = 0
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// The text of a field of the current record, quotes removed and doubled quotes undone.
    func text(_ field: Int) -> String {
        if let text = unescaped[field] { return text }
        return String(decoding: buffer[fields[field]], as: UTF8.self)
    }

    /// Moves to the next record.
    /// - Returns: false after the last record.
    /// - Throws: `.unterminatedQuote` with the line the field starts on; `.unreadable` when reading the file fails.
    mutating func next() throws(CSVTrainingError.Reason) -> Bool {
        while true {
            switch scan(final: descriptor < 0) {
            case .record: return true
            case .none: return false
            case .needsMore: try refill()
            case .unterminatedQuote(let line): throw .unterminatedQuote(line: line)
            }
        }
    }

    private enum Scan {
        case record, none, needsMore
        case unterminatedQuote(Int)
    }

    /// Reads one record from `position`, or finds that the bytes in hand end inside it (`final` false: more may
    /// come), leaving `position` where it was.
    private mutating func scan(final: Bool) -> Scan {
        let quote = UInt8(ascii: "\"")
        let comma = UInt8(ascii: ",")
        let newline = UInt8(ascii: "\n")
        let cr = UInt8(ascii: "\r")
        var position = self.position
        var line = nextLine
        var recordLine = line
        var fields: [Range<Int>] = []
        var unescaped: [Int: String] = [:]
        let count = end
        let outcome: Scan = buffer.withUnsafeBufferPointer { bytes in
            // Blank lines hold no record.
            while position < count {
                if bytes[position] == newline {
                    position += 1
                    line += 1
                } else if bytes[position] == cr && position + 1 < count && bytes[position + 1] == newline {
                    position += 2
                    line += 1
                } else if bytes[position] == cr && position + 1 == count && !final {
                    return .needsMore
                } else {
                    break
                }
            }
            if position == count { return final ? .none : .needsMore }
            recordLine = line
            while true {
                var fieldStart = position
                var fieldEnd = position
                if position < count && bytes[position] == quote {
                    let quoteLine = line
                    var hasDoubled = false
                    position += 1
                    fieldStart = position
                    while true {
                        guard position < count else { return final ? .unterminatedQuote(quoteLine) : .needsMore }
                        let byte = bytes[position]
                        if byte == quote {
                            if position + 1 < count && bytes[position + 1] == quote {
                                hasDoubled = true
                                position += 2
                                continue
                            }
                            break
                        }
                        if byte == newline { line += 1 }
                        position += 1
                    }
                    fieldEnd = position
                    position += 1  // the closing quote; anything up to the separator is ignored
                    while position < count && bytes[position] != comma && bytes[position] != newline { position += 1 }
                    if hasDoubled {
                        let text = String(
                            decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<fieldEnd]), as: UTF8.self)
                        unescaped[fields.count] = text.replacingOccurrences(of: "\"\"", with: "\"")
                    }
                } else {
                    while position < count && bytes[position] != comma && bytes[position] != newline { position += 1 }
                    fieldEnd = position
                    if fieldEnd > fieldStart && bytes[fieldEnd - 1] == cr { fieldEnd -= 1 }
                }
                if position == count && !final { return .needsMore }
                fields.append(fieldStart..<fieldEnd)
                if position < count && bytes[position] == comma {
                    position += 1
                    continue
                }
                position += 1  // the newline (or past the end)
                line += 1
                return .record
            }
        }
        switch outcome {
        case .record:
            self.position = min(position, count)
            self.line = recordLine
            self.fields = fields
            self.unescaped = unescaped
            nextLine = line
        case .none: self.position = count
        case .needsMore, .unterminatedQuote: break
        }
        return outcome
    }

    /// Lets go of the bytes before `position`, then reads more from the file after the rest; marks the file read
    /// whole at its end.
    private mutating func refill() throws(CSVTrainingError.Reason) {
        let kept = end - position
        if position > 0 {
            buffer.withUnsafeMutableBufferPointer { bytes in
                guard let base = bytes.baseAddress else { return }
                memmove(base, base + position, kept)
            }
            end = kept
            position = 0
        }
        if end == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
        let room = buffer.count - end
        var read: Int
        // A signal that lands during the read interrupts it before any byte arrives: read again.
        repeat {
            read = buffer.withUnsafeMutableBufferPointer { bytes in
                Glibc.read(descriptor, bytes.baseAddress! + end, room)
            }
        } while read < 0 && errno == EINTR
        guard read >= 0 else { throw .unreadable }
        if read == 0 {
            close(descriptor)
            descriptor = -1
        } else {
            end += read
        }
    }
}
