import FluentKit

/// The numbered migrations of each kind of database, in order. Never edit one that has landed;
/// add the next number.
enum MigrationList {
    static let psc: [any Migration] = [
        M0001_CreateEnabledCourts(),
        M0002_CreateOutbox(),
        M0003_CreateAccounts(),
        M0004_CreateSigningKeys(),
        M0005_CreateTwoStepVerification(),
        M0015_CreateLocatorAndBilling(),
        M0017_CreateLocatorEntries(),
        M0019_CreateAPITokens(),
        M0021_CreateSavedSearches(),
        M0022_AddPartyKeyPrefixIndexes(table: "locator_keys"),
        M0024_AddLocatorKeyDates(),
        M0025_AddLocatorNumberIndex(),
        M0026_CreateCourtPlansRevision(),
        M0028_AddBillingChargesTimeIndex(),
        M0029_CreateOutboxSharedBodies(),
        M0031_ForgetDeliveredInternalMessages(),
    ]

    static let court: [any Migration] = [
        M0002_CreateOutbox(),
        M0006_CreateCourtAccounts(),
        M0007_CreateDocket(),
        M0008_CreateParties(),
        M0009_AddQualityControl(),
        M0010_CreateFilingKeys(),
        M0011_CreatePayments(),
        M0012_CreateCourtSettings(),
        M0013_CreateElectronicService(),
        M0014_CreatePublicAccess(),
        M0016_CreateEntryTextSearch(),
        M0018_AddBankruptcyChapter(),
        M0020_CreateWebhooks(),
        M0022_AddPartyKeyPrefixIndexes(table: "party_keys"),
        M0023_AddDocketRevision(),
        M0027_AddCourtAccountRoleIndex(),
        M0029_CreateOutboxSharedBodies(),
        M0030_AddWebhookFailingSince(),
        M0031_ForgetDeliveredInternalMessages(),
    ]
}
