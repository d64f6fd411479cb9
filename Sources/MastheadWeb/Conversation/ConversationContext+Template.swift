extension ConversationContext: TemplateRepresentable {
    var templateValue: TemplateValue {
        var fields: TemplateFields = [
            "countLabel": .text(countLabel), "hasComments": .flag(hasComments), "picks": .list(picks),
            "hasPicks": .flag(hasPicks), "threads": .list(threads), "orders": .list(orders), "own": .list(own),
            "hasOwn": .flag(hasOwn), "isClosed": .flag(isClosed), "signInURL": .text(signInURL),
            "signUpURL": .text(signUpURL), "needsAccount": .flag(needsAccount), "liveURL": .text(liveURL),
            "guestForm": .flag(guestForm), "maxBodyLength": .number(maxBodyLength), "scriptURL": .text(scriptURL),
        ]
        fields["nextPageURL"] = nextPageURL.templateValue
        fields["notice"] = notice.templateValue
        fields["form"] = form?.templateValue
        fields["reader"] = reader?.templateValue
        fields["csrfToken"] = csrfToken.templateValue
        return .fields(fields)
    }
}

extension OrderLink: TemplateRepresentable {
    var templateValue: TemplateValue {
        .fields(["label": .text(label), "url": .text(url), "isCurrent": .flag(isCurrent)])
    }
}

extension ReaderBar: TemplateRepresentable {
    var templateValue: TemplateValue {
        .fields([
            "displayName": .text(displayName), "isVerified": .flag(isVerified), "accountURL": .text(accountURL),
            "signOutAction": .text(signOutAction),
        ])
    }
}

extension CommentView: TemplateRepresentable {
    var templateValue: TemplateValue {
        var fields: TemplateFields = [
            "id": .text(id), "anchor": .text(anchor), "displayName": .text(displayName), "bodyHTML": .text(bodyHTML),
            "isDeleted": .flag(isDeleted), "timeLabel": .text(timeLabel), "isoTime": .text(isoTime),
            "isEdited": .flag(isEdited), "likeLabel": .text(likeLabel), "hasLikes": .flag(hasLikes),
            "isLiked": .flag(isLiked),
            "depth": .number(depth), "replies": .list(replies),
            "hasReplies": .flag(hasReplies),
        ]
        fields["badge"] = badge.templateValue
        fields["likeAction"] = likeAction.templateValue
        fields["reportURL"] = reportURL.templateValue
        fields["replyAction"] = replyAction.templateValue
        fields["editURL"] = editURL.templateValue
        fields["deleteAction"] = deleteAction.templateValue
        fields["continueURL"] = continueURL.templateValue
        return .fields(fields)
    }
}

extension OwnCommentView: TemplateRepresentable {
    var templateValue: TemplateValue {
        var fields: TemplateFields = [
            "anchor": .text(anchor), "bodyHTML": .text(bodyHTML), "statusLabel": .text(statusLabel),
            "timeLabel": .text(timeLabel), "isoTime": .text(isoTime),
        ]
        fields["reason"] = reason.templateValue
        return .fields(fields)
    }
}

extension CommentFormContext: TemplateRepresentable {
    var templateValue: TemplateValue {
        var fields: TemplateFields = [
            "action": .text(action), "displayName": .text(displayName), "body": .text(body),
            "problems": .list(problems.map(TemplateValue.text)), "hasProblems": .flag(hasProblems),
            "asGuest": .flag(asGuest), "maxBodyLength": .number(maxBodyLength), "maxNameLength": .number(maxNameLength),
        ]
        fields["csrfToken"] = csrfToken.templateValue
        fields["parentID"] = parentID.templateValue
        return .fields(fields)
    }
}
