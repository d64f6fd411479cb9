struct FeedLink: TemplateContext {
    let title: String
    let type: String
    let url: String
}
