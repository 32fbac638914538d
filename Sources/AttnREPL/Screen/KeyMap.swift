// Keys as the screen reads them, and what a key does in each state. Every key that types
// something goes to the input line; navigation uses keys that type nothing (and → ← Home End
// only while the input line is empty). Pure, so it is tested directly.

enum Key: Equatable {
    case character(Character)
    case left, right, up, down, home, end, pageUp, pageDown, tab, backTab, enter, escape, backspace, delete
    case controlLeft, controlRight, shiftUp, shiftDown, wheelUp, wheelDown, help
    case resize
    /// Alt+key (Escape then the key), for readline's word motions.
    case meta(Character)
    /// A control character (Ctrl-A is 1), for readline.
    case control(UInt8)
    case other(Int32)
}

enum ScreenAction: Equatable {
    case nextStep, previousStep, firstStep, lastStep
    case scrollLines(Int), scrollPages(Int)
    case nextTensor, previousTensor
    case cellUp, cellDown, cellLeft, cellRight
    case leaveSelection
    case chooseUp, chooseDown, open
    case help
    /// Give the key to the input line (readline).
    case edit
}

enum KeyMap {
    /// What the screen is doing when a key arrives.
    struct Context: Equatable {
        var home = false
        var inputEmpty = true
        var cellMode = false
    }

    static func action(for key: Key, in c: Context) -> ScreenAction {
        switch key {
        case .help: return .help
        case .pageUp: return .scrollPages(-1)
        case .pageDown: return .scrollPages(1)
        case .shiftUp, .wheelUp: return .scrollLines(key == .wheelUp ? -3 : -1)
        case .shiftDown, .wheelDown: return .scrollLines(key == .wheelDown ? 3 : 1)
        default: break
        }
        if c.home {
            switch key {
            case .up where c.inputEmpty: return .chooseUp
            case .down where c.inputEmpty: return .chooseDown
            case .enter where c.inputEmpty, .right where c.inputEmpty: return .open
            default: return .edit
            }
        }
        if c.cellMode && c.inputEmpty {
            switch key {
            case .up: return .cellUp
            case .down: return .cellDown
            case .left: return .cellLeft
            case .right: return .cellRight
            case .tab: return .nextTensor
            case .backTab: return .previousTensor
            case .escape: return .leaveSelection
            default: break
            }
        }
        switch key {
        case .controlRight, .meta("n"): return .nextStep
        case .controlLeft, .meta("p"): return .previousStep
        case .right where c.inputEmpty: return .nextStep
        case .left where c.inputEmpty: return .previousStep
        case .home where c.inputEmpty: return .firstStep
        case .end where c.inputEmpty: return .lastStep
        case .tab where c.inputEmpty: return .nextTensor
        case .backTab: return .previousTensor
        default: return .edit
        }
    }
}
