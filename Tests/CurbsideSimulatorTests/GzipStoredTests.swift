import NIOCore
import Testing

@testable import CurbsideSimulator

@Suite("gzip, stored blocks")
struct GzipStoredTests {
    @Test("computes the standard CRC-32 check value")
    func crc() {
        #expect(GzipStored.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(GzipStored.crc32([]) == 0)
    }

    @Test("wraps a small body in one final stored block with the gzip header and trailer")
    func small() {
        let encoded = GzipStored.encode(ByteBuffer(string: "hello"))
        let bytes = Array(encoded.readableBytesView)
        #expect(bytes.prefix(10) == [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF])
        #expect(bytes[10..<15] == [0x01, 0x05, 0x00, 0xFA, 0xFF])  // final, stored; LEN 5, NLEN ~5
        #expect(Array(bytes[15..<20]) == Array("hello".utf8))
        let crc = GzipStored.crc32(Array("hello".utf8))
        #expect(
            bytes[20..<24] == [UInt8(crc & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 24)])
        #expect(bytes[24..<28] == [5, 0, 0, 0])
    }

    @Test(
        "splits a large body into 65,535-byte blocks, only the last one final", arguments: [0, 65_535, 65_536, 200_000])
    func blocks(size: Int) {
        let encoded = GzipStored.encode(ByteBuffer(repeating: 0x61, count: size))
        let blocks = max(1, (size + 65_534) / 65_535)
        #expect(encoded.readableBytes == 10 + size + blocks * 5 + 8)
        let lastHeader = 10 + (blocks - 1) * (65_535 + 5)
        #expect(encoded.getInteger(at: lastHeader, as: UInt8.self) == 1)
        if blocks > 1 { #expect(encoded.getInteger(at: 10, as: UInt8.self) == 0) }
    }
}
