import ECFDomain
import Foundation
import NIOCore
import Synchronization

/// Docket reports' entry rows as they were last sent, kept in memory for the next report of the
/// same case (BENCHMARKS.md P1: reading and writing out a 1,000-entry docket was almost all of a
/// report's time). Only the rows are kept: the header, parties and receipt are made for each
/// request, and every report is billed by what it sends.
///
/// A kept docket is exactly current: rows are kept under the case's docket revision, which every
/// change to the case's entries or documents raises in the change's own transaction
/// (`DocketStore.courtCaseAndRevision`), so a revision read before the rows were read names rows at
/// least as new as it; a later change makes a new revision, and the old rows are never found
/// again. Rows are kept per viewer (what each may see differs), per case restriction, per report
/// options and per format, and a court's time zone is part of the key as the rows' dates are.
/// The least recently read cases go when the rows kept pass the budget.
public final class DocketRowsCache: Sendable {
    public enum Format: Hashable, Sendable {
        case html
        case json
    }

    /// What, besides the case and its revision, the rows depend on.
    public struct Variant: Hashable, Sendable {
        let format: Format
        let viewer: Viewer
        let caseRestriction: Restriction
        let filter: DocketFilter
        let zone: String

        public init(format: Format, viewer: Viewer, caseRestriction: Restriction, filter: DocketFilter, zone: String) {
            self.format = format
            self.viewer = viewer
            self.caseRestriction = caseRestriction
            self.filter = filter
            self.zone = zone
        }
    }

    /// The rows of one report, as the buffers they were sent in.
    public struct Rows: Sendable {
        public let chunks: [ByteBuffer]
        /// The memory they hold: their buffers' capacity, which may pass what they say.
        public let bytes: Int

        public init(_ chunks: [ByteBuffer]) {
            self.chunks = chunks
            bytes = chunks.reduce(0) { $0 + $1.capacity }
        }
    }

    private struct Key: Hashable {
        let court: CourtID
        let caseID: CaseID
    }

    private struct Slot {
        var revision: Int64
        var variants: [Variant: Rows] = [:]
        var bytes = 0
        var lastRead: UInt64
    }

    private struct State {
        var slots: [Key: Slot] = [:]
        var bytes = 0
        var clock: UInt64 = 0
    }

    /// The most bytes of rows kept in all.
    public let budget: Int
    /// The largest report whose rows are kept (a huge docket is streamed from the database every
    /// time rather than push every other case out).
    public let largest: Int
    private let state = Mutex(State())

    /// - Parameters:
    ///   - budget: the most bytes kept (2 MiB by default: a hundred ordinary dockets, or a few
    ///     large ones, within the server's memory goal; P4's mix reads 956 different dockets in
    ///     1,296 and finds few of them kept either way).
    ///   - largest: the largest report kept (1 MiB: about 2,500 entries).
    public init(budget: Int = 2 << 20, largest: Int = 1 << 20) {
        self.budget = budget
        self.largest = min(largest, budget)
    }

    /// How many bytes of rows are kept now.
    public var bytesKept: Int { state.withLock { $0.bytes } }

    /// The rows kept for this case at this revision, if any.
    public func rows(court: CourtID, caseID: CaseID, revision: Int64, _ variant: Variant) -> Rows? {
        state.withLock { state in
            let key = Key(court: court, caseID: caseID)
            guard let slot = state.slots[key], slot.revision == revision, let rows = slot.variants[variant] else {
                return nil
            }
            state.clock += 1
            state.slots[key]?.lastRead = state.clock
            return rows
        }
    }

    /// Keeps the rows a report sent at this revision (read before the rows were). Rows of an older
    /// revision of the case are dropped; rows of a newer one are kept and these are not.
    public func keep(_ rows: Rows, court: CourtID, caseID: CaseID, revision: Int64, _ variant: Variant) {
        guard rows.bytes <= largest else { return }
        state.withLock { state in
            let key = Key(court: court, caseID: caseID)
            state.clock += 1
            var slot = state.slots[key] ?? Slot(revision: revision, lastRead: state.clock)
            if slot.revision > revision { return }
            if slot.revision < revision {
                state.bytes -= slot.bytes
                slot = Slot(revision: revision, lastRead: state.clock)
            }
            if let old = slot.variants[variant] {
                slot.bytes -= old.bytes
                state.bytes -= old.bytes
            }
            slot.variants[variant] = rows
            slot.bytes += rows.bytes
            slot.lastRead = state.clock
            state.bytes += rows.bytes
            state.slots[key] = slot
            if state.bytes > budget { Self.evict(&state, downTo: budget * 3 / 4, sparing: key) }
        }
    }

    /// Drops the least recently read cases until the rows kept fit in `target` bytes; done in one
    /// sweep for a quarter of the budget at a time, so most reports keep their rows without one.
    private static func evict(_ state: inout State, downTo target: Int, sparing: Key) {
        let oldest = state.slots.filter { $0.key != sparing }.sorted { $0.value.lastRead < $1.value.lastRead }
        for (key, slot) in oldest {
            if state.bytes <= target { break }
            state.slots[key] = nil
            state.bytes -= slot.bytes
        }
    }
}
