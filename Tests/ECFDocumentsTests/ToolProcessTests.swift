import Foundation
import Synchronization
import Testing

@testable import ECFDocuments

/// The tools that inspect a filing run as processes with a time limit (`ToolProcess`).
@Suite("Running a tool with a time limit")
struct ToolProcessTests {
    let tools = ToolProcess(timeLimit: .seconds(20))

    @Test(arguments: [true, false]) func aToolsStatusAndBothOutputsComeBack(served: Bool) async throws {
        let tools = ToolProcess(timeLimit: .seconds(20), servesTools: served)
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
    @Test(arguments: [true, false]) func aToolSeesOnlyPathAndTheLocaleOfTheServersEnvironment(served: Bool)
        async throws
    {
        let tools = ToolProcess(timeLimit: .seconds(20), servesTools: served)
        setenv("OPENECF_TOOL_TEST_SECRET", "hunter2", 1)
        defer { unsetenv("OPENECF_TOOL_TEST_SECRET") }
        let seen = Set(try await tools.run("env", []).text.split(separator: "\n").map(String.init))
        #expect(seen == ["PATH=\(ProcessInfo.processInfo.environment["PATH"] ?? "")", "LC_ALL=C.UTF-8"])
    }

    @Test(arguments: [true, false]) func aToolPastItsTimeLimitIsStopped(served: Bool) async throws {
        let started = ContinuousClock.now
        let hung = try await ToolProcess(timeLimit: .milliseconds(300), servesTools: served).run("sleep", ["600"])
        #expect(hung.timedOut)
        // Killed, not waited for: ten minutes would have passed.
        #expect(ContinuousClock.now - started < .seconds(120))
    }

    /// Many tools at once while the process holds many open files, as a server holding every
    /// court's database does while filings are inspected; Foundation's `Process` crashed here.
    @Test(arguments: [true, false]) func manyToolsAtOnceWithManyFilesOpen(served: Bool) async throws {
        let tools = ToolProcess(timeLimit: .seconds(20), servesTools: served)
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

    /// A tool runs as a fork of its fork server, started once (`ToolForkServer`), where the
    /// server's library is beside the executable, as `swift build` puts it; or as a process of its
    /// own.
    @Test func aToolRunsAsAForkOfItsServerStartedOnce() async throws {
        let served = try await tools.run("sh", ["-c", "echo $PPID"]).text
        #expect(try await tools.run("sh", ["-c", "echo $PPID"]).text == served)
        #expect(served != "\(getpid())\n")
        let own = try await ToolProcess(timeLimit: .seconds(20), servesTools: false).run("sh", ["-c", "echo $PPID"])
        #expect(own.text == "\(getpid())\n")
    }

    /// A run that crashes stops its server (the runs share its memory layout, which a hostile file
    /// could learn by crashing one); the next run starts a new server and runs. With bash, whose
    /// server no other test uses: the tests run at once, and stopping the server of `sh` would
    /// send another test's run to a process of its own.
    @Test func aRunThatCrashesGetsTheNextRunANewServer() async throws {
        let before = try await tools.run("bash", ["-c", "echo $PPID"]).text
        let crashed = try await tools.run("bash", ["-c", "kill -SEGV $$"])
        #expect(
            crashed.status == 128 + SIGSEGV && !crashed.timedOut,
            "\(crashed) \(String(decoding: crashed.errors, as: UTF8.self))")
        var after = try await tools.run("bash", ["-c", "echo $PPID"])
        // The old server may still be going when the next run comes; that run is run again.
        for _ in 0..<50 where after.text == before {
            try await Task.sleep(for: .milliseconds(20))
            after = try await tools.run("bash", ["-c", "echo $PPID"])
        }
        #expect(after.status == 0 && after.text != before && !after.text.isEmpty, "\(after) \(before)")
    }

    /// A run whose caller no longer waits (the inspector has its answer) is killed, not waited for.
    @Test(arguments: [true, false]) func aRunWhoseCallerIsCancelledIsKilled(served: Bool) async throws {
        let tools = ToolProcess(timeLimit: .seconds(600), servesTools: served)
        let started = ContinuousClock.now
        let run = Task { try await tools.run("sleep", ["600"]) }
        try await Task.sleep(for: .milliseconds(200))
        run.cancel()
        await #expect(throws: CancellationError.self) { try await run.value }
        // Cancelled before it has begun, it is killed too.
        let early = Task { try await tools.run("sleep", ["600"]) }
        early.cancel()
        await #expect(throws: CancellationError.self) { try await early.value }
        #expect(ContinuousClock.now - started < .seconds(120))
    }
}
