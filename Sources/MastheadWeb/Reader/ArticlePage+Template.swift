extension ArticlePage: TemplateRepresentable {
    var templateValue: TemplateValue {
        .fields([
            "layout": layout.templateValue, "headline": .text(headline), "lede": .text(lede),
            "bodyHTML": .text(bodyHTML), "topics": .list(topics), "hasTopics": .flag(hasTopics),
            "byline": .list(byline), "hasByline": .flag(hasByline), "publishedLabel": .text(publishedLabel),
            "isoPublished": .text(isoPublished), "corrections": .list(corrections),
            "hasCorrections": .flag(hasCorrections), "readNext": .list(readNext), "hasReadNext": .flag(hasReadNext),
            "discovery": discovery.templateValue, "conversation": conversation.templateValue,
            "topic": topic?.templateValue, "dateline": dateline.templateValue,
            "updatedLabel": updatedLabel.templateValue, "isoUpdated": isoUpdated.templateValue,
            "updateNote": updateNote.templateValue, "image": image?.templateValue,
        ])
    }
}

extension CorrectionView: TemplateRepresentable {
    var templateValue: TemplateValue {
        .fields(["text": .text(text), "label": .text(label), "isoTime": .text(isoTime)])
    }
}

extension ImageView: TemplateRepresentable {
    var templateValue: TemplateValue {
        .fields([
            "url": .text(url), "alt": .text(alt), "caption": .text(caption), "hasCaption": .flag(hasCaption),
            "credit": credit.templateValue,
        ])
    }
}

extension ArticleDiscoveryContext: TemplateRepresentable {
    var templateValue: TemplateValue {
        .fields([
            "entities": .list(entities), "hasEntities": .flag(hasEntities), "statements": .list(statements),
            "hasStatements": .flag(hasStatements),
        ])
    }
}

extension ArticleDiscoveryContext.EntityLink: TemplateRepresentable {
    var templateValue: TemplateValue { .fields(["name": .text(name), "url": .text(url), "kind": .text(kind)]) }
}

extension ArticleDiscoveryContext.Said: TemplateRepresentable {
    var templateValue: TemplateValue {
        .fields(["speaker": .text(speaker), "speakerURL": .text(speakerURL), "text": .text(text)])
    }
}
