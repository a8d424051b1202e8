import Foundation

/// Maps `items` on all cores, keeping the order of the results.
///
/// Each index is written by exactly one iteration, so the shared buffer needs no lock: the
/// buffers and the transform are shared with the iterations as `nonisolated(unsafe)`, the one
/// place where the compiler cannot see that (no safe form exists without a lock per item).
package func parallelMap<Item, Result>(_ items: [Item], _ transform: (Item) -> Result) -> [Result] {
    guard items.count > 1 else { return items.map(transform) }
    var results = [Result?](repeating: nil, count: items.count)
    results.withUnsafeMutableBufferPointer { buffer in
        items.withUnsafeBufferPointer { input in
            nonisolated(unsafe) let output = buffer
            nonisolated(unsafe) let input = input
            withoutActuallyEscaping(transform) { transform in
                nonisolated(unsafe) let work = transform
                DispatchQueue.concurrentPerform(iterations: input.count) { index in
                    output[index] = work(input[index])
                }
            }
        }
    }
    return results.map { $0! }
}
