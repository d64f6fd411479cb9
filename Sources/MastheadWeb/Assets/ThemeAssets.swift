import Foundation

/// Every file of a theme's `assets/` folder, read and checked once at start-up and served from
/// memory. Nothing in a request ever reaches the file system, so a hostile path can only miss.
struct ThemeAssets: Sendable {
    private let byName: [String: ThemeAsset]
    private let byHashedName: [String: ThemeAsset]
    /// Where the assets are served (`/assets/`), with the trailing slash.
    let urlPrefix: String

    /// Themes are small; a folder past this size is a mistake (a video, a backup) worth stopping for.
    static let maximumTotalSize = 32 * 1024 * 1024

    init(_ assets: [ThemeAsset], urlPrefix: String) {
        self.urlPrefix = urlPrefix
        byName = Dictionary(assets.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        byHashedName = Dictionary(assets.map { ($0.hashedName, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Reads the folder and its subfolders. Hidden files (`.DS_Store`) are left out; a name that could
    /// not be linked to plainly (control characters, `%`, `?`, `#`, `\`) stops start-up with its name.
    static func load(directory: String, urlPrefix: String) throws(ThemeError) -> ThemeAssets {
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        guard FileManager.default.fileExists(atPath: directory) else { return ThemeAssets([], urlPrefix: urlPrefix) }
        guard let walker = FileManager.default.enumerator(atPath: directory) else {
            throw ThemeError(message: "Theme assets at \(directory) cannot be read")
        }
        var assets: [ThemeAsset] = []
        var total = 0
        while let relative = walker.nextObject() as? String {
            let components = relative.split(separator: "/")
            if components.contains(where: { $0.hasPrefix(".") }) { continue }
            let url = root.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue
            else { continue }
            guard isPlainName(relative) else {
                throw ThemeError(
                    message: "Theme asset \(directory)/\(relative.debugDescription) has a name that cannot "
                        + "be served; use letters, digits, '-', '_', '.' and '/' only")
            }
            let data: Data
            do {
                data = try Data(contentsOf: url)
            } catch {
                throw ThemeError(message: "Theme asset \(url.path) cannot be read: \(error.localizedDescription)")
            }
            total += data.count
            guard total <= maximumTotalSize else {
                throw ThemeError(
                    message: "Theme assets at \(directory) exceed \(maximumTotalSize / 1024 / 1024) MB; "
                        + "serve large media from elsewhere")
            }
            assets.append(ThemeAsset(name: relative, bytes: [UInt8](data)))
        }
        return ThemeAssets(assets, urlPrefix: urlPrefix)
    }

    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty
            && name.unicodeScalars.allSatisfy { scalar in
                switch scalar {
                case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".", "/", "~", "+", "@": return true
                default: return false
                }
            }
    }

    /// The asset a request path names, and whether it was named by its content hash.
    func lookUp(_ path: Substring) -> (asset: ThemeAsset, fingerprinted: Bool)? {
        let key = String(path)
        if let asset = byHashedName[key] { return (asset, true) }
        if let asset = byName[key] { return (asset, false) }
        return nil
    }

    /// The address a page links to: the fingerprinted one when the theme has the file.
    func url(for name: String) -> String {
        urlPrefix + (byName[name]?.hashedName ?? name)
    }
}
