// A message that suggests changing a setting (`use --float for an approximation`) names it
// the way the reader can change it. On the command line that is a flag; inside a session
// (the line REPL, the screen) no flag can be given, so the session's command is named.
// The Engine writes the suggestion once, as `\(setting: .float)`; whoever shows the
// message chooses the names.

/// A setting a message may suggest changing.
public enum SuggestedSetting: Sendable, Equatable {
    /// Computing in IEEE double instead of exactly.
    case float
    /// How many significant digits are shown.
    case digits
}

/// How messages name the settings they suggest.
public enum SettingNames: Sendable, Equatable {
    /// `--float`, `--digits`: for `eval`, `run` and the other commands of the command line.
    case flags
    /// `:float on`, `:digits N`: inside a session.
    case commands

    public func name(_ setting: SuggestedSetting) -> String {
        switch (self, setting) {
        case (.flags, .float): return "--float"
        case (.flags, .digits): return "--digits"
        case (.commands, .float): return ":float on"
        case (.commands, .digits): return ":digits N"
        }
    }
}
