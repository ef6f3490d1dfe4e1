/// A mailing address, with the county PACER asks for.
public struct PostalAddress: Sendable, Equatable, Codable {
    public var street: String
    public var city: String
    public var state: String
    public var postalCode: String
    public var county: String

    public init(street: String, city: String, state: String, postalCode: String, county: String) {
        self.street = street
        self.city = city
        self.state = state
        self.postalCode = postalCode
        self.county = county
    }
}
