import ServiceLifecycle

#if canImport(Glibc)
    import Glibc
#endif

/// Gives the memory malloc holds free back to the operating system every few seconds
/// (`malloc_trim`). glibc keeps what a burst of work freed in the arenas it was freed to: the 501
/// notices of P6's filing (62 KB each, built in one transaction) left the server 30 MB larger for
/// good, which the work that followed did not reuse, and the mix after it took the server over
/// 150 MB (BENCHMARKS.md P7).
struct MemoryTrimService: Service {
    var interval: Duration = .seconds(5)

    func run() async throws {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
            // Whether anything was given back (1) or not (0) changes nothing here.
            _ = Self.trim?(0)
        }
    }

    /// glibc's `malloc_trim`, looked up by name (Swift's Glibc module does not declare it); nil
    /// where there is none.
    static let trim: (@convention(c) (Int) -> Int32)? = {
        #if canImport(Glibc)
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
            return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        #else
            return nil
        #endif
    }()
}
