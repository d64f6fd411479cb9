extension LayoutContext: TemplateRepresentable {
    var templateValue: TemplateValue {
        var fields: TemplateFields = [
            "siteName": .text(siteName), "language": .text(language), "documentTitle": .text(documentTitle),
            "description": .text(description), "stylesheetURL": .text(stylesheetURL), "homeURL": .text(homeURL),
            "searchURL": .text(searchURL), "feeds": .list(feeds), "metaProperties": .list(metaProperties),
            "metaNames": .list(metaNames),
        ]
        fields["canonicalURL"] = canonicalURL.templateValue
        fields["jsonLD"] = jsonLD.templateValue
        return .fields(fields)
    }
}

extension FeedLink: TemplateRepresentable {
    var templateValue: TemplateValue { .fields(["title": .text(title), "type": .text(type), "url": .text(url)]) }
}

extension MetaTag: TemplateRepresentable {
    var templateValue: TemplateValue { .fields(["key": .text(key), "content": .text(content)]) }
}
