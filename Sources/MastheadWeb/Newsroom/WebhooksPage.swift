import MastheadCore

struct WebhooksPage: PageContext {
    static let template = "webhooks"
    let layout: NewsroomLayout
    /// Shown once, right after the endpoint is registered.
    let secret: String?
    let endpoints: [Endpoint]
    let deliveries: [Delivery]
    let hasDeliveries: Bool
    let addAction: String
    let events: [Option]
    let url: String
    let problems: [String]
    let hasProblems: Bool

    struct Endpoint: TemplateContext {
        let url: String
        let events: String
        let removeAction: String
    }

    struct Delivery: TemplateContext {
        let event: String
        let url: String
        let status: String
        let attempts: Int
        let result: String
        let created: String
        let next: String
    }
}
