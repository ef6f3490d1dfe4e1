import Foundation
import Subprocess

/// Runs a tool (qpdf, pdftotext) with a time limit: a tool that hangs on a hostile file is killed,
/// and a crashing one only fails its own check. Through swift-subprocess rather than Foundation's
/// `Process`: on Linux, `Process.run()` copies each entry of the process's open-file list past the
/// end of glibc's buffer (swift-corelibs-foundation pull request 5472, after Swift 6.3.1), and it
/// crashed the whole server while 32 filings were inspected at once (P2 in BENCHMARKS.md, with the
/// server holding a file for each of 94 courts).
struct ToolProcess: Sendable {
    struct Result: Sendable {
        let status: Int32
        let output: Data
        let errors: Data
        let timedOut: Bool
        var text: String { String(decoding: output, as: UTF8.self) }
    }

    let timeLimit: Duration

    /// The most a tool may write to each of its outputs; more is an error. A page's text, or the
    /// objects of a large filing's PDF, are far less.
    static let outputLimit = 256 * 1024 * 1024

    /// The tool's exit status and outputs, or `timedOut` when it ran past the time limit and was
    /// killed. A tool that is not installed exits 127, as a shell reports it.
    func run(_ tool: String, _ arguments: [String]) async throws -> Result {
        try await withThrowingTaskGroup(of: Result?.self) { group in
            group.addTask {
                do {
                    let run = try await Subprocess.run(
                        .name(tool), arguments: Arguments(arguments), input: .none,
                        output: .data(limit: Self.outputLimit), error: .data(limit: Self.outputLimit))
                    let status: Int32 =
                        switch run.terminationStatus {
                        case .exited(let code): code
                        case .signaled(let signal): 128 + signal
                        }
                    return Result(
                        status: status, output: run.standardOutput, errors: run.standardError, timedOut: false)
                } catch let error as SubprocessError where error.code == .executableNotFound {
                    return Result(
                        status: 127, output: Data(), errors: Data("\(tool): not found".utf8), timedOut: false)
                }
            }
            group.addTask {
                try await Task.sleep(for: timeLimit)
                return nil
            }
            // The first to finish decides; cancelling the tool's run kills it.
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first ?? Result(status: -1, output: Data(), errors: Data(), timedOut: true)
        }
    }
}
