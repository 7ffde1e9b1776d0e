/// The program's version: part of every version id, the User-Agent and model metadata.
///
/// Raised whenever the same inputs give other files, so a new program's version never collides with a published
/// one (which is never rewritten). 0.2.0: the catalog shows whole REAL values of unpartitioned tables' samples as
/// integers. 0.3.0: a bronze row's place in its page (`row_index`, `byte_start`: they follow `ingest.page_size`) is
/// not summarised or shown in samples. 0.4.0: a page's lineage names only the tables its tags' queries read (a query
/// no tag uses is not run), and rows that are not UTF-8 or hold a text past `clean.max_text_bytes` go to quarantine.
public enum ProgramVersion {
    public static let current = "0.4.0"
}
