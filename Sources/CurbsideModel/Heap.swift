#if canImport(Glibc)
    import CMalloc
#endif

/// glibc's malloc settings, which decide whether a buffer of megabytes, once freed, goes back to the system or stays
/// for the next one.
public enum Heap {
    /// For the whole program: buffers from 4 MiB are mapped on their own and returned when freed. Response bodies of
    /// tens of megabytes come and go once per page; glibc raises its threshold after each such buffer is freed, and
    /// later ones then stay in the heap, which does not shrink: peak memory grew with the rows of a run (2M rows:
    /// 363 MB). A fixed threshold keeps memory to what is in use.
    public static func useMappedBuffers() {
        #if canImport(Glibc)
            _ = mallopt(M_MMAP_THRESHOLD, 4 << 20)
            _ = mallopt(M_TRIM_THRESHOLD, 128 << 10)
        #endif
    }

    /// Runs `body` with freed buffers of up to 64 MiB kept in the heap for the next ones, then gives them back.
    ///
    /// For the NYC clean: each day it decompresses pages of 20 MB and lays out tens of megabytes of rows, all freed
    /// when the day is written. Mapped afresh each time, every page of them was a fault and a page the kernel
    /// cleared: of 8 s of CPU for a million rows, 1.5 s was the kernel's; kept, 0.65 s, and the clean 1 s shorter,
    /// for 40 to 70 MB more at its peak.
    public static func keepingFreedBuffers<T>(_ body: () throws -> T) rethrows -> T {
        #if canImport(Glibc)
            _ = mallopt(M_MMAP_THRESHOLD, 64 << 20)
            _ = mallopt(M_TRIM_THRESHOLD, 256 << 20)
            defer {
                useMappedBuffers()
                _ = malloc_trim(0)
            }
        #endif
        return try body()
    }
}
