/// Who is served a docket entry electronically, and whose service must happen by other means.
///
/// Source: Fed. R. Civ. P. 5(b)(2)(E) (service on a registered user through the court's electronic
/// filing system) and the NEF's two lists ("Notice has been electronically mailed to", "Notice will
/// be delivered by other means to"); DESIGN.md's restriction levels: public entries go to every
/// participant and to media subscribers, participants-only entries to the participants, ex parte
/// entries to the filer and the court, sealed entries to the court alone.
public struct ServiceList: Sendable, Equatable {
    public struct Recipient: Sendable, Equatable {
        public let account: CourtAccountID
        public let name: String
        public let role: CourtRole
        public let addresses: [EmailAddress]
        public let delivery: NoticeDelivery
    }

    public let electronic: [Recipient]
    /// The parties with no one registered for e-service (names, in party order).
    public let otherMeans: [String]

    /// - Parameters:
    ///   - accounts: the court accounts of the case's participations.
    ///   - subscribers: media accounts subscribed to the case.
    ///   - courtStaff: the court's own recipients for restricted entries (the clerk's office).
    public static func build(
        parties: [Party], participations: [Participation], accounts: [CourtAccountID: CourtAccount],
        subscribers: [CourtAccount], courtStaff: [CourtAccount], entryRestriction: Restriction,
        caseRestriction: Restriction, filedBy: CourtAccountID?
    ) -> ServiceList {
        let level = max(entryRestriction, caseRestriction)
        var served: [CourtAccount] = []
        func add(_ account: CourtAccount?) {
            guard let account, account.status == .active, !served.contains(where: { $0.id == account.id }) else {
                return
            }
            served.append(account)
        }
        let active = participations.filter(\.isActive)
        let current = parties.filter { $0.dateTerminated == nil }
        var otherMeans: [String] = []
        for party in current {
            let registered = active.filter { $0.partyID == party.id }.compactMap { accounts[$0.account] }
                .filter { $0.status == .active }
            if registered.isEmpty { otherMeans.append(party.name) }
        }
        switch level {
        case .public, .caseParticipants:
            for party in current {
                for participation in active where participation.partyID == party.id {
                    add(accounts[participation.account])
                }
            }
            if level == .public {
                for subscriber in subscribers where subscriber.role == .mediaEService { add(subscriber) }
            }
        case .exParte:
            add(filedBy.flatMap { id in accounts[id] ?? courtStaff.first { $0.id == id } })
            courtStaff.forEach(add)
            otherMeans = []
        case .sealed:
            courtStaff.forEach(add)
            otherMeans = []
        }
        return ServiceList(
            electronic: served.map {
                Recipient(
                    account: $0.id, name: $0.fullName, role: $0.role, addresses: $0.allEmails,
                    delivery: $0.noticeDelivery)
            },
            otherMeans: otherMeans)
    }
}
