// libFuzzer entry over the transcript reader: each input is read as a journal (JSON Lines)
// and as a JSON export, as `replay`, `export` and `:sessions resume` read files; a document
// that reads is written back (the JSON export) and read again, and every input is
// neutralised as the program shows it. Nothing may crash or hang.
import Engine
import FoundationEssentials

private let maximumInputBytes = 16384

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTranscript(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size <= maximumInputBytes else { return -1 }
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: bytes, as: UTF8.self)
    var documents: [TranscriptDocument] = []
    if let d = try? TranscriptDocument.journal(text, name: "fuzz", path: "fuzz.jsonl") { documents.append(d) }
    if let d = try? TranscriptDocument.export(bytes, path: "fuzz.json") { documents.append(d) }
    for document in documents {
        let json = document.json()
        // What the program writes it must read back, with the same events.
        guard let again = try? TranscriptDocument.export(Data(json.utf8), path: "again.json") else {
            fatalError("a transcript's own JSON export does not read back")
        }
        precondition(again.events.filter { $0.type != .start } == document.events.filter { $0.type != .start })
        for event in document.events {
            if let input = event.input {
                let shown = ControlCharacters.neutralised(input)
                precondition(!shown.unicodeScalars.contains { $0.value == 0x1B || (0x80..<0xA0).contains($0.value) })
            }
        }
    }
    return 0
}
