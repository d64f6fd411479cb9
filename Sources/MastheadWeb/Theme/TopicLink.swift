import MastheadCore

struct TopicLink: TemplateContext {
    let name: String
    let url: String

    init(_ topic: Topic) {
        name = topic.name
        url = ReaderRoute.topic(topic.slug).path
    }
}
