import Foundation
import Synchronization
import Testing

@testable import ECFDocuments

/// The tools that inspect a filing run as processes with a time limit (`ToolProcess`).
@Suite("Running a tool with a time limit")
struct ToolProcessTests {
    let tools = ToolProcess(timeLimit: .seconds(20))

    @Test func aToolsStatusAndBothOutputsComeBack() async throws {
        let said = try await tools.run("sh", ["-c", "echo filed; echo damaged >&2; exit 3"])
        #expect(said.status == 3 && !said.timedOut)
        #expect(said.text == "filed\n")
        #expect(String(decoding: said.errors, as: UTF8.self) == "damaged\n")
        let missing = try await tools.run("no-such-pdf-tool", ["x.pdf"])
        #expect(missing.status == 127 && !missing.timedOut)
    }

    /// A tool is looked for on `PATH` once, where a shell would find it, and kept; one not
    /// installed is not kept, so it is looked for again.
    @Test func aToolIsFoundOnPathOnceAndKept() async throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let shell = path.split(separator: ":").map { "\($0)/sh" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        #expect(try await tools.run("sh", ["-c", "echo found"]).text == "found\n")
        #expect(ToolProcess.locations.withLock { $0["sh"] } == shell)
        #expect(try await tools.run("no-such-pdf-tool", []).status == 127)
        #expect(ToolProcess.locations.withLock { $0["no-such-pdf-tool"] } == nil)
    }

    /// A tool reading a hostile file gets the server's `PATH` and the C locale, none of the
    /// server's own variables (its settings, a password given in one).
    @Test func aToolSeesOnlyPathAndTheLocaleOfTheServersEnvironment() async throws {
        setenv("OPENECF_TOOL_TEST_SECRET", "hunter2", 1)
        defer { unsetenv("OPENECF_TOOL_TEST_SECRET") }
        let seen = Set(try await tools.run("env", []).text.split(separator: "\n").map(String.init))
        #expect(seen == ["PATH=\(ProcessInfo.processInfo.environment["PATH"] ?? "")", "LC_ALL=C.UTF-8"])
    }

    @Test func aToolPastItsTimeLimitIsStopped() async throws {
        let started = ContinuousClock.now
        let hung = try await ToolProcess(timeLimit: .milliseconds(300)).run("sleep", ["600"])
        #expect(hung.timedOut)
        // Killed, not waited for: ten minutes would have passed.
        #expect(ContinuousClock.now - started < .seconds(120))
    }

    /// Many tools at once while the process holds many open files, as a server holding every
    /// court's database does while filings are inspected; Foundation's `Process` crashed here.
    @Test func manyToolsAtOnceWithManyFilesOpen() async throws {
        let open = (0..<600).compactMap { _ in FileHandle(forReadingAtPath: "/dev/null") }
        defer { for handle in open { try? handle.close() } }
        let outputs = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for index in 0..<200 {
                group.addTask { (index, try await tools.run("echo", ["tool \(index)"]).text) }
            }
            return try await group.reduce(into: [Int: String]()) { $0[$1.0] = $1.1 }
        }
        #expect(outputs.count == 200)
        #expect((0..<200).allSatisfy { outputs[$0] == "tool \($0)\n" })
    }
}
