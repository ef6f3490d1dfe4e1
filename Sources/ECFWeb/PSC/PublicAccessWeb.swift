import ECFServices

/// The PSC's public-access services, as the web layer calls them: the national case locator.
public struct PublicAccessWeb: Sendable {
    public let locator: any CaseLocator

    public init(locator: any CaseLocator) {
        self.locator = locator
    }
}
