/// The program's version: part of every version id, the User-Agent and model metadata.
public enum ProgramVersion {
    public static let current = "0.1.0"
}
