import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Makes sure a directory exists and can be written, with an error that names the setting and the
/// system's own reason.
public enum DirectoryCheck {
    public static func ensureWritable(_ directory: URL, setting: String) throws {
        let path = directory.standardizedFileURL.path
        if let failure = makeDirectories(path) {
            throw PersistenceError.notWritable("\(setting): cannot create \(failure.path) (\(failure.reason))")
        }
        guard access(path, W_OK | X_OK) == 0 else {
            throw PersistenceError.notWritable(
                "\(setting): cannot write in \(path) (\(String(cString: strerror(errno))))")
        }
        let probe = directory.appendingPathComponent(".write-check-\(UUID().uuidString)").path
        let descriptor = open(probe, O_CREAT | O_WRONLY | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw PersistenceError.notWritable(
                "\(setting): cannot write in \(path) (\(String(cString: strerror(errno))))")
        }
        close(descriptor)
        unlink(probe)
    }

    /// `mkdir -p`, reporting the first directory that could not be made and why.
    static func makeDirectories(_ path: String) -> (path: String, reason: String)? {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            return isDirectory.boolValue ? nil : (path, "a file is in the way")
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path, let failure = makeDirectories(parent) {
            return failure
        }
        if mkdir(path, 0o755) != 0, errno != EEXIST {
            return (path, String(cString: strerror(errno)))
        }
        return nil
    }
}
