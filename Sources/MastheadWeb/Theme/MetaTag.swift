struct MetaTag: TemplateContext {
    let key: String
    let content: String
}
