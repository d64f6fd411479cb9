import Foundation
import MastheadCore
import Testing

/// Sizes read from the headers of each accepted format, and the limit that keeps decompression
/// bombs from readers' browsers.
@Suite struct ImageSizeTests {
    static func png(width: UInt32, height: UInt32) -> [UInt8] {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + bigEndian(width)
            + bigEndian(height) + [8, 6, 0, 0, 0, 0, 0, 0, 0]
    }

    static func gif(width: UInt16, height: UInt16) -> [UInt8] {
        Array("GIF89a".utf8) + littleEndian(UInt32(width), bytes: 2) + littleEndian(UInt32(height), bytes: 2)
            + [0, 0, 0]
    }

    /// A JFIF segment, fill bytes, a quantisation table, then the frame header.
    static func jpeg(width: UInt16, height: UInt16, frame marker: UInt8 = 0xC0) -> [UInt8] {
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
            + [0xFF, 0xFF, 0xDB, 0x00, 0x04, 0x00, 0x00]
            + [0xFF, marker, 0x00, 0x11, 0x08] + bigEndian16(height) + bigEndian16(width) + [3, 1, 0x22, 0]
            + [2, 0x11, 1, 3, 0x11, 1]
    }

    static func webp(_ chunk: String, _ payload: [UInt8]) -> [UInt8] {
        Array("RIFF".utf8) + littleEndian(UInt32(12 + payload.count), bytes: 4) + Array("WEBP".utf8)
            + Array(chunk.utf8) + littleEndian(UInt32(payload.count), bytes: 4) + payload
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    static func bigEndian16(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }

    static func littleEndian(_ value: UInt32, bytes: Int) -> [UInt8] {
        (0..<bytes).map { UInt8(value >> (8 * UInt32($0)) & 0xFF) }
    }

    static func size(_ bytes: [UInt8]) -> ImageSize? {
        ImageFormat(bytes: bytes).flatMap { ImageSize(header: bytes, format: $0) }
    }

    @Test func eachFormatsHeaderGivesItsSize() throws {
        let realPNG = try #require(
            Data(
                base64Encoded:
                    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="))
        #expect(Self.size(Array(realPNG)) == ImageSize(width: 1, height: 1))
        #expect(Self.size(Self.png(width: 1920, height: 1080)) == ImageSize(width: 1920, height: 1080))
        #expect(Self.size(Self.gif(width: 400, height: 300)) == ImageSize(width: 400, height: 300))
        #expect(Self.size(Self.jpeg(width: 4032, height: 3024)) == ImageSize(width: 4032, height: 3024))
        #expect(
            Self.size(Self.jpeg(width: 800, height: 600, frame: 0xC2)) == ImageSize(width: 800, height: 600),
            "progressive")
        // Lossy: a key frame's tag, the start code, then 14-bit width and height.
        let lossy = Self.webp("VP8 ", [0x10, 0x02, 0x00, 0x9D, 0x01, 0x2A] + [0x80, 0x02, 0xE0, 0x01] + [0, 0])
        #expect(Self.size(lossy) == ImageSize(width: 640, height: 480))
        // Lossless: the signature byte, then width − 1 and height − 1 in 14 bits each.
        let bits = UInt32(999) | UInt32(699) << 14
        #expect(
            Self.size(Self.webp("VP8L", [0x2F] + Self.littleEndian(bits, bytes: 4)))
                == ImageSize(width: 1000, height: 700))
        // Extended: flags, then the canvas's width − 1 and height − 1 in 24 bits each.
        let extended = Self.webp(
            "VP8X", [0, 0, 0, 0] + Self.littleEndian(2999, bytes: 3) + Self.littleEndian(1999, bytes: 3))
        #expect(Self.size(extended) == ImageSize(width: 3000, height: 2000))
    }

    @Test func aPictureDeclaringTooManyPixelsIsRefusedSayingTheLimit() throws {
        let bomb = try #require(Self.size(Self.png(width: 65_535, height: 65_535)))
        let problem = try #require(bomb.problem)
        #expect(problem.contains("65,535 × 65,535 pixels"))
        #expect(problem.contains("12,000 pixels on a side and 50 megapixels"))
        #expect(Self.size(Self.gif(width: 65_535, height: 65_535))?.problem != nil)
        #expect(
            Self.size(Self.webp("VP8X", [0, 0, 0, 0] + Self.littleEndian(0xFF_FFFF, bytes: 3) + [0, 0, 0]))?.problem
                != nil)
        #expect(Self.size(Self.png(width: 0x7FFF_FFFF, height: 0x7FFF_FFFF))?.problem != nil)
        #expect(Self.size(Self.png(width: 0xFFFF_FFFF, height: 0xFFFF_FFFF))?.problem != nil)

        #expect(ImageSize(width: 12_000, height: 4_000).problem == nil, "48 megapixels")
        #expect(ImageSize(width: 12_000, height: 4_166).problem == nil, "49.99 megapixels")
        #expect(ImageSize(width: 12_001, height: 10).problem != nil, "one side too long")
        #expect(ImageSize(width: 10, height: 12_001).problem != nil, "the other side too long")
        #expect(ImageSize(width: 8_000, height: 7_000).problem != nil, "56 megapixels")
    }

    @Test func aHeaderThatCannotBeReadGivesNoSize() {
        let png = Self.png(width: 10, height: 10)
        #expect(Self.size(Array(png.prefix(20))) == nil, "cut short")
        #expect(Self.size(Self.png(width: 0, height: 10)) == nil, "no pixels")
        var notIHDR = png
        notIHDR.replaceSubrange(12..<16, with: Array("IDAT".utf8))
        #expect(Self.size(notIHDR) == nil, "another chunk first")
        #expect(Self.size(Array("GIF89a\u{1}".utf8)) == nil)
        #expect(Self.size([0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02]) == nil, "image data before any frame header")
        #expect(Self.size([0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF, 0x00]) == nil, "a segment running past the end")
        #expect(Self.size([0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x01]) == nil, "a segment shorter than its length")
        #expect(Self.size(Self.jpeg(width: 100, height: 0)) == nil, "height left to a later segment")
        #expect(Self.size(Self.webp("VP8 ", [0x10, 0x02, 0x00, 0x00, 0x00, 0x00, 0x80, 0x02, 0xE0, 0x01])) == nil)
        #expect(Self.size(Self.webp("ALPH", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0])) == nil)
        #expect(Self.size(Self.webp("VP8L", [0x00, 0xFF, 0xFF, 0xFF, 0xFF])) == nil, "no lossless signature")
    }

    /// Big XMP packets and colour profiles come before the frame header; the upload's own size limit is
    /// the only bound on how far the segments are walked (issue 19, review).
    @Test func aJPEGsFrameHeaderIsFoundAfterHundredsOfKilobytesOfMetadata() {
        let full = Self.jpeg(width: 4032, height: 3024)
        // Five APP1 segments of the longest length a segment can declare: 327,685 bytes.
        let metadata = (0..<5).flatMap { _ in [0xFF, 0xE1, 0xFF, 0xFF] + [UInt8](repeating: 0x20, count: 65_533) }
        let jpeg = Array(full.prefix(2)) + metadata + Array(full.dropFirst(2))
        #expect(jpeg.count > 300 * 1024)
        #expect(Self.size(jpeg) == ImageSize(width: 4032, height: 3024))
        #expect(Self.size(Array(jpeg.dropLast(19))) == nil, "metadata and no frame header")
    }
}
