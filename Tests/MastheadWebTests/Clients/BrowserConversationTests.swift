import Foundation
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@testable import MastheadWeb

/// Posting and moderating in a real Chromium driven by Selenium: with JavaScript off the forms do
/// everything; with it on, a new comment reaches an open page without a reload.
@Suite struct BrowserConversationTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("browser_conversation.py").path

    @Test func postingAndModeratingWorkWithJavaScriptOffAndLiveWithItOn() async throws {
        let python = try #require(RealClientTests.python, "The validators' venv is missing: run scripts/test.sh")
        try #require(FileManager.default.fileExists(atPath: "/usr/bin/chromedriver"), "chromedriver is missing")
        try await TestSite.serve(
            hostname: "127.0.0.1", config: RealClientTests.liveConfig,
            seed: { store in
                try await NewsroomClient.seedAccounts(store)
                _ = try await store.commenterAccountActions(passwordCost: 4).createVerified(
                    displayName: "Regular Reader", email: "regular@example.com", password: NewsroomClient.password,
                    approvedCount: 5, now: TestSite.referenceNow)
            }
        ) { port in
            let output = try await RealClientTests.run(
                python,
                [
                    Self.script, "http://127.0.0.1:\(port)", ReferencePageTests.mainArticle, "moderator@example.com",
                    "regular@example.com", NewsroomClient.password,
                ])
            let report = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
            #expect((report["guest_notice"] as? String)?.contains("waiting for a moderator") == true)
            #expect(report["guest_comment_hidden"] as? Bool == true)
            #expect(report["queue_has_comment"] as? Bool == true)
            #expect((report["queue_after"] as? String)?.contains("Done.") == true)
            #expect(report["approved_shown"] as? Bool == true)
            #expect(report["live_arrived"] as? Bool == true)
            #expect(report["watcher_not_reloaded"] as? Bool == true)
            let errors = report["browser_errors"] as? [String]
            #expect(errors?.isEmpty == true, "\(errors ?? [])")
        }
    }
}
