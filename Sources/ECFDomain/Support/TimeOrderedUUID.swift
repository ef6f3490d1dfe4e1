import Foundation

/// Identifiers of rows written in volume and seldom read by key (billed views, outbox messages)
/// that begin with the time they were made, so that each new one lands at the end of its table's
/// key index instead of at a random place in it.
///
/// Version 7 of RFC 9562 (§5.7): the first 48 bits are the Unix time in milliseconds, big-endian;
/// then the version (7), 12 random bits, the variant (binary 10) and 62 random bits. They sort as
/// bytes, as text and as PostgreSQL's `uuid` in the order they were made (to the millisecond), and
/// their 74 random bits keep those made in the same millisecond apart and a view's key unguessable.
///
/// With random (version 4) keys, every billed view changed a random page of the court's index of
/// 650,000 views at small scale, which the court's connection read back from the operating system
/// and wrote out again at the commit (BENCHMARKS.md, P4).
extension UUID {
    public static func timeOrdered(at instant: Date) -> UUID {
        var generator = SystemRandomNumberGenerator()
        return timeOrdered(at: instant, using: &generator)
    }

    public static func timeOrdered(at instant: Date, using generator: inout some RandomNumberGenerator) -> UUID {
        let milliseconds = UInt64(max(0, (instant.timeIntervalSince1970 * 1000).rounded(.down)))
        let random = (generator.next() as UInt64, generator.next() as UInt64)
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: milliseconds >> (8 * (5 - index))) }
        bytes[6] = 0x70 | UInt8(truncatingIfNeeded: random.0 >> 8) & 0x0f
        bytes[7] = UInt8(truncatingIfNeeded: random.0)
        bytes[8] = 0x80 | UInt8(truncatingIfNeeded: random.1 >> 56) & 0x3f
        for index in 9..<16 { bytes[index] = UInt8(truncatingIfNeeded: random.1 >> (8 * (15 - index))) }
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
                bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }
}
