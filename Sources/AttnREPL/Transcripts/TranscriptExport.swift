// Writing a transcript in one of the export formats, to a file that appears whole or not at
// all, and never over an existing file unless asked.
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

enum ExportFormat: String, CaseIterable {
    case md, json, html, ipynb

    func render(_ document: TranscriptDocument) -> String {
        switch self {
        case .md: return MarkdownExport(document: document).render()
        case .json: return document.json()
        case .html: return HTMLExport(document: document).render()
        case .ipynb: return NotebookExport(document: document).render()
        }
    }

    static let names = allCases.map(\.rawValue).joined(separator: "|")
}

enum ExportFile {
    /// Writes via a temporary file in the same directory. Without `force` the temporary file
    /// is hard-linked to the name, which fails if the name exists, so nothing is replaced
    /// even by a file that appears meanwhile; with `force` it is renamed over it.
    static func write(_ text: String, to url: URL, force: Bool) throws {
        let directory = url.deletingLastPathComponent()
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory else {
            throw TranscriptError("cannot write \(url.path): no directory \(directory.path)")
        }
        if !force, FileManager.default.fileExists(atPath: url.path) {
            throw TranscriptError("\(url.path) already exists; give another name, or --force to replace it")
        }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
        } catch {
            throw TranscriptError("cannot write \(url.path): \(FileSystem.describe(error))")
        }
        defer { unlink(temporary.path) }
        let ok = force ? rename(temporary.path, url.path) == 0 : link(temporary.path, url.path) == 0
        guard ok else {
            let reason = errno == EEXIST ? "it already exists; give another name, or --force to replace it"
                                         : String(cString: strerror(errno))
            throw TranscriptError("cannot write \(url.path): \(reason)")
        }
    }
}
