// Writing a transcript in one of the export formats, to a file that appears whole or not at
// all, and never over an existing file unless asked.
import FoundationEssentials
import Engine
#if canImport(Glibc)
import Glibc
#endif

enum ExportFormat: String, CaseIterable {
    case md, json, html, ipynb

    /// The export as text. Markdown and HTML have control characters from the transcript
    /// neutralised here, the one place every text export passes; JSON escapes them instead
    /// (`\u001b`), so it stays lossless.
    func render(_ document: TranscriptDocument) -> String {
        switch self {
        case .md: return ControlCharacters.neutralised(MarkdownExport(document: document).render())
        case .json: return document.json()
        case .html: return ControlCharacters.neutralised(HTMLExport(document: document).render())
        case .ipynb: return NotebookExport(document: document).render()
        }
    }

    static let names = allCases.map(\.rawValue).joined(separator: "|")
}

enum ExportFile {
    /// Writes whole or not at all (SafeFileWriter): never over an existing file unless
    /// `force`, never over anything that is not a regular file.
    static func write(_ text: String, to url: URL, force: Bool) throws {
        do {
            try SafeFileWriter.write(Data(text.utf8), to: url.path, replace: force)
        } catch SafeFileWriter.Problem.exists {
            throw TranscriptError("\(url.path) already exists; give another name, or --force to replace it")
        } catch {
            throw TranscriptError("cannot write \(url.path): \(SafeFileWriter.message(error))")
        }
    }
}
