// The commands and options as ArgumentParser itself describes them (`_dumpHelp()`, the JSON of
// `--experimental-dump-help`, serialization version 0), read back into the few fields a help
// screen needs. The help in another language is built from this, so it lists exactly the
// options the command definitions declare, never a copy of them.
import ArgumentParser
import FoundationEssentials

struct CommandDescription: Decodable {
    var commandName: String
    var abstract: String?
    var discussion: String?
    var shouldDisplay: Bool
    var subcommands: [CommandDescription]?
    var arguments: [ArgumentDescription]?

    /// `root`'s tree of commands, or nil if ArgumentParser's description cannot be read (a
    /// version that changed its format: the caller keeps the English help).
    static func of(_ root: ParsableCommand.Type) -> CommandDescription? {
        struct Dump: Decodable { var serializationVersion: Int; var command: CommandDescription }
        guard let dump = try? JSONDecoder().decode(Dump.self, from: Data(root._dumpHelp().utf8)),
              dump.serializationVersion == 0 else { return nil }
        return dump.command
    }

    /// The subcommand named `name`.
    func subcommand(_ name: String) -> CommandDescription? {
        subcommands?.first { $0.commandName == name }
    }
}

struct ArgumentDescription: Decodable {
    enum Kind: String, Decodable { case positional, option, flag }

    struct Name: Decodable {
        enum Kind: String, Decodable { case long, short, longWithSingleDash }
        var kind: Kind
        var name: String

        var spelled: String {
            switch kind {
            case .long: return "--" + name
            case .short, .longWithSingleDash: return "-" + name
            }
        }
    }

    var kind: Kind
    var shouldDisplay: Bool
    var names: [Name]?
    var valueName: String?
    var abstract: String?
    var discussion: String?
    var defaultValue: String?
    var allValues: [String]?
    var allValueDescriptions: [String: String]?
    var sectionTitle: String?

    /// The label ArgumentParser puts before the help text: `<id>`, `--digits <digits>`,
    /// `-o, --output <output>` (short names first), `--float`.
    var label: String {
        let value = "<\(valueName ?? "value")>"
        guard kind != .positional else { return value }
        let spelled = (names ?? []).filter { $0.kind == .short }.map(\.spelled) + (names ?? []).filter { $0.kind != .short }.map(\.spelled)
        let joined = spelled.joined(separator: ", ")
        return kind == .option ? "\(joined) \(value)" : joined
    }
}
