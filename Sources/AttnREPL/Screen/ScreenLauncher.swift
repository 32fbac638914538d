// Starting the full screen: only on a real terminal with a usable TERM, with a UTF-8
// character type so that CJK text draws and edits correctly (readline re-reads the locale).

enum ScreenLauncher {
    /// Runs the screen and returns true, or returns false at once when there is no usable terminal.
    static func run(state: ReplState, openLesson: Bool) -> Bool {
        Readline.useUTF8CharacterType()
        guard let terminal = CursesTerminal() else { return false }
        state.beginTranscript(journal: true)
        ScreenController(terminal: terminal, state: state, openLesson: openLesson).run()
        return true
    }
}
