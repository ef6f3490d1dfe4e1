import Foundation
import Subprocess
import Synchronization
import SystemPackage

/// Runs a tool (qpdf, pdftotext) with a time limit: a tool that hangs on a hostile file is killed,
/// and a crashing one only fails its own check. A run is a fork of the tool's fork server where
/// there is one (`ToolForkServer`), or else a process started from the tool's file, through
/// swift-subprocess rather than Foundation's `Process`: on Linux, `Process.run()` copies each
/// entry of the process's open-file list past the end of glibc's buffer (swift-corelibs-foundation
/// pull request 5472, after Swift 6.3.1), and it crashed the whole server while 32 filings were
/// inspected at once (P2 in BENCHMARKS.md, with the server holding a file for each of 94 courts).
struct ToolProcess: Sendable {
    struct Result: Sendable {
        let status: Int32
        let output: Data
        let errors: Data
        let timedOut: Bool
        var text: String { String(decoding: output, as: UTF8.self) }
    }

    let timeLimit: Duration
    /// Whether a tool runs as a fork of its fork server where it can (`ToolForkServer`).
    let servesTools: Bool

    init(timeLimit: Duration, servesTools: Bool = true) {
        self.timeLimit = timeLimit
        self.servesTools = servesTools
    }

    /// The most a tool may write to each of its outputs; more is an error. A page's text, or the
    /// objects of a large filing's PDF, are far less.
    static let outputLimit = 256 * 1024 * 1024

    /// Where each tool was found on `PATH`, looked up at its first run. Given a bare name,
    /// swift-subprocess starts a process in each directory of `PATH` in turn until one is there,
    /// each start a thread's hop and a clone of this process: seven of them for qpdf with this
    /// machine's `PATH`, two milliseconds of a filing's CPU in all. A tool not found is looked for
    /// again at its next run, so one installed while the server runs is found.
    static let locations = Mutex<[String: String]>([:])

    /// The tool's path on `PATH` (kept), or nil when no directory of `PATH` holds it.
    static func locate(_ tool: String) async -> String? {
        if let known = locations.withLock({ $0[tool] }) { return known }
        guard let found = try? await Executable.name(tool).resolveExecutablePath(in: .inherit).string else {
            return nil
        }
        locations.withLock { $0[tool] = found }
        return found
    }

    /// The environment a tool runs in: the server's `PATH` and the C locale, nothing else. The
    /// server's own variables (its settings, a database's or a mail server's password given in
    /// one) are not handed to a program reading a hostile file, and the tools' messages, which the
    /// checks read (`ToolPDFInspector.isTruncated`), are in English whatever the server's locale.
    /// Made once: inheriting copied the server's whole environment into a dictionary and back
    /// into strings at every run, three times a filing.
    static let environment = Environment.custom(["PATH": path, "LC_ALL": locale])
    /// The same, as a fork server's environment is given (`NAME=value`).
    static let variables = ["PATH=\(path)", "LC_ALL=\(locale)"]
    static let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    static let locale = "C.UTF-8"

    /// A run killed at the time limit.
    static let timedOut = Result(status: -1, output: Data(), errors: Data(), timedOut: true)

    /// What a shell says of a tool it cannot find.
    static func notFound(_ tool: String) -> Result {
        Result(status: 127, output: Data(), errors: Data("\(tool): not found".utf8), timedOut: false)
    }

    /// The tool's exit status and outputs, or `timedOut` when it ran past the time limit and was
    /// killed. A tool that is not installed exits 127, as a shell reports it.
    func run(_ tool: String, _ arguments: [String]) async throws -> Result {
        guard let path = await Self.locate(tool) else { return Self.notFound(tool) }
        if servesTools, let server = Self.server(for: path),
            let result = try await run(on: server, path, arguments)
        {
            return result
        }
        return try await withThrowingTaskGroup(of: Result?.self) { group in
            group.addTask {
                do {
                    let run = try await Subprocess.run(
                        .path(.init(path)), arguments: Arguments(arguments), environment: Self.environment,
                        input: .none,
                        output: .data(limit: Self.outputLimit), error: .data(limit: Self.outputLimit))
                    let status: Int32 =
                        switch run.terminationStatus {
                        case .exited(let code): code
                        case .signaled(let signal): 128 + signal
                        }
                    return Result(
                        status: status, output: run.standardOutput, errors: run.standardError, timedOut: false)
                } catch let error as SubprocessError where error.code == .executableNotFound {
                    // Removed since it was found: looked for again next time.
                    _ = Self.locations.withLock { $0.removeValue(forKey: tool) }
                    return Self.notFound(tool)
                }
            }
            group.addTask {
                try await Task.sleep(for: timeLimit)
                return nil
            }
            // The first to finish decides; cancelling the tool's run kills it.
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first ?? Self.timedOut
        }
    }
}
