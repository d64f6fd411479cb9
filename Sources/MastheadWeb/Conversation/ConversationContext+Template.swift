extension ConversationContext: TemplateRepresentable {
    var templateValue: TemplateValue {
        .fields([
            "countLabel": .text(countLabel), "hasComments": .flag(hasComments), "picks": .list(picks),
            "hasPicks": .flag(hasPicks), "threads": .list(threads), "orders": .list(orders), "own": .list(own),
            "hasOwn": .flag(hasOwn), "isClosed": .flag(isClosed), "signInURL": .text(signInURL),
            "signUpURL": .text(signUpURL), "needsAccount": .flag(needsAccount), "liveURL": .text(liveURL),
            "guestForm": .flag(guestForm), "maxBodyLength": .number(maxBodyLength), "scriptURL": .text(scriptURL),
            "nextPageURL": nextPageURL.templateValue, "notice": notice.templateValue, "form": form?.templateValue,
            "reader": reader?.templateValue, "csrfToken": csrfToken.templateValue,
        ])
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
        .fields([
            "id": .text(id), "anchor": .text(anchor), "displayName": .text(displayName), "bodyHTML": .text(bodyHTML),
            "isDeleted": .flag(isDeleted), "timeLabel": .text(timeLabel), "isoTime": .text(isoTime),
            "isEdited": .flag(isEdited), "likeLabel": .text(likeLabel), "hasLikes": .flag(hasLikes),
            "isLiked": .flag(isLiked),
            "depth": .number(depth), "replies": .list(replies),
            "hasReplies": .flag(hasReplies),
            "badge": badge.templateValue, "likeAction": likeAction.templateValue, "reportURL": reportURL.templateValue,
            "replyAction": replyAction.templateValue, "editURL": editURL.templateValue,
            "deleteAction": deleteAction.templateValue, "continueURL": continueURL.templateValue,
        ])
    }
}

extension OwnCommentView: TemplateRepresentable {
    var templateValue: TemplateValue {
        .fields([
            "anchor": .text(anchor), "bodyHTML": .text(bodyHTML), "statusLabel": .text(statusLabel),
            "timeLabel": .text(timeLabel), "isoTime": .text(isoTime),
            "reason": reason.templateValue,
        ])
    }
}

extension CommentFormContext: TemplateRepresentable {
    var templateValue: TemplateValue {
        .fields([
            "action": .text(action), "displayName": .text(displayName), "body": .text(body),
            "problems": .list(problems.map(TemplateValue.text)), "hasProblems": .flag(hasProblems),
            "asGuest": .flag(asGuest), "maxBodyLength": .number(maxBodyLength), "maxNameLength": .number(maxNameLength),
            "csrfToken": csrfToken.templateValue, "parentID": parentID.templateValue,
        ])
    }
}
