// How values are shown, and in which language: one value that the session (ReplState) and
// the lesson it follows (LessonSession) share, so `:digits 10` reaches both at once.
import Engine

final class DisplaySettings {
    /// Significant digits shown.
    var digits: Int
    /// Compute in IEEE double instead of exactly.
    var float: Bool
    /// Also show every intermediate value.
    var trace: Bool
    var language: Language
    /// How messages name a setting they suggest: a session's command (`:float on`) where
    /// the learner types commands, else the command line's flag (`--float`).
    let settingNames: SettingNames

    init(digits: Int = 6, float: Bool = false, trace: Bool = false, language: Language = .en, settingNames: SettingNames = .flags) {
        self.digits = digits
        self.float = float
        self.trace = trace
        self.language = language
        self.settingNames = settingNames
    }

    /// The program's own words in the current language.
    var strings: any Strings { language.strings }
}
