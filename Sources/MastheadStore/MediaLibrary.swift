import Crypto
import Foundation
import MastheadCore

/// Uploaded images on disk, under names made from their content (SHA-256 and the format's
/// extension): the same picture uploaded twice is stored once, and a name never changes what it
/// shows, so it can be cached for good. Several app nodes need this folder on shared storage.
public struct MediaLibrary: Sendable {
    public let directory: String

    /// Large enough for a news photograph, small enough that one upload cannot fill a small server.
    public static let maximumBytes = 10 * 1024 * 1024

    public init(directory: String) {
        self.directory = directory
    }

    /// Stores an upload and returns its file name; refuses anything that is not a JPEG, PNG, WebP or
    /// GIF by its bytes, whatever its name says, and any picture whose header declares more pixels
    /// than ``ImageSize`` allows or cannot be read.
    public func store(_ bytes: [UInt8]) throws -> String {
        guard !bytes.isEmpty else { throw ActionError.invalid(["Choose a picture to upload."]) }
        guard bytes.count <= Self.maximumBytes else {
            throw ActionError.invalid([
                "The picture is \(bytes.count / 1024 / 1024) MB; pictures can be up to \(Self.maximumBytes / 1024 / 1024) MB."
            ])
        }
        guard let format = ImageFormat(bytes: bytes) else {
            throw ActionError.invalid(["That file is not a JPEG, PNG, WebP or GIF picture, whatever its name says."])
        }
        guard let size = ImageSize(header: bytes, format: format) else {
            throw ActionError.invalid([
                "The picture's size could not be read from the file, which may be damaged. "
                    + "Save it again as a JPEG, PNG, WebP or GIF and upload that."
            ])
        }
        if let problem = size.problem { throw ActionError.invalid([problem]) }
        let hash = Hex.encode(SHA256.hash(data: bytes))
        let name = "\(hash).\(format.fileExtension)"
        let url = URL(fileURLWithPath: directory).appendingPathComponent(name)
        if !FileManager.default.fileExists(atPath: url.path) {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(bytes).write(to: url, options: .atomic)
        }
        return name
    }

    /// Whether `name` is a picture stored here: what a story may point at.
    public func contains(_ name: String) -> Bool {
        FeatureImage.isFileName(name)
            && FileManager.default.fileExists(atPath: URL(fileURLWithPath: directory).appendingPathComponent(name).path)
    }

    /// A stored picture's bytes and format; nil for any name Masthead did not make.
    public func file(named name: String) -> (bytes: Data, format: ImageFormat)? {
        guard FeatureImage.isFileName(name),
            let format = ImageFormat(fileExtension: String(name.split(separator: ".")[1])),
            let data = FileManager.default.contents(
                atPath: URL(fileURLWithPath: directory).appendingPathComponent(name).path)
        else { return nil }
        return (data, format)
    }
}
