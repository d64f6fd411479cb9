/// A picture's width and height in pixels, as its file's header declares them. A browser allocates
/// memory for the declared size before it decodes a pixel, so a few kilobytes that declare
/// 65,535 × 65,535 pixels (a decompression bomb) can exhaust a reader's phone: the size is read from
/// the header and judged before a picture is stored.
public struct ImageSize: Sendable, Equatable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    /// Larger than any news photograph's longest side straight from a camera.
    public static let maximumSide = 12_000
    /// A full-frame 45-megapixel camera's picture fits; a decoded picture this size is 200 MB.
    public static let maximumPixels = 50_000_000

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// The size `bytes` declare for a picture in `format`; nil when the header is cut short, malformed
    /// or declares no pixels, which is as good a reason to refuse a file as one too large.
    public init?(header bytes: some Collection<UInt8>, format: ImageFormat) {
        let header = HeaderBytes(Array(bytes))
        let size: ImageSize?
        switch format {
        case .png: size = Self.png(header)
        case .gif: size = Self.gif(header)
        case .webp: size = Self.webp(header)
        case .jpeg: size = Self.jpeg(header)
        }
        guard let size, size.width > 0, size.height > 0 else { return nil }
        self = size
    }

    /// Saturates rather than overflows, whatever a header declared.
    public var pixels: Int {
        let (product, overflow) = width.multipliedReportingOverflow(by: height)
        return overflow ? .max : product
    }

    /// Why a picture this size is refused, in words the uploader can act on; nil when it is accepted.
    public var problem: String? {
        guard width > Self.maximumSide || height > Self.maximumSide || pixels > Self.maximumPixels else {
            return nil
        }
        return "The picture is \(self) pixels; pictures can be up to \(Self.grouped(Self.maximumSide)) pixels "
            + "on a side and \(Self.maximumPixels / 1_000_000) megapixels in all. Make it smaller and upload it again."
    }

    public var description: String { "\(Self.grouped(width)) × \(Self.grouped(height))" }

    /// `65535` as `65,535`, the same in every locale: the message is in English.
    static func grouped(_ number: Int) -> String {
        let digits = String(number)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }

    /// The IHDR chunk, which the format requires first: width and height, big-endian.
    private static func png(_ header: HeaderBytes) -> ImageSize? {
        guard header.ascii(at: 12, count: 4) == "IHDR", let width = header.uint32BE(at: 16),
            let height = header.uint32BE(at: 20)
        else { return nil }
        return ImageSize(width: width, height: height)
    }

    /// The logical screen that every frame is drawn on: width and height, little-endian.
    private static func gif(_ header: HeaderBytes) -> ImageSize? {
        guard let width = header.uint16LE(at: 6), let height = header.uint16LE(at: 8) else { return nil }
        return ImageSize(width: width, height: height)
    }

    /// The first chunk after `RIFF….WEBP`: a lossy frame (`VP8 `), a lossless one (`VP8L`) or the
    /// extended format's canvas (`VP8X`), each with its own encoding of the size.
    private static func webp(_ header: HeaderBytes) -> ImageSize? {
        switch header.ascii(at: 12, count: 4) {
        case "VP8 ":
            guard header.bytes(at: 23, count: 3) == [0x9D, 0x01, 0x2A], let width = header.uint16LE(at: 26),
                let height = header.uint16LE(at: 28)
            else { return nil }
            return ImageSize(width: width & 0x3FFF, height: height & 0x3FFF)
        case "VP8L":
            guard header.bytes(at: 20, count: 1) == [0x2F], let bits = header.uint32LE(at: 21) else { return nil }
            return ImageSize(width: 1 + (bits & 0x3FFF), height: 1 + ((bits >> 14) & 0x3FFF))
        case "VP8X":
            guard let width = header.uint24LE(at: 24), let height = header.uint24LE(at: 27) else { return nil }
            return ImageSize(width: width + 1, height: height + 1)
        default:
            return nil
        }
    }

    /// The first start-of-frame segment, found by walking the segments from the start of the file. It
    /// comes after any amount of metadata (EXIF, XMP, colour profiles, thumbnails), so the walk goes as
    /// far as the file does: each step reads a segment's length and jumps over it, so its cost is the
    /// number of segments, and the upload's size limit bounds the file. A file whose image data begins
    /// before a frame header is found declares no size.
    private static func jpeg(_ header: HeaderBytes) -> ImageSize? {
        var offset = 2
        while let marker = header.bytes(at: offset, count: 2), marker[0] == 0xFF {
            let code = marker[1]
            switch code {
            case 0xFF:
                // Fill bytes may pad any marker.
                offset += 1
            case 0x01, 0xD0...0xD7:
                offset += 2
            case 0xC0...0xCF where ![0xC4, 0xC8, 0xCC].contains(code):
                guard let height = header.uint16BE(at: offset + 5), let width = header.uint16BE(at: offset + 7) else {
                    return nil
                }
                return ImageSize(width: width, height: height)
            case 0xD8, 0xD9, 0xDA:
                return nil
            default:
                guard let length = header.uint16BE(at: offset + 2), length >= 2 else { return nil }
                offset += 2 + length
            }
        }
        return nil
    }
}

/// Bounds-checked reads of a file: every field a header declares may lie beyond its end.
private struct HeaderBytes {
    let storage: [UInt8]

    init(_ storage: [UInt8]) {
        self.storage = storage
    }

    func bytes(at offset: Int, count: Int) -> [UInt8]? {
        guard offset >= 0, count >= 0, offset + count <= storage.count else { return nil }
        return Array(storage[offset..<offset + count])
    }

    func ascii(at offset: Int, count: Int) -> String? {
        bytes(at: offset, count: count).map { String(decoding: $0, as: UTF8.self) }
    }

    func uint16BE(at offset: Int) -> Int? {
        bytes(at: offset, count: 2).map { Int($0[0]) << 8 | Int($0[1]) }
    }

    func uint32BE(at offset: Int) -> Int? {
        bytes(at: offset, count: 4).map { $0.reduce(0) { $0 << 8 | Int($1) } }
    }

    func uint16LE(at offset: Int) -> Int? {
        bytes(at: offset, count: 2).map { Int($0[0]) | Int($0[1]) << 8 }
    }

    func uint24LE(at offset: Int) -> Int? {
        bytes(at: offset, count: 3).map { $0.reversed().reduce(0) { $0 << 8 | Int($1) } }
    }

    func uint32LE(at offset: Int) -> Int? {
        bytes(at: offset, count: 4).map { $0.reversed().reduce(0) { $0 << 8 | Int($1) } }
    }
}
