import ECFToolServerProtocol
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A PDF tool started once as a fork server (`libECFToolServer.so`, preloaded): each run is a
/// fork of the loaded, linked program instead of a new process started from its file. Starting
/// qpdf or pdftotext was most of their CPU on a filing's small PDF (BENCHMARKS.md, the
/// eighteenth round). A run is still a process of its own, killed at its time limit; after a run
/// that crashes the server is stopped and the next run starts a new one, so that no file learns
/// the memory layout the next runs share. Where there is no library, or a tool cannot be served,
/// `ToolProcess` starts the tool itself.
final class ToolForkServer: Sendable {
    /// How a run ended: its `waitpid` status, or that the server could not take it.
    enum Ending: Sendable {
        case status(Int32)
        case notRun
    }

    let socket: Int32
    let pid: pid_t
    let pending = Mutex<[UInt32: CheckedContinuation<Ending, Never>]>([:])
    let state = Mutex(State())
    let nextID = Atomic<UInt32>(0)

    struct State {
        var gone = false
        /// Whether any run has ended here: a server gone before one did is a tool that cannot be
        /// served (a program not linked dynamically, a library that did not load).
        var served = false
    }

    init(socket: Int32, pid: pid_t) {
        self.socket = socket
        self.pid = pid
        let thread = Thread { [self] in self.readEndings() }
        thread.name = "openecf-tool-server"
        thread.start()
    }

    /// The library beside the server's executable (`swift build` puts both in one directory).
    static let library: String? = {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let library = executable.deletingLastPathComponent().appendingPathComponent("libECFToolServer.so").path
        return FileManager.default.isReadableFile(atPath: library) ? library : nil
    }()

    /// The tool at `path` started as a fork server with `environment` (as `NAME=value`), or nil.
    static func start(_ path: String, environment: [String]) -> ToolForkServer? {
        guard let library else { return nil }
        var ends: [Int32] = [-1, -1]
        guard ecf_tool_socket_pair(&ends) == 0 else { return nil }
        // SwiftPM links Swift's runtime into the library, which would catch a run's crash (and
        // end it with status 0) unless told not to.
        let variables =
            environment + [
                "LD_PRELOAD=\(library)", "LD_BIND_NOW=1", "OPENECF_TOOL_SERVER=1", "SWIFT_BACKTRACE=enable=no",
            ]
        var strings = variables.map { strdup($0) }
        strings.append(nil)
        defer { for string in strings { free(string) } }
        var pid: pid_t = 0
        let failed = ecf_tool_spawn(path, strings, ends[1], &pid)
        close(ends[1])
        guard failed == 0 else {
            close(ends[0])
            return nil
        }
        return ToolForkServer(socket: ends[0], pid: pid)
    }

    var isGone: Bool { state.withLock { $0.gone } }
    var hasServed: Bool { state.withLock { $0.served } }

    /// Runs the tool with `arguments` (its path first), its output and errors written to `output`
    /// and `errors` (at most `fileSizeLimit` bytes each), killed at its time limit or when the
    /// calling task is cancelled.
    func run(
        _ arguments: [String], output: Int32, errors: Int32, fileSizeLimit: Int, timeLimit: Duration
    ) async -> (ending: Ending, timedOut: Bool, cancelled: Bool) {
        let id = nextID.add(1, ordering: .relaxed).newValue
        let input = open("/dev/null", O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { return (.notRun, false, false) }
        defer { close(input) }
        let bytes = arguments.flatMap(\.utf8CString)
        // Behind the kill at the time limit, the run's own alarm one to two seconds after it.
        let seconds = UInt32(clamping: timeLimit.components.seconds + 2)
        enum Event {
            case ended(Ending)
            case timeUp, cancelled
        }
        return await withTaskGroup(of: Event.self) { group in
            group.addTask {
                .ended(
                    await withCheckedContinuation { continuation in
                        let registered = self.pending.withLock { pending in
                            guard !self.isGone else { return false }
                            pending[id] = continuation
                            return true
                        }
                        guard registered else { return continuation.resume(returning: .notRun) }
                        let sent = bytes.withUnsafeBufferPointer { buffer in
                            ecf_tool_send_run(
                                self.socket, id, Int64(fileSizeLimit), seconds, buffer.baseAddress, buffer.count,
                                input, output, errors)
                        }
                        if sent != 0, let waiting = self.pending.withLock({ $0.removeValue(forKey: id) }) {
                            waiting.resume(returning: .notRun)
                        }
                        // Cancelled before the run was sent, the kill below may have gone first.
                        if sent == 0, Task.isCancelled { _ = ecf_tool_send_kill(self.socket, id) }
                    })
            }
            group.addTask {
                do {
                    try await Task.sleep(for: timeLimit)
                    return .timeUp
                } catch {
                    return .cancelled
                }
            }
            var timedOut = false
            var cancelled = false
            // The run's end always comes: after a kill, or with `.notRun` if the server goes.
            while let event = await group.next() {
                switch event {
                case .ended(let ending):
                    group.cancelAll()
                    return (ending, timedOut, cancelled)
                case .timeUp:
                    timedOut = true
                    _ = ecf_tool_send_kill(socket, id)
                case .cancelled:
                    cancelled = true
                    _ = ecf_tool_send_kill(socket, id)
                }
            }
            return (.notRun, timedOut, cancelled)
        }
    }

    // Closed only when no run can still send on it: a number closed while one could would be
    // reused by another file.
    deinit { close(socket) }

    /// Stops the server: it kills its runs (theirs end as `.notRun`, to be run again) and exits.
    func stop() {
        _ = Glibc.shutdown(socket, Int32(SHUT_RDWR))
    }

    /// The reader's thread: each ended run to its waiting caller; when the server has gone,
    /// every caller still waiting is told so and the server's process is reaped.
    private func readEndings() {
        var id: UInt32 = 0
        var status: Int32 = 0
        while ecf_tool_receive(socket, &id, &status) == 1 {
            let waiting = pending.withLock { $0.removeValue(forKey: id) }
            if status >= 0 { state.withLock { $0.served = true } }
            waiting?.resume(returning: status >= 0 ? .status(status) : .notRun)
        }
        let waiting = pending.withLock { pending in
            state.withLock { $0.gone = true }
            defer { pending.removeAll() }
            return Array(pending.values)
        }
        for continuation in waiting { continuation.resume(returning: .notRun) }
        var reaped: Int32 = 0
        while waitpid(pid, &reaped, 0) < 0 && errno == EINTR {}
    }
}
