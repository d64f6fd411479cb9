import Foundation
import MastheadCore

/// What discovery adds under a story: the people, places and organisations it names (each linking
/// to its page) and the "Who said what" box.
struct ArticleDiscovery {
    let entities: [Entity]
    let statements: [(speaker: Entity, text: String)]
}
