import ECFDomain
import ECFServices
import Foundation
import Synchronization

final class FixedClock: Clock {
    private let instant: Mutex<Date>
    init(_ date: Date) { instant = Mutex(date) }
    var now: Date { instant.withLock { $0 } }
    func advance(by seconds: TimeInterval) { instant.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

final class FakeOutboxStore: OutboxStore {
    let messages = Mutex<[OutboxMessageID: OutboxMessage]>([:])

    func enqueue(_ message: OutboxMessage) async throws {
        messages.withLock { $0[message.id] = message }
    }

    let bodies = Mutex<[SharedMailBodyID: SharedMailBody]>([:])

    func sharedBodies(_ ids: Set<SharedMailBodyID>) async throws -> [SharedMailBodyID: SharedMailBody] {
        bodies.withLock { $0.filter { ids.contains($0.key) } }
    }

    func due(at instant: Date, limit: Int) async throws -> [OutboxMessage] {
        messages.withLock { all in
            Array(
                all.values.filter { $0.status == .pending && $0.nextAttemptAt <= instant }
                    .sorted { $0.createdAt < $1.createdAt }.prefix(limit))
        }
    }

    func markDelivered(_ id: OutboxMessageID, at instant: Date, attempts: Int, note: String?) async throws {
        messages.withLock {
            $0[id]?.lastError = note
            $0[id]?.status = .delivered
            $0[id]?.deliveredAt = instant
            $0[id]?.attempts = attempts
        }
    }

    func forget(_ ids: [OutboxMessageID]) async throws {
        messages.withLock { messages in
            for id in ids { messages[id] = nil }
        }
    }

    func reschedule(_ id: OutboxMessageID, attempts: Int, nextAttemptAt: Date, error: String) async throws {
        messages.withLock {
            $0[id]?.attempts = attempts
            $0[id]?.nextAttemptAt = nextAttemptAt
            $0[id]?.lastError = error
        }
    }

    func markFailed(_ id: OutboxMessageID, attempts: Int, error: String) async throws {
        messages.withLock {
            $0[id]?.status = .failed
            $0[id]?.attempts = attempts
            $0[id]?.lastError = error
        }
    }

    func backlog() async throws -> Int {
        messages.withLock { $0.values.filter { $0.status == .pending }.count }
    }

    func message(_ id: OutboxMessageID) -> OutboxMessage? { messages.withLock { $0[id] } }
}

struct FakeOutboxDirectory: OutboxDirectory {
    let stores: [(OutboxLocation, FakeOutboxStore)]
    func outboxes() async throws -> [(location: OutboxLocation, store: any OutboxStore)] {
        stores.map { ($0.0, $0.1 as any OutboxStore) }
    }
}

/// A mail carrier that can be told to fail, and remembers what it accepted.
final class FakeMailTransport: MailTransport {
    enum Mode { case accept, down, refuse }
    let mode = Mutex<Mode>(.accept)
    let sent = Mutex<[OutgoingMail]>([])
    /// Addresses refused for good whatever the mode.
    let refusing = Mutex<Set<String>>([])
    /// The messages each `send(all:)` carried (as over one connection).
    let connections = Mutex<[[OutgoingMail]]>([])

    func send(all mails: [OutgoingMail]) async -> [Result<[String], any Error>] {
        connections.withLock { $0.append(mails) }
        return await sendOneByOne(mails)
    }

    func send(_ mail: OutgoingMail) async throws -> [String] {
        if refusing.withLock({ $0.contains(mail.to[0].address) }) {
            throw MailTransportError(isPermanent: true, "550 no such user")
        }
        switch mode.withLock({ $0 }) {
        case .accept:
            sent.withLock { $0.append(mail) }
            return []
        case .down: throw MailTransportError(isPermanent: false, "connection refused")
        case .refuse: throw MailTransportError(isPermanent: true, "550 no such user")
        }
    }
}

final class FakeCourtRegistry: CourtRegistryStore {
    let courts = Mutex<[EnabledCourt]>([])
    let revision = Mutex(PlansRevision(revision: 0, changingUntil: nil))

    func plansRevision() async throws -> PlansRevision { revision.withLock { $0 } }

    func planChanging(until: Date) async throws {
        revision.withLock {
            $0 = PlansRevision(revision: $0.revision + 1, changingUntil: max($0.changingUntil ?? until, until))
        }
    }

    func planChanged() async throws {
        revision.withLock { $0 = PlansRevision(revision: $0.revision + 1, changingUntil: $0.changingUntil) }
    }

    func enabledCourts() async throws -> [EnabledCourt] { courts.withLock { $0 } }

    func enabledCourtAndPlans(_ id: CourtID) async throws -> (court: EnabledCourt, plans: PlansRevision)? {
        guard let court = courts.withLock({ $0.first { $0.court.id == id } }) else { return nil }
        return (court, try await plansRevision())
    }

    func enable(_ court: FederalCourt, at instant: Date) async throws -> Bool {
        courts.withLock { courts in
            if courts.contains(where: { $0.court.id == court.id }) { return false }
            courts.append(EnabledCourt(court: court, enabledAt: instant))
            return true
        }
    }
}

final class FakeProvisioner: CourtDatabaseProvisioner {
    let provisioned = Mutex<[CourtID]>([])
    func provision(_ court: CourtID) async throws { provisioned.withLock { $0.append(court) } }
}

final class SequentialIDs: IDGenerator {
    let counter = Mutex<UInt8>(0)
    func uuid() -> UUID {
        let next = counter.withLock { value -> UInt8 in
            value += 1
            return value
        }
        return UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, next))
    }
}
