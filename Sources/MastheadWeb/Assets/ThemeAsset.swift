import NIOCore

/// One file of a theme's `assets/` folder, held in memory: its bytes, its type and the names it is
/// served under.
struct ThemeAsset: Sendable {
    /// The path under `assets/`, as the theme names it (`masthead.css`, `fonts/serif.woff2`).
    let name: String
    /// The same path with the content hash before the extension (`masthead.1a2b3c4d5e6f7a8b.css`):
    /// a new file gets a new address, so this one can be cached for good.
    let hashedName: String
    let contentType: String
    /// A strong validator: the content hash, quoted.
    let eTag: String
    let bytes: ByteBuffer

    init(name: String, bytes: [UInt8]) {
        let hash = Self.contentHash(bytes)
        self.name = name
        self.hashedName = Self.insert(hash, into: name)
        self.contentType = Self.contentType(forName: name)
        self.eTag = "\"\(hash)\""
        self.bytes = ByteBuffer(bytes: bytes)
    }

    /// FNV-1a, 64 bits: a cache-busting fingerprint, not a defence against anyone. The theme is the
    /// site's own, and a collision would only serve a stale copy of its own file.
    static func contentHash(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    static func insert(_ hash: String, into name: String) -> String {
        let fileStart = name.lastIndex(of: "/").map { name.index(after: $0) } ?? name.startIndex
        guard let dot = name[fileStart...].lastIndex(of: "."), dot != fileStart else { return name + "." + hash }
        return "\(name[..<dot]).\(hash)\(name[dot...])"
    }

    /// Types by extension, from a fixed table: the name was checked when the theme was loaded, so
    /// nothing in a request can change what type a file is served as.
    static func contentType(forName name: String) -> String {
        let fileName = name.split(separator: "/").last ?? ""
        let ext = fileName.split(separator: ".").count > 1 ? fileName.split(separator: ".").last!.lowercased() : ""
        return types[ext] ?? "application/octet-stream"
    }

    private static let types: [String: String] = [
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8",
        "json": "application/json",
        "map": "application/json",
        "txt": "text/plain; charset=utf-8",
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "avif": "image/avif",
        "ico": "image/x-icon",
        "woff": "font/woff",
        "woff2": "font/woff2",
    ]
}
