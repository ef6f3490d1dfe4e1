import FluentKit
import Foundation

/// A court enabled on this server (PSC database).
final class EnabledCourtRecord: Model, @unchecked Sendable {
    static let schema = "enabled_courts"

    @ID(custom: "court_id", generatedBy: .user) var id: String?
    @Field(key: "enabled_at") var enabledAt: Date

    init() {}

    init(courtID: String, enabledAt: Date) {
        self.id = courtID
        self.enabledAt = enabledAt
    }
}
