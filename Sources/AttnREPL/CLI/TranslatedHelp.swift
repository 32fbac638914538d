// `--help` in a language other than English (SPEC §5: with --lang zh, help is Chinese too).
// ArgumentParser writes the English help screen, which is printed untouched. Under another
// --lang the same screen is built again from the command definitions — the commands'
// configurations and ArgumentParser's own description of their options (CommandDescription) —
// with every text looked up by its English wording in the language's help table, laid out as
// ArgumentParser lays it out, and wrapped by display width (a Chinese character takes two
// columns). A text missing from the table is shown in English; a test requires every one.
import ArgumentParser
import Engine

/// ArgumentParser's words around the help texts, in one language, and the help texts
/// themselves by their English wording.
struct HelpFrame {
    var overview: String
    var usage: String
    var arguments: String
    var options: String
    var subcommands: String
    /// The note after an option's help: its values, its default, or both.
    var values: (_ values: [String], _ defaultValue: String?) -> String
    var defaultValue: (String) -> String
    /// The line under the subcommands, given the command that shows their help (`attn-repl help`).
    var seeSubcommandHelp: (String) -> String
    var texts: [String: String]
}

enum TranslatedHelp {
    static func frame(for language: Language) -> HelpFrame? {
        switch language {
        case .en: return nil
        case .zh: return ChineseHelp.frame
        }
    }

    /// The commands whose help is shown in every language: the root and the subcommands its
    /// help lists (the hidden ones, for scripts/bench, keep English).
    static func displayedCommands(of root: ParsableCommand.Type) -> [ParsableCommand.Type] {
        [root] + root.configuration.subcommands.filter { $0.configuration.shouldDisplay }
    }

    /// `english`, a help screen ArgumentParser wrote (at the terminal's width) for `root` or one
    /// of its displayed subcommands, as that screen in `language`; nil for English, or for any
    /// other screen.
    static func screen(replacing english: String, root: ParsableCommand.Type, in language: Language) -> String? {
        guard let frame = frame(for: language) else { return nil }
        for command in displayedCommands(of: root) where root.helpMessage(for: command) == english {
            return screen(for: command, root: root, frame: frame, width: TerminalColumns.current)
        }
        return nil
    }

    /// The help screen of `command` (`root` or one of its subcommands) in `frame`'s language,
    /// `width` columns wide; nil when ArgumentParser's description cannot be read.
    static func screen(for command: ParsableCommand.Type, root: ParsableCommand.Type, frame: HelpFrame, width: Int) -> String? {
        guard let tree = CommandDescription.of(root) else { return nil }
        let isRoot = command == root
        guard let description = isRoot ? tree : tree.subcommand(command._commandName) else { return nil }
        let path = isRoot ? [root._commandName] : [root._commandName, command._commandName]
        func text(_ english: String) -> String { frame.texts[english] ?? english }

        var out = ""
        let configuration = command.configuration
        if !configuration.abstract.isEmpty {
            out += wrapped(frame.overview + text(configuration.abstract), width: width).joined(separator: "\n") + "\n\n"
        }
        if !configuration.discussion.isEmpty {
            out += wrapped(text(configuration.discussion), width: width).joined(separator: "\n") + "\n\n"
        }
        out += usage(root.usageString(for: command), path: path, heading: frame.usage, width: width) + "\n\n"

        let shown = (description.arguments ?? []).filter(\.shouldDisplay)
        let elements: (ArgumentDescription) -> Element = { argument in
            let values = (argument.allValues ?? []).filter { !$0.isEmpty }
            let defaultValue = argument.defaultValue.flatMap { $0.isEmpty ? nil : $0 }
            let note = !values.isEmpty ? frame.values(values, defaultValue) : defaultValue.map(frame.defaultValue) ?? ""
            return Element(label: argument.label, help: text(argument.abstract ?? ""), note: note, discussion: argument.discussion.map(text))
        }
        let subcommands = configuration.subcommands.filter { $0.configuration.shouldDisplay }.map {
            Element(label: $0._commandName, help: text($0.configuration.abstract), note: "", discussion: nil)
        }
        let sections = [
            (frame.arguments, shown.filter { $0.kind == .positional }.map(elements)),
            (frame.options, shown.filter { $0.kind != .positional }.map(elements)),
            (frame.subcommands, subcommands),
        ].filter { !$0.1.isEmpty }
        out += sections.map { heading, elements in
            heading + "\n" + elements.map { $0.rendered(width: width) }.joined()
        }.joined(separator: "\n")
        if !subcommands.isEmpty {
            out += "\n" + frame.seeSubcommandHelp(([path[0], "help"] + path.dropFirst()).joined(separator: " "))
        }
        return out
    }

