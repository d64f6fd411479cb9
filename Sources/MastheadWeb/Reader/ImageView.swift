import MastheadCore

/// A story's feature image with its caption and credit.
struct ImageView: TemplateContext {
    let url: String
    let alt: String
    let caption: String
    let credit: String?
    let hasCaption: Bool

    init(_ image: FeatureImage) {
        url = ReaderRoute.media(image.file).path
        alt = image.alt
        caption = image.caption
        credit = image.credit.isEmpty ? nil : image.credit
        hasCaption = !image.caption.isEmpty || !image.credit.isEmpty
    }
}
