/// The bytes libFuzzer hands a target, copied out of its buffer.
public struct FuzzInput {
    public let bytes: [UInt8]

    /// - Parameters:
    ///   - data: libFuzzer's buffer (nil only when `size` is 0).
    ///   - size: its length in bytes.
    public init(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    }

    /// The bytes as text, invalid UTF-8 replaced as every reader of files does.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The bytes before and after the first `separator`: two inputs in one (all of it and nothing when absent).
    public func split(at separator: UInt8) -> (head: [UInt8], tail: [UInt8]) {
        guard let index = bytes.firstIndex(of: separator) else { return (bytes, []) }
        return (Array(bytes[..<index]), Array(bytes[(index + 1)...]))
    }
}
