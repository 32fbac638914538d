// Where lessons come from: the ones built into the binary, the user's own directory
// ($XDG_DATA_HOME/attn-repl/lessons), and a directory named with --lessons. A later
// source overrides an earlier one lesson by lesson (same id).
import Engine
import FoundationEssentials

struct LessonLibrary {
    /// One lesson file set: the English file with formulas, and translations by language.
    private struct Entry {
        var english: (file: String, text: String)
        var translations: [String: (file: String, text: String)] = [:]
    }

    private var entries: [String: Entry] = [:]
    /// Files that could not be read as lessons; reported, never fatal.
    private(set) var problems: [LessonError] = []

    /// The per-user lessons directory.
    static var userDirectory: URL {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/share")
        return base.appendingPathComponent("attn-repl/lessons")
    }

    init(extraDirectory: String? = nil) {
        add(files: EmbeddedLessons.files.map { ("lessons/\($0.path)", $0.path, $0.text) })
        add(directory: LessonLibrary.userDirectory)
        if let extraDirectory { add(directory: URL(fileURLWithPath: extraDirectory), required: true) }
    }

    private mutating func add(directory: URL, required: Bool = false) {
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory else {
            if required { problems.append(LessonError(file: directory.path, line: nil, message: "no such lessons directory")) }
            return
        }
        var files: [(String, String, String)] = []
        for relative in FileSystem.subpaths(of: directory.path) {
            let url = directory.appendingPathComponent(relative)
            guard url.pathExtension == "md" else { continue }
            // Regular files only (a FIFO named *.md must not hang the program), at most 1 MiB.
            let data: Data
            do { data = try FileSystem.readRegularFile(url.path, limit: 1 << 20) } catch {
                problems.append(LessonError(file: url.path, line: nil, message: "not read: \(FileReadError.message(error))"))
                continue
            }
            files.append((url.path, relative, String(decoding: data, as: UTF8.self)))
        }
        add(files: files.sorted { $0.1 < $1.1 })
    }

    /// `relative` is `ID.md` for a lesson, `LANG/ID.md` for a translation.
    private mutating func add(files: [(file: String, relative: String, text: String)]) {
        var translations: [(String, String, String, String)] = []
        for f in files where !f.relative.hasSuffix("README.md") {
            let parts = f.relative.split(separator: "/")
            if parts.count == 2 {
                translations.append((String(parts[0]), String(parts[1].dropLast(3)), f.file, f.text))
            } else if parts.count == 1 {
                do {
                    let lesson = try LessonReader(file: f.file, text: f.text).lesson()
                    entries[lesson.id] = Entry(english: (f.file, f.text))
                } catch let e as LessonError {
                    problems.append(e)
                } catch {}
            }
        }
        for (language, id, file, text) in translations {
            guard entries[id] != nil else {
                problems.append(LessonError(file: file, line: nil, message: "a translation of \(id), but there is no lesson \(id)"))
                continue
            }
            entries[id]?.translations[language] = (file, text)
        }
    }

    var ids: [String] { entries.keys.sorted() }

    /// The lessons in teaching order, in a language where translated.
    func lessons(language: Language = .en) -> [Lesson] {
        ids.compactMap { try? lesson($0, language: language) }.sorted { ($0.order, $0.id) < ($1.order, $1.id) }
    }

    /// A lesson with its prose in `language` (English when there is no translation).
    func lesson(_ id: String, language: Language = .en) throws -> Lesson {
        guard let entry = entries[id] else {
            let known = ids.joined(separator: ", ")
            throw LessonError(file: id, line: nil, message: "no lesson with this id (lessons: \(known))")
        }
        var lesson = try LessonReader(file: entry.english.file, text: entry.english.text).lesson()
        guard language != .en, let t = entry.translations[language.rawValue] else { return lesson }
        let translation = try LessonReader(file: t.file, text: t.text).translation()
        guard translation.steps.count == lesson.steps.count else {
            throw LessonError(file: t.file, line: nil,
                              message: "has \(translation.steps.count) steps but \(entry.english.file) has \(lesson.steps.count)")
        }
        lesson.title = translation.title ?? lesson.title
        lesson.summary = translation.summary ?? lesson.summary
        lesson.introduction = translation.introduction
        lesson.language = language
        for (i, step) in translation.steps.enumerated() {
            lesson.steps[i].title = step.title
            lesson.steps[i].prose = step.prose
            lesson.steps[i].hint = step.hint ?? lesson.steps[i].hint
        }
        return lesson
    }
}
