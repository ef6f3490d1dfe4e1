import ECFDomain
import ECFServices
import Foundation

/// Writes each message as an `.eml` file (used when no `--smtp-url` is given): the file appears
/// whole or not at all, and a message written twice overwrites itself, named by its Message-ID.
public struct EMLFileMailTransport: MailTransport {
    public let directory: URL
    let clock: any Clock

    public init(directory: URL, clock: any Clock) {
        self.directory = directory
        self.clock = clock
    }

    @discardableResult
    public func send(_ mail: OutgoingMail) async throws -> [String] {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let data = Data(MIMEMessage(mail, date: clock.now).rendered().utf8)
            let file = directory.appendingPathComponent(Self.fileName(for: mail))
            try data.write(to: file, options: .atomic)
            return []
        } catch {
            throw MailTransportError(isPermanent: false, "cannot write the message in \(directory.path): \(error)")
        }
    }

    static func fileName(for mail: OutgoingMail) -> String {
        let safe = mail.messageID.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "@" }
        return "\(safe).eml"
    }
}
