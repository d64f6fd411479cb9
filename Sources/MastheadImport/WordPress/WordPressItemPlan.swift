/// What an import does with one WordPress item.
public enum WordPressItemPlan: Sendable, Equatable {
    case article(PlannedArticle)
    /// A WordPress page (About, Ethics policy) becomes a static page, not a story.
    case page(PlannedArticle)
    /// An uploaded file: kept in the plan so that a featured image (`_thumbnail_id`) can find it.
    case attachment(sourceID: String, url: String, file: String?)
    case skipped(ImportSkip)
}
