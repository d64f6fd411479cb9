import Foundation
import Logging
import MastheadCore
import MastheadStore
import ServiceLifecycle

/// Sends the outbox. The write layer puts mail in the outbox in the same transaction as the change
/// that asks for it; this service sends it afterwards through the SMTP relay, retrying a few times.
/// Without a relay (development), mail stays in the outbox, where the newsroom's Outbox page shows it,
/// and is written to the log.
struct MailDelivery: Service {
    let store: Store
    let smtp: SMTPConfiguration?
    let from: MailAddress
    let clock: NewsClock
    let logger: Logger

    static let maximumAttempts = 5

    func run() async throws {
        var logged = Set<UUID>()
        while await pauseUnlessShuttingDown(for: .seconds(2)) {
            guard let waiting = try? await store.outbox.unsent(maximumAttempts: Self.maximumAttempts) else { continue }
            for mail in waiting {
                guard let smtp else {
                    if logged.insert(mail.id).inserted {
                        logger.info(
                            "Mail kept in the outbox (no SMTP_URL): to \(mail.recipient), \"\(mail.subject)\"\n\(mail.body)"
                        )
                    }
                    continue
                }
                await send(mail, through: smtp)
            }
        }
    }

    func send(_ mail: OutboxRepository.Mail, through smtp: SMTPConfiguration) async {
        let message = MailMessage(
            from: from, to: MailAddress(name: nil, address: mail.recipient), subject: mail.subject, text: mail.body)
        do {
            try await SMTPClient(configuration: smtp).send(
                message, date: clock.now, messageID: "<\(mail.id.lowercasedString)@\(smtp.heloName)>")
            try await store.outbox.markSent(mail.id, at: clock.now)
        } catch {
            logger.warning("Mail to \(mail.recipient) not sent: \(error)")
            try? await store.outbox.markFailed(mail.id, error: "\(error)")
        }
    }
}
