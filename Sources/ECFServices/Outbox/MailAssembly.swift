import ECFDomain

/// The mail of outbox messages as it is sent: each decoded from its payload and, when it shares a
/// body with other messages (a filing's notices), assembled with that body, read once for all.
enum MailAssembly {
    static func mails(of messages: [OutboxMessage], from store: any OutboxStore) async
        -> [(message: OutboxMessage, mail: Result<OutgoingMail, any Error>)]
    {
        let decoded = messages.map { message in
            (message: message, mail: Result<OutgoingMail, any Error> { try message.decodedMail() })
        }
        let ids = Set(decoded.compactMap { try? $0.mail.get().sharedBody })
        guard !ids.isEmpty else { return decoded }
        let bodies: Result<[SharedMailBodyID: SharedMailBody], any Error>
        do {
            bodies = .success(try await store.sharedBodies(ids))
        } catch {
            bodies = .failure(error)
        }
        return decoded.map { message, mail in
            guard case .success(let own) = mail, let id = own.sharedBody else { return (message, mail) }
            return (
                message,
                bodies.flatMap { found in
                    guard let body = found[id] else {
                        return .failure(
                            MailTransportError(
                                isPermanent: true,
                                "the body this message shares with others (\(id)) is not in the outbox"))
                    }
                    return .success(own.assembled(with: body))
                }
            )
        }
    }
}
