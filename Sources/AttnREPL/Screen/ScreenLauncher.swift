// Starting the full screen: only on a real terminal with a usable TERM, with a UTF-8
// character type so that CJK text draws and edits correctly (readline re-reads the locale).
import Foundation

enum ScreenLauncher {
    /// Runs the screen and returns true, or returns false at once when there is no usable terminal.
    static func run(state: ReplState, openLesson: Bool) -> Bool {
        useUTF8CharacterType()
        guard let terminal = CursesTerminal() else { return false }
        state.beginTranscript(journal: true)
        ScreenController(terminal: terminal, state: state, openLesson: openLesson).run()
        return true
    }

    private static func useUTF8CharacterType() {
        let env = ProcessInfo.processInfo.environment
        func utf8(_ v: String?) -> Bool { v.map { $0.lowercased().contains("utf-8") || $0.lowercased().contains("utf8") } ?? false }
        let effective = [env["LC_ALL"], env["LC_CTYPE"], env["LANG"]].compactMap { $0 }.first { !$0.isEmpty }
        if !utf8(effective) {
            if let all = env["LC_ALL"], !all.isEmpty { setenv("LC_ALL", "C.UTF-8", 1) }
            setenv("LC_CTYPE", "C.UTF-8", 1)
        }
        setlocale(LC_ALL, "")
    }
}
