import Foundation

/// A PDF as received for a filing, on disk, before inspection.
public struct UploadedFile: Sendable, Equatable {
    public let url: URL
    /// The name on the filer's computer, shown back in problems and on the receipt.
    public let originalName: String
    /// "Main Document", or the attachment's description ("Exhibit A").
    public let description: String

    public init(url: URL, originalName: String, description: String) {
        self.url = url
        self.originalName = originalName
        self.description = description
    }
}
