import Foundation
import MastheadCore

/// The slug an imported item gets: the old one when it is already a valid slug, else the old one (or
/// the title) written in Latin letters, so `сирены-в-порту` becomes `sireny-v-portu`. The old
/// address redirects to the new one either way.
enum ImportSlug {
    static func make(from oldSlug: String, title: String, fallbackID: String) -> Slug {
        if let slug = Slug(oldSlug) { return slug }
        for candidate in [oldSlug, title] where !candidate.isEmpty {
            let latin = candidate.applyingTransform(.toLatin, reverse: false) ?? candidate
            if let slug = Slug(making: latin) { return slug }
        }
        return Slug(making: "item-\(fallbackID)")!
    }
}
