import CZstd
import Foundation

/// How a bronze page's body is stored: `bronze_pages.body_encoding` names it, `sha256` is always of the
/// body as received.
///
/// New pages are kept as zstd frames (level 1). Portal JSON repeats its keys on every row: the real NYC
/// sample shrinks 13.8×. Compressing costs less than it saves: writing the raw bodies through the WAL and
/// checkpointing them (565 MB twice, with fsyncs, per million rows) was ingestion's largest cost; with
/// zstd, 1M rows took 5.6 s instead of 10.2 s and 4.5 s of CPU instead of 6.5 s. Pages stored before
/// compression existed stay `identity`.
public enum PageBody {
    public static let identity = "identity"
    public static let zstd = "zstd"
    /// The most a zstd frame can expand: 128 KiB from a 4-byte block.
    static let largestRatio = 32_768

    /// `bytes` as a zstd frame.
    public static func compress(_ bytes: [UInt8]) -> [UInt8] {
        let bound = ZSTD_compressBound(bytes.count)
        var out = [UInt8](repeating: 0, count: bound)
        let written = out.withUnsafeMutableBytes { out in
            bytes.withUnsafeBytes { input in
                ZSTD_compress(out.baseAddress, bound, input.baseAddress, input.count, 1)
            }
        }
        // Compressing into a buffer of ZSTD_compressBound bytes cannot fail.
        precondition(ZSTD_isError(written) == 0, "zstd: \(String(cString: ZSTD_getErrorName(written)))")
        // A copy of the right size: trimming the array would keep the whole bound (a page's size) allocated
        // while the partition's pages wait for their commit.
        return Array(out[..<written])
    }

    /// The body as received, from its stored bytes and encoding.
    /// - Throws: `PageBodyError` when the encoding is unknown or the frame is damaged.
    public static func decode(_ stored: [UInt8], encoding: String) throws -> [UInt8] {
        switch encoding {
        case identity: return stored
        case zstd:
            let size = stored.withUnsafeBytes { ZSTD_getFrameContentSize($0.baseAddress, $0.count) }
            // ZSTD_CONTENTSIZE_UNKNOWN and _ERROR are the two largest values; our frames always carry the size.
            guard size < UInt64.max - 1, size <= UInt64(Int.max) else {
                throw PageBodyError(detail: "the zstd frame does not say its size")
            }
            // The size is the frame's word, allocated before any byte is checked: a block of up to 128 KiB takes at
            // least 4 bytes (an RLE block), so no true frame holds more than 32,768 times its own size.
            guard size / UInt64(Self.largestRatio) <= UInt64(stored.count) else {
                throw PageBodyError(
                    detail: "the zstd frame says it holds \(size) bytes, more than its \(stored.count) bytes can")
            }
            // An empty body skips the uninitialized array: at capacity 0 it writes into the empty array all threads
            // share, a race by the thread sanitizer's account.
            if size == 0 { return [] }
            // Not zeroed first: a page is tens of megabytes, and zstd writes every byte or fails.
            var written = 0
            let out = [UInt8](unsafeUninitializedCapacity: Int(size)) { out, count in
                written = stored.withUnsafeBytes { input in
                    ZSTD_decompress(out.baseAddress, out.count, input.baseAddress, input.count)
                }
                count = ZSTD_isError(written) == 0 && written == Int(size) ? written : 0
            }
            guard ZSTD_isError(written) == 0, written == Int(size) else {
                throw PageBodyError(detail: "the zstd frame is damaged")
            }
            return out
        default:
            throw PageBodyError(detail: "unknown body_encoding '\(encoding)'")
        }
    }
}

/// A stored page body that cannot be read back.
public struct PageBodyError: Error, CustomStringConvertible {
    public var detail: String
    public var description: String { detail }
}
