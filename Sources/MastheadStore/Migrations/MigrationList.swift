import FluentKit

/// Every migration, in the order they run. Append only: a shipped migration is never edited or
/// reordered, because databases out there have already run it.
enum MigrationList {
    static let all: [any Migration] = [
        M001CreateTopics(),
        M002CreateAuthors(),
        M003CreateArticles(),
        M004CreateArticleTopics(),
        M005CreateBylines(),
        M006CreateComments(),
        M007CreateSiteSettings(),
        M008AddArticleWorkflow(),
        M009CreateStaffAccounts(),
        M010CreateSessions(),
        M011CreateRevisions(),
        M012CreateEvents(),
        M013CreateRedirects(),
        M014CreateSignInFailures(),
        M015CreateCorrections(),
        M016IndexRevisionsSavedAt(),
        M017RerenderWithOwnMarkdown(),
        M018AddFeatureImages(),
        M019AddFeedSetting(),
        M020CreateAPIKeys(),
        M021CreateWebhooks(),
        M022CreateSearchIndex(),
        M023CreateDiscovery(),
        M024AddConversationSettings(),
        M025CreateCommunity(),
        M026IndexEmbargoes(),
        M027CreateSignInAttempts(),
        M028RecordSessionOwnersAndSignUpRequests(),
        M029CreateMailRequests(),
        M030RecordEventPositions(),
        M031CreateSignInKnownAddresses(),
        M032RegisterDiscoveryListener(),
    ]
}
