// The few file-system operations full Foundation has and FoundationEssentials lacks. The
// program imports only FoundationEssentials: libFoundation and ICU then never load, which
// roughly halves the start-up time of `attn-repl eval`.
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

enum FileSystem {
    /// `~/x.npy` and `~user/x.npy` as the shell means them; any other path as it is.
    static func expandingTilde(_ path: String) -> String {
        guard path.hasPrefix("~") else { return path }
        let slash = path.firstIndex(of: "/") ?? path.endIndex
        let user = String(path[path.index(after: path.startIndex)..<slash])
        let home = user.isEmpty ? FileManager.default.homeDirectoryForCurrentUser
                                : FileManager.default.homeDirectory(forUser: user)
        guard let home else { return path }
        var expanded = home.path + path[slash...]
        while expanded.count > 1, expanded.hasSuffix("/") { expanded.removeLast() }
        return expanded
    }

    /// Everything under `directory`, at every depth, as paths relative to it. Symbolic links
    /// are listed but not followed, and unreadable directories skipped, as Foundation's
    /// directory enumerator does (subpathsOfDirectory(atPath:) fails altogether on one).
    static func subpaths(of directory: String) -> [String] {
        var found: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory + "/" + relative) else { continue }
            for name in names {
                let subpath = relative.isEmpty ? name : relative + "/" + name
                found.append(subpath)
                let type = try? FileManager.default.attributesOfItem(atPath: directory + "/" + subpath)[.type] as? FileAttributeType
                if type == .typeDirectory { pending.append(subpath) }
            }
        }
        return found
    }

    /// At most `count` bytes from the start of a file (fewer at its end). Throws a POSIXError.
    static func read(_ url: URL, upTo count: Int) throws -> Data {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw POSIXError(errno) }
        defer { close(descriptor) }
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: min(count, 1 << 20))
        while data.count < count {
            let wanted = count - data.count
            let n = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, min($0.count, wanted)) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw POSIXError(errno) }
            if n == 0 { break }
            data.append(contentsOf: chunk[..<n])
        }
        return data
    }

    /// What went wrong with a file, as the system words it (`No such file or directory`).
    static func describe(_ error: Error) -> String {
        let cocoa = error as? CocoaError
        if let posix = (cocoa?.underlying ?? error) as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
        if let code = cocoa?.code, code == .fileReadNoPermission || code == .fileWriteNoPermission { return "permission denied" }
        if let code = cocoa?.code { return "file error \(code.rawValue)" }
        return "\(error)"
    }
}

extension POSIXError {
    init(_ number: Int32) { self.init(POSIXErrorCode(rawValue: number) ?? .EIO) }
}
