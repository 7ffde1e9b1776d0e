import Crypto

/// SHA-256 as lowercase hex, the hash used in fetches, partitions, manifests and version ids.
public enum SHA256Hex {
    public static func of(_ bytes: some Sequence<UInt8>) -> String {
        hex(SHA256.hash(data: Array(bytes)))
    }

    public static func of(_ text: String) -> String { of(Array(text.utf8)) }

    static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// An incremental SHA-256 for hashing many pieces without joining them first.
public struct SHA256Hasher {
    private var hasher = SHA256()
    public init() {}
    public mutating func update(_ bytes: some Sequence<UInt8>) { hasher.update(data: Array(bytes)) }
    public mutating func update(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
    }
    public mutating func update(_ text: String) { hasher.update(data: Array(text.utf8)) }
    /// Separates fields so that ("ab","c") and ("a","bc") hash differently.
    public mutating func updateField(_ text: String) {
        update(String(text.utf8.count))
        update(":")
        update(text)
    }
    public func hex() -> String { SHA256Hex.hex(hasher.finalize()) }
}
