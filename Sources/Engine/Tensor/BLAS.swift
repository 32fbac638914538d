// The only Swift file that calls BLAS: the float path's matrix product, OpenBLAS's dgemm
// (a 2048×64 by 64×2048 product is 268M multiply-adds; a plain loop took 0.6 s of a 1 s run).
import CBLAS

enum BLAS {
    /// A·B for row-major A (m×k) and B (k×n), IEEE double throughout.
    static func product(_ a: [Double], _ b: [Double], _ m: Int, _ k: Int, _ n: Int) -> [Double] {
        // Sizes are bounded by Limits.maximumElements, far below Int32.max.
        guard m > 0, n > 0, k > 0 else { return [Double](repeating: 0, count: m * n) }
        // With β = 0 dgemm writes C without reading it: no need to zero it first.
        return [Double](unsafeUninitializedCapacity: m * n) { pc, initialized in
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k),
                                1, pa.baseAddress, Int32(k), pb.baseAddress, Int32(n), 0, pc.baseAddress, Int32(n))
                }
            }
            initialized = m * n
        }
    }
}
