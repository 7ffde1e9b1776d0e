import CurbsideCommands

#if canImport(Glibc)
    import CMalloc

    // Response bodies of tens of megabytes come and go once per page. glibc raises its mmap threshold after each
    // such buffer is freed, and later ones then stay in the heap, which does not shrink: peak memory grew with the
    // rows of a run (2M rows: 363 MB). A fixed threshold keeps big buffers mapped and returned when freed.
    _ = mallopt(M_MMAP_THRESHOLD, 4 << 20)
#endif

await CurbsideMain.main()
