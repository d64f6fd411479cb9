extension TemplateValue {
    static func list(_ items: [some TemplateRepresentable]) -> TemplateValue {
        .list(items.map(\.templateValue))
    }
}