    /// ArgumentParser's layout: the label indented 2, the help from column 26 (on the next
    /// line when the label reaches it).
    static let labelColumn = 26

    struct Element {
        var label: String
        var help: String
        /// The values and default (`（默认：6）`): on the help's last line when it fits, else
        /// on a line of its own, never broken in two when a line can hold it.
        var note: String
        var discussion: String?

        func rendered(width: Int) -> String {
            let label = "  " + label
            let indent = String(repeating: " ", count: TranslatedHelp.labelColumn)
            let helpWidth = width - TranslatedHelp.labelColumn
            var wrapped = help.isEmpty ? [] : TranslatedHelp.wrapped(help, width: helpWidth)
            if !note.isEmpty {
                if let last = wrapped.last, DisplayWidth.of(last + note) <= max(helpWidth, 16) {
                    wrapped[wrapped.count - 1] += note
                } else {
                    wrapped += TranslatedHelp.wrapped(note, width: helpWidth)
                }
            }
            var lines = wrapped.map { indent + $0 }
            if DisplayWidth.of(label) < TranslatedHelp.labelColumn, !lines.isEmpty {
                lines[0] = label + lines[0].dropFirst(DisplayWidth.of(label))
            } else {
                lines.insert(label, at: 0)
            }
            if let discussion, !discussion.isEmpty {
                lines += TranslatedHelp.wrapped(discussion, width: width - 8).map { String(repeating: " ", count: 8) + $0 }
            }
            return lines.map { $0 + "\n" }.joined()
        }
    }

    /// `text` wrapped to `width` columns, line by line; an indented line (an example command)
    /// continues two columns further in, so that it stays visibly one line.
    static func wrapped(_ text: String, width: Int) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            let indent = line.prefix { $0 == " " }.count
            let body = String(line.dropFirst(indent))
            guard !body.isEmpty else { return [""] }
            let pad = String(repeating: " ", count: indent)
            let bodyWidth = max(width - indent - (indent == 0 ? 0 : 2), 16)
            return TextWrap.wrap(body, width: bodyWidth).enumerated().map { k, line in
                (k == 0 || indent == 0 ? pad : pad + "  ") + line
            }
        }
    }

    /// The usage line after `heading`, wrapped between its words and bracketed groups, later
    /// lines starting under the first option.
    static func usage(_ usage: String, path: [String], heading: String, width: Int) -> String {
        var tokens: [String] = [], current = "", depth = 0
        for c in usage {
            if c == " " && depth == 0 {
                if !current.isEmpty { tokens.append(current) }
                current = ""
                continue
            }
            if c == "[" || c == "<" { depth += 1 } else if (c == "]" || c == ">") && depth > 0 { depth -= 1 }
            current.append(c)
        }
        if !current.isEmpty { tokens.append(current) }
        let indent = DisplayWidth.of(heading) + DisplayWidth.of(path.joined(separator: " ")) + 1
        var lines = [heading + tokens.prefix(path.count).joined(separator: " ")]
        for token in tokens.dropFirst(path.count) {
            if DisplayWidth.of(lines[lines.count - 1]) + 1 + DisplayWidth.of(token) > width, DisplayWidth.of(lines[lines.count - 1]) > indent {
                lines.append(String(repeating: " ", count: indent) + token)
            } else {
                lines[lines.count - 1] += " " + token
            }
        }
        return lines.joined(separator: "\n")
    }
}
