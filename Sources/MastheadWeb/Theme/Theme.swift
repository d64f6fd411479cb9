import Foundation
import NIOCore

/// The reader-facing templates, loaded once at start-up from a theme directory.
///
/// A theme is a folder of `.mustache` files plus an `assets/` folder served from memory at `/assets/`
/// (see ``ThemeAssets``). A site
/// overrides the default by pointing `THEME_DIR` at its own copy; the copy must hold every template
/// in ``requiredTemplates``, and a template that fails to parse stops start-up with its file name.
struct Theme: Sendable {
    let directory: String
    let assets: ThemeAssets
    private let library: TemplateLibrary

    static let requiredTemplates = [
        "layout", "home", "article", "topic", "author", "entity", "not-found", "error", "story_list", "search",
    ]

    /// The theme shipped inside the binary's resources, so `masthead` runs from any working directory.
    static var defaultDirectory: String {
        Bundle.module.resourceURL!.appendingPathComponent("Themes/default").path
    }

    /// Loads and checks a folder of templates; the newsroom's built-in templates load the same way
    /// with their own list of required templates and their own address for assets.
    static func load(
        directory: String, required: [String] = requiredTemplates, assetsURL: String = ReaderRoute.asset("").path
    ) async throws(ThemeError) -> Theme {
        let library: TemplateLibrary
        do {
            library = try TemplateLibrary(directory: directory)
        } catch let error as TemplateLibrary.LoadError {
            throw ThemeError(
                message: "Theme template \(directory)/\(error.file) line \(error.error.line): \(error.error.message)")
        } catch {
            throw ThemeError(message: "Theme at \(directory) cannot be read: \(error)")
        }
        let missing = required.filter { !library.contains($0) }
        guard missing.isEmpty else {
            throw ThemeError(
                message: "Theme at \(directory) lacks "
                    + missing.map { "\($0).mustache" }.joined(separator: ", "))
        }
        let assets = try ThemeAssets.load(directory: directory + "/assets", urlPrefix: assetsURL)
        return Theme(directory: directory, assets: assets, library: library)
    }

    /// Renders a page context with one of the theme's templates. Loading checked that every page
    /// template exists, so an empty result means a template the check does not know about.
    func render(_ page: some PageContext) -> String {
        String(decoding: renderBytes(page), as: UTF8.self)
    }

    /// The page ready to send, without going through a `String`.
    func renderBuffer(_ page: some PageContext) -> ByteBuffer {
        ByteBuffer(bytes: renderBytes(page))
    }

    private func renderBytes(_ page: some PageContext) -> [UInt8] {
        library.render(TemplateEncoder.encode(page), template: type(of: page).template) ?? []
    }
}

struct ThemeError: Error, Sendable, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// A typed context for one page template: the only thing a template ever sees.
protocol PageContext: TemplateContext {
    static var template: String { get }
}
