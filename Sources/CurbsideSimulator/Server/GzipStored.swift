import NIOCore

/// gzip without compression: a valid gzip stream (RFC 1952) whose deflate blocks are all "stored"
/// (RFC 1951 §3.2.4). It exercises a client's gzip decoding, as the real portal's gzip does,
/// without a zlib dependency; it is slightly larger than the input, not smaller.
enum GzipStored {
    /// `input` wrapped as a gzip stream.
    static func encode(_ input: ByteBuffer) -> ByteBuffer {
        let blockSize = 65_535
        let length = input.readableBytes
        let blocks = max(1, (length + blockSize - 1) / blockSize)
        var output = ByteBufferAllocator().buffer(capacity: length + blocks * 5 + 18)
        output.writeBytes([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF])
        var crc: UInt32 = 0xFFFF_FFFF
        input.withUnsafeReadableBytes { bytes in
            for block in 0..<blocks {
                let start = block * blockSize
                let chunk = UnsafeRawBufferPointer(rebasing: bytes[start..<min(start + blockSize, length)])
                output.writeInteger(UInt8(block == blocks - 1 ? 1 : 0))
                output.writeInteger(UInt16(chunk.count), endianness: .little)
                output.writeInteger(~UInt16(chunk.count), endianness: .little)
                output.writeBytes(chunk)
                crc = update(crc, chunk)
            }
        }
        output.writeInteger(~crc, endianness: .little)
        output.writeInteger(UInt32(truncatingIfNeeded: length), endianness: .little)
        return output
    }

    /// CRC-32 (the IEEE polynomial gzip uses) of `bytes`.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { ~update(0xFFFF_FFFF, $0) }
    }

    private static func update(_ crc: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var crc = crc
        table.withUnsafeBufferPointer { table in
            for byte in bytes {
                crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
            }
        }
        return crc
    }

    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 {
            value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1
        }
        return value
    }
}
