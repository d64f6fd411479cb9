import Foundation
import MastheadCore
import MastheadStore

/// The editor form as the writer filled it in, kept whole so a refused save can show it again.
struct EditorInput {
    var headline: String
    var lede: String
    var body: String
    var slug: String
    var dateline: String
    var topicIDs: [UUID]
    var primaryTopicID: UUID?
    var authorIDs: [UUID]
    var newTopics: String
    var version: Int
    var image: FeatureImage?
    var wantsPreview = false

    init(
        headline: String, lede: String, body: String, slug: String, dateline: String, topicIDs: [UUID],
        primaryTopicID: UUID?, authorIDs: [UUID], newTopics: String, version: Int
    ) {
        self.headline = headline
        self.lede = lede
        self.body = body
        self.slug = slug
        self.dateline = dateline
        self.topicIDs = topicIDs
        self.primaryTopicID = primaryTopicID
        self.authorIDs = authorIDs
        self.newTopics = newTopics
        self.version = version
    }

    init(_ story: Article) {
        self.init(
            headline: story.headline, lede: story.lede, body: story.bodyMarkdown, slug: story.slug.value,
            dateline: story.dateline ?? "", topicIDs: story.content.allTopics.map(\.id),
            primaryTopicID: story.primaryTopic?.id, authorIDs: story.authors.map(\.id), newTopics: "",
            version: story.version)
        image = story.content.image
    }

    init(_ fields: FormFields) {
        self.init(
            headline: fields["headline"], lede: fields["lede"], body: fields["body"].withNewlineEndings,
            slug: fields["slug"].trimmingCharacters(in: .whitespaces), dateline: fields["dateline"],
            topicIDs: fields.all("topics").compactMap(UUID.init(uuidString:)),
            primaryTopicID: UUID(uuidString: fields["primary_topic"]),
            authorIDs: fields.all("authors").compactMap(UUID.init(uuidString:)), newTopics: fields["new_topics"],
            version: Int(fields["version"]) ?? 0)
        wantsPreview = fields["action"] == "preview"
        if !fields["image_file"].isEmpty, fields["remove_image"].isEmpty {
            image = FeatureImage(
                file: fields["image_file"], alt: fields["image_alt"].trimmingCharacters(in: .whitespacesAndNewlines),
                caption: fields["image_caption"].trimmingCharacters(in: .whitespacesAndNewlines),
                credit: fields["image_credit"].trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    /// Topic names typed in the editor, one per comma.
    var newTopicNames: [String] {
        newTopics.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Whether the writer left the address to be made from the headline.
    var slugFromHeadline: Bool { slug.isEmpty }

    /// The content to save: the slug from the field or made from the headline, topics and bylines
    /// looked up by id, the feature image only when it names a picture in `media` (the field comes
    /// back from the browser, which may send any name). Every problem is reported at once.
    func content(_ store: Store, media: MediaLibrary) async throws -> ArticleContent {
        var problems: [String] = []
        let slugValue: Slug?
        if slug.isEmpty {
            slugValue = Slug(making: headline) ?? Slug.fallback(for: UUID())
        } else {
            slugValue = Slug(slug.lowercased())
            if slugValue == nil {
                problems.append("The address may use lower-case letters, digits and single hyphens only.")
            }
        }
        var topics: [Topic] = []
        for id in topicIDs { if let topic = try await store.topics.find(id: id) { topics.append(topic) } }
        let primary = try await primaryTopicID.asyncFlatMap { try await store.topics.find(id: $0) }
        if let primary, !topics.contains(primary) { topics.insert(primary, at: 0) }
        var authors: [Author] = []
        for id in authorIDs where !authors.contains(where: { $0.id == id }) {
            if let author = try await store.authors.find(id: id) { authors.append(author) }
        }
        let content = ArticleContent(
            slug: slugValue ?? Slug("untitled")!, headline: headline.trimmingCharacters(in: .whitespacesAndNewlines),
            lede: lede.trimmingCharacters(in: .whitespacesAndNewlines), bodyMarkdown: body,
            dateline: dateline.trimmingCharacters(in: .whitespaces).isEmpty
                ? nil : dateline.trimmingCharacters(in: .whitespaces),
            primaryTopic: primary, topics: topics, authors: authors, image: image)
        problems += content.problems
        if let image, FeatureImage.isFileName(image.file), !media.contains(image.file) {
            problems.append(
                "No uploaded picture is named “\(image.file)”. Upload the picture again with the feature image form, "
                    + "or remove it.")
        }
        guard problems.isEmpty else { throw ActionError.invalid(problems) }
        return content
    }
}
