import ECFDomain
import Foundation

/// Sends the daily summaries: once a court's summary time has passed, each account that chose one
/// summary a day receives one message listing the entries it was served since its last summary,
/// by case. The items are marked sent in the transaction that queues the message, so every process
/// may run this and each summary goes out once.
public struct SendDailySummaries: Sendable {
    let context: CourtContext
    /// The courts with their plans kept (`CourtPlansCache`); without it, each plan is read.
    let courts: ListCourts?

    public init(_ context: CourtContext, courts: ListCourts? = nil) {
        self.context = context
        self.courts = courts
    }

    /// How often a server looks for summaries due: a summary leaves within this time of its
    /// court's summary time, or of a change of that time made through another process (one made
    /// through this one raises `CourtContext.summaryTimeChanged`, and they are looked for at
    /// once). Looking every second read each court's settings and pending items (188 statements
    /// a second at 94 courts) for what happens once a day.
    public static let checkedEvery: Duration = .seconds(60)

    /// Returns how many summaries were queued.
    public func callAsFunction() async throws -> Int {
        var queued = 0
        for court in try await context.openEnabled(kept: courts) {
            guard court.plan.blackout(at: court.now) == nil else { continue }
            queued += try await send(in: court)
        }
        return queued
    }

    func send(in court: OpenCourt) async throws -> Int {
        let settings = try await court.store.settings()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = court.zone
        let (hour, minute) = settings.summaryHourMinute
        let todaysTime = calendar.date(bySettingHour: hour, minute: minute, second: 0, of: court.now) ?? court.now
        let today = court.today
        // Before today's time, what is due is what came up to yesterday.
        let due =
            court.now >= todaysTime
            ? today.description
            : DateOnly(calendar.date(byAdding: .day, value: -1, to: court.now)!, in: court.zone).description
        let docket = try await context.stores.docket(court.id)
        let pending = try await docket.pendingSummaries(through: due)
        guard !pending.isEmpty else { return 0 }
        var queued = 0
        for (account, items) in Dictionary(grouping: pending, by: \.account) {
            guard let recipient = try await court.store.account(account), recipient.status == .active else { continue }
            var cases: [(CourtCase, [DocketEntry])] = []
            for (caseID, caseItems) in Dictionary(grouping: items, by: \.caseID).sorted(by: { $0.key < $1.key }) {
                guard let courtCase = try await docket.courtCase(caseID) else { continue }
                let seqs = Set(caseItems.map(\.seq))
                cases.append((courtCase, try await docket.entries(of: caseID).filter { seqs.contains($0.seq) }))
            }
            let mail = context.mails.dailySummary(to: recipient, court: court, day: due, cases: cases)
            let id = OutboxMessageID(context.ids.timeOrderedUUID())
            let now = court.now
            let sent = try await docket.transaction { transaction -> Bool in
                guard try await transaction.markSummarySent(account, through: due, at: now) > 0 else { return false }
                try await transaction.enqueue(try .mail(mail, id: id, at: now))
                return true
            }
            if sent { queued += 1 }
        }
        return queued
    }
}
