import ECFServices

/// The PSC's public-access services, as the web layer calls them: the national case locator and
/// the billing ledger.
public struct PublicAccessWeb: Sendable {
    public let locator: any CaseLocator
    public let ledger: any BillingLedger
    public let clock: any Clock

    public init(locator: any CaseLocator, ledger: any BillingLedger, clock: any Clock) {
        self.locator = locator
        self.ledger = ledger
        self.clock = clock
    }
}
