import Foundation
import Synchronization

/// Runs a tool (qpdf, pdfinfo, pdftotext) with a time limit: a tool that hangs on a hostile file
/// is killed, and a crashing one only fails its own check.
struct Subprocess: Sendable {
    struct Result: Sendable {
        let status: Int32
        let output: Data
        let errors: Data
        let timedOut: Bool
        var text: String { String(decoding: output, as: UTF8.self) }
    }

    let timeLimit: Duration

    /// Waits for the tool on a thread of its own: Dispatch's shared pool has about one thread a
    /// core on Linux and is slow to add more for blocked work, so concurrent filings' inspections
    /// would wait for each other there.
    func run(_ tool: String, _ arguments: [String]) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                do {
                    continuation.resume(returning: try runBlocking(tool, arguments))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    private func runBlocking(_ tool: String, _ arguments: [String]) throws -> Result {
        let process = Process()
        if let path = Self.path(of: tool) {
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [tool] + arguments
        }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        let seconds = Double(timeLimit.components.seconds) + Double(timeLimit.components.attoseconds) / 1e18
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: timer)
        // Read while the tool writes, so a large output cannot fill the pipe and stall it.
        let err = Collected()
        let group = DispatchGroup()
        group.enter()
        Thread.detachNewThread {
            err.data = errors.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let out = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        let timedOut = !timer.isCancelled && process.terminationReason == .uncaughtSignal
        timer.cancel()
        return Result(status: process.terminationStatus, output: out, errors: err.data, timedOut: timedOut)
    }
}

extension Subprocess {
    private static let found = Mutex<[String: String]>([:])

    /// Where a tool is on the PATH, looked up once (starting `env` to find it costs a process
    /// more on every run); nil when it is not there yet, and `env` will say so.
    static func path(of tool: String) -> String? {
        if let known = found.withLock({ $0[tool] }) { return known }
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard
            let path = directories.map({ "\($0)/\(tool)" }).first(where: {
                FileManager.default.isExecutableFile(atPath: $0)
            })
        else { return nil }
        found.withLock { $0[tool] = path }
        return path
    }
}

/// The standard error a reader thread collects; read only after the thread is done.
private final class Collected: @unchecked Sendable {
    var data = Data()
}
