// The few file-system operations full Foundation has and FoundationEssentials lacks. The
// program imports only FoundationEssentials: libFoundation and ICU then never load, which
// roughly halves the start-up time of `attn-repl eval`.
import FoundationEssentials
import Engine
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

    /// The whole of a regular file of at most `limit` bytes (SPEC §8). The file is opened
    /// without blocking and checked with fstat before anything is read, so a FIFO, a device
    /// or a directory is refused at once instead of hanging or reading forever, and a file
    /// over the limit is refused before its bytes are read. Ctrl-C stops a long read.
    static func readRegularFile(_ path: String, limit: Int) throws -> Data {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { throw FileReadError.system(errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw FileReadError.system(errno) }
        let kind = status.st_mode & S_IFMT
        guard kind == S_IFREG else { throw FileReadError.notRegular(kindName(kind)) }
        guard Int(status.st_size) <= limit else { throw FileReadError.tooLarge(size: Int(status.st_size), limit: limit) }
        // A regular file never blocks; back to ordinary reads.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        var data = Data(capacity: Int(status.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        // One byte past the limit at most: the file may have grown since fstat.
        while data.count <= limit {
            do { try Engine.Interrupt.check() } catch { throw FileReadError.interrupted }
            let wanted = min(chunk.count, limit + 1 - data.count)
            let n = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, wanted) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw FileReadError.system(errno) }
            if n == 0 { break }
            data.append(contentsOf: chunk[..<n])
        }
        guard data.count <= limit else { throw FileReadError.tooLarge(size: data.count, limit: limit) }
        return data
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

    /// `a FIFO`, `a device`: what a file that is not regular is, for a message.
    static func kindName(_ kind: mode_t) -> Message {
        switch kind {
        case S_IFDIR: return "a directory"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        case S_IFLNK: return "a symbolic link"
        default: return "not a regular file"
        }
    }
}

/// Why `readRegularFile` read nothing; `description` is the part of a message after the file name.
enum FileReadError: Error, CustomStringConvertible {
    case system(Int32)
    case notRegular(Message)
    case tooLarge(size: Int, limit: Int)
    case interrupted

    var description: String { message.english }

    var message: Message {
        switch self {
        case let .system(number): return SystemError.message(number)
        case let .notRegular(kind): return "it is \(kind), not a regular file; attn-repl reads regular files only"
        case let .tooLarge(size, limit): return "it is too large (\(size) bytes; at most \(limit) are read)"
        case .interrupted: return "interrupted"
        }
    }

    /// What `readRegularFile` threw, as a message in any language.
    static func message(_ error: any Error) -> Message {
        (error as? FileReadError)?.message ?? Message(verbatim: "\(error)")
    }
}

extension POSIXError {
    init(_ number: Int32) { self.init(POSIXErrorCode(rawValue: number) ?? .EIO) }
}
