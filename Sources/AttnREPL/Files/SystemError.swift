// A system error (errno) as a message, so that it can be shown in the learner's language.
// The common ones a file or a stream meets are literal messages keyed by glibc's English text
// (ChineseProgramMessages has their Chinese); a rare one is shown as the system's own
// (English) strerror text in every language. A test checks the English texts match strerror.
import Engine
#if canImport(Glibc)
import Glibc
#endif

enum SystemError {
    /// glibc's strerror text of each errno with a translation.
    static let english: [Int32: String] = [
        ENOENT: "No such file or directory",
        EACCES: "Permission denied",
        EPERM: "Operation not permitted",
        EISDIR: "Is a directory",
        ENOTDIR: "Not a directory",
        ENOSPC: "No space left on device",
        EDQUOT: "Disk quota exceeded",
        EROFS: "Read-only file system",
        EEXIST: "File exists",
        EIO: "Input/output error",
        ENAMETOOLONG: "File name too long",
        ELOOP: "Too many levels of symbolic links",
        EFBIG: "File too large",
        EPIPE: "Broken pipe",
        EMFILE: "Too many open files",
        ENFILE: "Too many open files in system",
        ENOMEM: "Cannot allocate memory",
        EBUSY: "Device or resource busy",
        ETXTBSY: "Text file busy",
        ENXIO: "No such device or address",
        ENODEV: "No such device",
        EXDEV: "Invalid cross-device link",
        EINVAL: "Invalid argument",
        EAGAIN: "Resource temporarily unavailable",
        EINTR: "Interrupted system call",
        EBADF: "Bad file descriptor",
        ENOTEMPTY: "Directory not empty",
        EOVERFLOW: "Value too large for defined data type",
        ESTALE: "Stale file handle",
    ]

    /// `No such file or directory` for ENOENT, as a message a language's table can word.
    static func message(_ number: Int32) -> Message {
        if let text = english[number] { return Message(stringLiteral: text) }
        // Rare errors keep the system's wording (English), in every language.
        return Message(verbatim: String(cString: strerror(number)))
    }
}
