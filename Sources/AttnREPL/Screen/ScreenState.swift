// What the screen shows besides the lesson itself: which tensor and cell are selected,
// scrolling, the last result or message, and which mode is on top.
import Engine

final class ScreenState {
    enum Mode { case home, lesson }
    var mode: Mode = .home
    var homeSelection = 0
    /// Index into the tensor entries of the current lesson view.
    var selectedTensor: Int?
    /// Tab selected a tensor: the arrows move its cell cursor until Esc.
    var cellMode = false
    var cellRow = 0
    var cellCol = 0
    /// The reader's place in the step document: a block and a line within it, so that a
    /// resize that re-flows the text keeps it (nil: the top).
    struct Place: Equatable {
        var anchor: Int
        var offset: Int
    }
    var place: Place?
    /// Lines from the last typed formula or command, shown until the next navigation.
    var output: [String] = []
    var errors: [String] = []
    var message: (text: String, tone: Style.Tone)?
    /// Output too long for its pane, or the help, shown over the whole screen until a key closes it.
    var pager: Pager?

    struct Pager {
        var lines: [String]
        var top: Int
        var error: Bool
        var help: Bool
    }

    func resetForStep() {
        output = []
        errors = []
        message = nil
        cellRow = 0
        cellCol = 0
        place = nil
        selectedTensor = nil
        cellMode = false
    }
}

/// A tensor as listed in the lesson view: inputs first, then each step's results.
struct TensorEntry {
    let name: String
    let value: Tensor
    /// -1 for inputs, else the 0-based step that produced it.
    let step: Int
    /// An exercise answer not yet predicted.
    let hidden: Bool

    static func entries(_ session: LessonSession) -> [TensorEntry] {
        var list = session.run.inputs.map { TensorEntry(name: $0.name, value: $0.value, step: -1, hidden: false) }
        for k in 0...session.step {
            for (name, value) in session.run.steps[k].tensors {
                list.removeAll { $0.name == name }       // a loop may reassign; show the latest
                list.append(TensorEntry(name: name, value: value, step: k, hidden: session.isHidden(name, inStep: k)))
            }
        }
        return list
    }
}
