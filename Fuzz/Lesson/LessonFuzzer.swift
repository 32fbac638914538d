// libFuzzer entry over the lesson reader: each input is a lesson file, read as an English
// lesson and as a translation; a lesson that reads is also run, as `attn-repl run` would, under
// the same interrupt timer as the formula fuzzer.
import Engine

private let maximumInputBytes = 8192

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLesson(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size <= maximumInputBytes else { return -1 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let reader = LessonReader(file: "fuzz.md", text: text)
    _ = try? reader.translation()
    guard let lesson = try? reader.lesson() else { return 0 }
    InterruptTimer.start()
    defer { InterruptTimer.stop() }
    _ = try? LessonRunner.run(lesson)
    return 0
}
