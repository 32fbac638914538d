// libFuzzer entry over the file readers `:load` uses: each input is read as a .npy, a .csv
// and a .json file. A tensor that reads is written back in each format and read again (what
// `:save` writes, `:load` must read). Nothing may crash, hang or take unbounded memory.
import Engine
import FoundationEssentials

private let maximumInputBytes = 65536

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFileReaders(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size <= maximumInputBytes else { return -1 }
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    InterruptTimer.start()
    defer { InterruptTimer.stop() }
    let readers: [(Data) throws -> LoadedTensor] = [NpyFile.read, CSVFile.read, JSONTensorFile.read]
    for read in readers {
        guard let loaded = try? read(bytes) else { continue }
        // Small tensors only: encoding every element at full precision is not what is fuzzed.
        guard loaded.tensor.shape.count <= 64 else { continue }
        if let npy = try? NpyFile.encode(loaded.tensor) { _ = try? NpyFile.read(npy.data) }
        if let csv = try? CSVFile.encode(loaded.tensor) { _ = try? CSVFile.read(csv.data) }
        if let json = try? JSONTensorFile.encode(loaded.tensor, digits: 6) { _ = try? JSONTensorFile.read(json.data) }
    }
    return 0
}
