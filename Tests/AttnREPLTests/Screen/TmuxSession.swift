// Drives the real binary in a detached tmux session on a private socket: send keys, read
// the screen, resize, and learn how the program exited. For the end-to-end screen tests.
import Foundation
import Synchronization

final class TmuxSession {
    let socket: String
    let stateDirectory: URL
    /// Numbers the sockets of this test process. Atomic: suites run in parallel, and two
    /// sessions that drew the same number shared one tmux server — each read the other's
    /// screen and typed into it, and the first to end killed both.
    private static let counter = Atomic<Int>(0)

    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")
    }

    /// Starts `attn-repl ARGS` at the given size; the command runs under sh so that what it
    /// leaves behind (the exit status, the terminal modes) can be printed after it ends.
    /// `environment` (`NAME=value`) is set for the program only: tmux sets TERM for the pane.
    init(_ arguments: [String], cols: Int = 100, rows: Int = 30, environment: [String] = [], afterExit: String = "") throws {
        let number = TmuxSession.counter.add(1, ordering: .relaxed).newValue
        socket = "attn-test-\(getpid())-\(number)"
        stateDirectory = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try FileManager.default.createDirectory(at: stateDirectory, withIntermediateDirectories: true)
        let command = (environment.isEmpty ? [] : ["env"] + environment) + [BinaryRunner.executable.path] + arguments
        let quoted = command.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let script = quoted.joined(separator: " ") + "; echo \"EXIT=$?\"; " + afterExit + " sleep 30"
        let env = ["XDG_STATE_HOME=\(stateDirectory.path)/state", "XDG_DATA_HOME=\(stateDirectory.path)/data",
                   "LANG=C.UTF-8", "SWIFT_BACKTRACE=interactive=no", "NO_COLOR="]
        try TmuxSession.startServer(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "\(cols)", "-y", "\(rows)"]
                                    + env.flatMap { ["-e", $0] } + ["sh", "-c", script])
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: stateDirectory)
    }

    /// Runs one tmux client command and returns what it printed. Spawned and reaped here rather
    /// than with Foundation's Process, whose waitUntilExit sometimes never returned under load
    /// (the client left as a zombie, the whole test run hanging).
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        try TmuxSession.output(of: ["tmux", "-L", socket] + arguments)
    }

    /// Runs `argv` and returns what it printed. Spawned and reaped here rather than with
    /// Foundation's Process, whose waitUntilExit once never returned under load (the tmux
    /// client left a zombie and the whole test run hung).
    private static func output(of argv: [String]) throws -> String {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw CocoaError(.fileReadUnknown) }
        let pid: pid_t
        do {
            pid = try spawn(argv, standardOutput: ends[1])
        } catch {
            close(ends[0])
            close(ends[1])
            throw error
        }
        close(ends[1])
        var output = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(ends[0], &buffer, buffer.count)
            if n > 0 { output += buffer[0..<n]; continue }
            if n < 0 && errno == EINTR { continue }
            break
        }
        close(ends[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return String(decoding: output, as: UTF8.self)
    }

    /// Starts `argv` with standard input and error on /dev/null, standard output on
    /// `standardOutput` (or /dev/null), and no other inherited descriptor.
    private static func spawn(_ argv: [String], standardOutput: Int32? = nil) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd in Int32(0)...2 { posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", O_RDWR, 0) }
        if let standardOutput { posix_spawn_file_actions_adddup2(&actions, standardOutput, 1) }
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for fd in open.compactMap({ Int32($0) }) where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
        // No signal blocked and none ignored: the test process's threads block signals (the
        // Engine's helper threads do), a spawned tmux server would inherit that mask, and a
        // server with SIGTERM blocked never obeys `kill-server` — each test left one running.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, argv[0], &actions, &attributes, &cArgs, environ) == 0 else {
            throw CocoaError(.executableNotLoadable)
        }
        return pid
    }

    /// Runs the command that starts the tmux server. Not with Foundation's Process: the server
    /// outlives the command and would inherit the descriptors Process (and `swift test`)
    /// wait on for end of file, so both would hang until the server exits. Here it gets
    /// /dev/null and nothing else.
    private static func startServer(_ argv: [String]) throws {
        let pid = try spawn(argv)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }

    func send(_ keys: String...) throws { try tmux(["send-keys"] + keys) }
    func type(_ text: String) throws { try tmux(["send-keys", "-l", text]) }

    var screen: String { (try? tmux(["capture-pane", "-p"])) ?? "" }

    /// Waits until the screen shows `text` (the program redraws within a poll of 100 ms).
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 15) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if screen.contains(text) { return true }
            usleep(50_000)
        }
        return false
    }

    func waitUntilGone(_ text: String, timeout: Double = 15) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if !screen.contains(text) { return true }
            usleep(50_000)
        }
        return false
    }

    func resize(cols: Int, rows: Int) throws {
        try tmux(["resize-window", "-x", "\(cols)", "-y", "\(rows)"])
    }

    /// The pid of attn-repl (the child of the pane's shell).
    var programPID: Int32? {
        guard let shell = Int32((try? tmux(["display-message", "-p", "#{pane_pid}"]))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") else { return nil }
        let children = (try? TmuxSession.output(of: ["pgrep", "-P", "\(shell)"])) ?? ""
        return children.split(separator: "\n").first.flatMap { Int32($0) }
    }
}
