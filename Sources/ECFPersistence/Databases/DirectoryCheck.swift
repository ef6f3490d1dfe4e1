import Foundation

/// Makes sure a directory exists and can be written, with an error that names the setting.
public enum DirectoryCheck {
    public static func ensureWritable(_ directory: URL, setting: String) throws {
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw PersistenceError.notWritable(
                "\(setting): cannot create \(directory.path) (\(reason(error)))")
        }
        let probe = directory.appendingPathComponent(".write-check-\(UUID().uuidString)")
        guard manager.createFile(atPath: probe.path, contents: Data()) else {
            throw PersistenceError.notWritable("\(setting): cannot write in \(directory.path) (permission denied)")
        }
        try? manager.removeItem(at: probe)
    }

    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
            let posix = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(posix.rawValue))
        }
        return nsError.localizedDescription
    }
}
