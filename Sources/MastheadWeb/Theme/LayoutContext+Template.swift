extension LayoutContext: TemplateRepresentable {
    var templateValue: TemplateValue {
        .fields([
            "siteName": .text(siteName), "language": .text(language), "documentTitle": .text(documentTitle),
            "description": .text(description), "stylesheetURL": .text(stylesheetURL), "homeURL": .text(homeURL),
            "searchURL": .text(searchURL), "feeds": .list(feeds), "metaProperties": .list(metaProperties),
            "metaNames": .list(metaNames),
            "canonicalURL": canonicalURL.templateValue, "jsonLD": jsonLD.templateValue,
        ])
    }
}

extension FeedLink: TemplateRepresentable {
    var templateValue: TemplateValue { .fields(["title": .text(title), "type": .text(type), "url": .text(url)]) }
}

extension MetaTag: TemplateRepresentable {
    var templateValue: TemplateValue { .fields(["key": .text(key), "content": .text(content)]) }
}
