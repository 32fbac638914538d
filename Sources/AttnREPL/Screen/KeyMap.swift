// Keys to actions while the input line is not focused. Pure, so it is tested directly.

enum Key: Equatable {
    case character(Character)
    case left, right, up, down, home, end, pageUp, pageDown, tab, backTab, enter, escape, backspace, delete
    case resize
    /// Alt+key (Escape then the key), for readline's word motions.
    case meta(Character)
    /// A control character (Ctrl-A is 1), for readline.
    case control(UInt8)
    case other(Int32)
}

enum ScreenAction: Equatable {
    case nextStep, previousStep, firstStep, lastStep
    case help, quit
    case nextTensor, previousTensor
    case cellUp, cellDown, cellLeft, cellRight, scrollUp, scrollDown
    case focusInput(initial: String)
    case open                       // Enter on the home screen
    case none
}

enum KeyMap {
    /// The keys shown in the status line.
    static let summary = "→/n next  ←/p back  Home/End  Tab tensor  ↑↓,. cell  ? help  q quit  type to enter formulas"
    static let summaryZh = "→/n 下一步  ←/p 上一步  Home/End  Tab 选张量  ↑↓,. 单元格  ? 帮助  q 退出  直接输入公式"

    static func action(for key: Key) -> ScreenAction {
        switch key {
        case .right, .character("n"), .character(" "): return .nextStep
        case .left, .character("p"): return .previousStep
        case .home: return .firstStep
        case .end: return .lastStep
        case .character("?"): return .help
        case .character("q"): return .quit
        case .tab: return .nextTensor
        case .backTab: return .previousTensor
        case .up: return .cellUp
        case .down: return .cellDown
        case .character(","): return .cellLeft
        case .character("."): return .cellRight
        case .pageUp: return .scrollUp
        case .pageDown: return .scrollDown
        case .enter: return .open
        case .escape, .resize, .backspace, .delete, .other, .meta, .control: return .none
        case let .character(c):
            // Anything printable starts a formula or a command on the input line.
            if c.isLetter || c.isNumber || "[(:\\-+_#=".contains(c) || !c.isASCII { return .focusInput(initial: String(c)) }
            return .none
        }
    }
}
