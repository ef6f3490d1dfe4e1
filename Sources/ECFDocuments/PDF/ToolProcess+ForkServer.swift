import ECFToolServerProtocol
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

extension ToolProcess {
    /// A tool's fork server, or that the tool could not be served.
    enum ServerSlot {
        case serving(ToolForkServer)
        case unserved
    }

    /// Each tool's fork server, by the tool's path.
    static let servers = Mutex<[String: ServerSlot]>([:])

    /// The tool's fork server, started if it has none or its last has gone; nil where there is no
    /// library or the tool cannot be served (its first server went before a run ended).
    static func server(for path: String) -> ToolForkServer? {
        servers.withLock { servers in
            if case .serving(let server) = servers[path] {
                if !server.isGone { return server }
                if !server.hasServed {
                    servers[path] = .unserved
                    return nil
                }
            }
            if case .unserved = servers[path] { return nil }
            guard let server = ToolForkServer.start(path, environment: variables) else {
                servers[path] = .unserved
                return nil
            }
            servers[path] = .serving(server)
            return server
        }
    }

    /// A run of the tool on its fork server, its outputs in files in memory; nil when the server
    /// could not run it (it had gone), to be run as a process of its own.
    func run(on server: ToolForkServer, _ path: String, _ arguments: [String]) async throws -> Result? {
        let output = ecf_tool_memory_file()
        let errors = ecf_tool_memory_file()
        defer {
            if output >= 0 { close(output) }
            if errors >= 0 { close(errors) }
        }
        guard output >= 0, errors >= 0 else { return nil }
        let run = await server.run(
            [path] + arguments, output: output, errors: errors, fileSizeLimit: Self.outputLimit,
            timeLimit: timeLimit)
        if run.cancelled { throw CancellationError() }
        if run.timedOut { return Self.timedOut }
        guard case .status(let status) = run.ending else { return nil }
        // Its memory layout is the next runs': a file that crashed one could learn it.
        if ecf_tool_crashed(status) != 0 { server.stop() }
        let code = ecf_tool_exit_code(status)
        if code == 128 + SIGXFSZ { throw OutputTooLarge(tool: path) }
        return Result(
            status: code, output: try Self.contents(of: output), errors: try Self.contents(of: errors),
            timedOut: false)
    }

    /// A tool wrote more than `outputLimit` bytes to an output.
    struct OutputTooLarge: Error {
        let tool: String
    }

    /// All a file holds, from its start (the tool's writes left its offset at the end).
    static func contents(of file: Int32) throws -> Data {
        let handle = FileHandle(fileDescriptor: file, closeOnDealloc: false)
        try handle.seek(toOffset: 0)
        return try handle.readToEnd() ?? Data()
    }
}
