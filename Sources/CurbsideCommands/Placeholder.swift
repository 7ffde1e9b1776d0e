import CurbsideModel
public enum CurbsideMain { public static func main() async {} }
