// Writing a file the learner named (`:save`, `:export`, `attn-repl export -o`): the bytes go
// to a temporary file beside the target, which is then linked (a new file) or renamed (a
// replaced one) into place, so the target appears whole or not at all (SPEC §7). Only a
// regular file is ever replaced: a device, a FIFO, a directory, a socket or a dangling
// symbolic link is refused even when replacing was asked for, so `--force -o /dev/null`
// run as root cannot turn the device into a file.
import Engine
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

enum SafeFileWriter {
    enum Problem: Error, CustomStringConvertible {
        /// The name exists and replacing was not asked for.
        case exists
        /// The name is something other than a regular file (`a device`, …).
        case notRegular(Message)
        case noDirectory(String)
        case system(Int32)

        var description: String { message.english }

        var message: Message {
            switch self {
            case .exists: return "it already exists"
            case let .notRegular(kind): return "it is \(kind); attn-repl only ever replaces regular files"
            case let .noDirectory(path): return "there is no directory \(path)"
            case let .system(number): return SystemError.message(number)
            }
        }
    }

    /// What went wrong writing, for a message: the problem's own words, or the error's text.
    static func message(_ error: any Error) -> Message {
        (error as? Problem)?.message ?? "\(String(describing: error))"
    }

    /// Writes `data` to `path`. Without `replace` an existing name is never touched, even one
    /// that appears while writing. A symbolic link to a regular file is written through
    /// (the file it names is replaced, the link kept).
    static func write(_ data: Data, to path: String, replace: Bool) throws {
        var target = path
        var status = stat()
        if lstat(target, &status) == 0 {
            if status.st_mode & S_IFMT == S_IFLNK {
                guard stat(target, &status) == 0 else { throw Problem.notRegular("a symbolic link to nothing (\(path))") }
                guard let resolved = realpath(target, nil) else { throw Problem.system(errno) }
                target = String(cString: resolved)
                free(resolved)
            }
            guard status.st_mode & S_IFMT == S_IFREG else { throw Problem.notRegular(FileSystem.kindName(status.st_mode & S_IFMT)) }
            guard replace else { throw Problem.exists }
        } else if errno != ENOENT {
            throw Problem.system(errno)
        }
        let directory = URL(fileURLWithPath: target).deletingLastPathComponent().path
        var directoryStatus = stat()
        guard stat(directory, &directoryStatus) == 0, directoryStatus.st_mode & S_IFMT == S_IFDIR else {
            throw Problem.noDirectory(directory)
        }
        let name = URL(fileURLWithPath: target).lastPathComponent
        let temporary = directory + "/.\(name).\(getpid()).tmp"
        try writeNew(data, to: temporary)
        defer { unlink(temporary) }
        if replace {
            // Checked again just before the rename: the name may have changed meanwhile.
            if lstat(target, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
                throw Problem.notRegular(FileSystem.kindName(status.st_mode & S_IFMT))
            }
            guard rename(temporary, target) == 0 else { throw Problem.system(errno) }
        } else {
            // link(2) fails if the name exists, whatever appeared there since the check.
            guard link(temporary, target) == 0 else { throw errno == EEXIST ? Problem.exists : Problem.system(errno) }
        }
    }

    /// Creates `path` (which must not exist) with `data`, every write and the close checked.
    private static func writeNew(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o666)
        guard descriptor >= 0 else { throw Problem.system(errno) }
        var failure: Int32?
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { failure = n < 0 ? errno : ENOSPC; return }
                offset += n
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == nil { failure = errno }
        if let failure {
            unlink(path)
            throw Problem.system(failure)
        }
    }
}
