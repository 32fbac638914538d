// The human language the program speaks to the learner in: lesson prose, the screen's labels,
// messages. (Not the formula language, which is the same in every human language.)

public enum Language: String, Sendable, CaseIterable, Codable {
    case en, zh

    /// The language a transcript or setting names, English for anything unknown.
    public init(named name: String?) {
        self = name.flatMap(Language.init(rawValue:)) ?? .en
    }
}
