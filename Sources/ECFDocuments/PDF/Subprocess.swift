import Foundation

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

    func run(_ tool: String, _ arguments: [String]) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
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
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
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
        DispatchQueue.global().async {
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

/// The standard error a reader thread collects; read only after the thread is done.
private final class Collected: @unchecked Sendable {
    var data = Data()
}
