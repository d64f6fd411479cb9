extension ArticleTeaser: TemplateRepresentable {
    var templateValue: TemplateValue {
        .fields([
            "url": .text(url), "headline": .text(headline), "lede": .text(lede), "timeLabel": .text(timeLabel),
            "isoTime": .text(isoTime), "hasTopic": .flag(hasTopic), "topicName": .text(topicName),
            "topicURL": .text(topicURL), "hasCommentCount": .flag(hasCommentCount),
            "commentCountLabel": .text(commentCountLabel), "commentsURL": .text(commentsURL),
        ])
    }
}

extension TopicLink: TemplateRepresentable {
    var templateValue: TemplateValue { .fields(["name": .text(name), "url": .text(url)]) }
}

extension AuthorLink: TemplateRepresentable {
    var templateValue: TemplateValue { .fields(["name": .text(name), "url": .text(url), "joiner": .text(joiner)]) }
}
