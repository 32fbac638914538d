// The only Swift file that calls BLAS: the float path's matrix product, OpenBLAS's dgemm
// (a 2048×64 by 64×2048 product is 268M multiply-adds; a plain loop took 0.6 s of a 1 s run).
// OpenBLAS is loaded on the first float product rather than linked: loading it (with
// libgfortran, libquadmath and libstdc++, and its threads) cost every start-up ~2 ms.
import CBLAS
#if canImport(Glibc)
import Glibc
#endif

enum BLAS {
    /// Rows of A per dgemm call: small enough that Ctrl-C is noticed within a fraction of a
    /// second even for the largest product the limits allow, large enough to keep dgemm fast.
    static let rowsPerCall = 256

    static let library = "libopenblas.so.0"

    /// cblas_dgemm, looked up once (thread-safely: a static is initialised once).
    private static let dgemm = Result { try load(library) }

    /// cblas_dgemm from the shared library `name`; a Diagnostic when it cannot be loaded.
    static func load(_ name: String) throws(Diagnostic) -> attn_cblas_dgemm {
        guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL),
              let symbol = dlsym(handle, "cblas_dgemm") else {
            throw Diagnostic("the float path needs OpenBLAS (\(name)): install libopenblas0")
        }
        return unsafeBitCast(symbol, to: attn_cblas_dgemm.self)
    }

    /// A·B for row-major A (m×k) and B (k×n), IEEE double throughout. Interruptible between
    /// blocks of rows.
    static func product(_ a: [Double], _ b: [Double], _ m: Int, _ k: Int, _ n: Int) throws -> [Double] {
        // Sizes are bounded by Limits.maximumElements, far below Int32.max.
        guard m > 0, n > 0, k > 0 else { return [Double](repeating: 0, count: m * n) }
        let dgemm = try dgemm.get()
        // With β = 0 dgemm writes C without reading it: no need to zero it first.
        return try [Double](unsafeUninitializedCapacity: m * n) { pc, initialized in
            try a.withUnsafeBufferPointer { pa in
                try b.withUnsafeBufferPointer { pb in
                    for first in stride(from: 0, to: m, by: rowsPerCall) {
                        try Interrupt.check()
                        let rows = min(rowsPerCall, m - first)
                        dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(rows), Int32(n), Int32(k),
                              1, pa.baseAddress! + first * k, Int32(k), pb.baseAddress, Int32(n),
                              0, pc.baseAddress! + first * n, Int32(n))
                    }
                }
            }
            initialized = m * n
        }
    }
}
