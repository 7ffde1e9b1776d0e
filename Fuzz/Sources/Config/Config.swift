import CurbsideModel
import FuzzSupport

/// `curbside.yml` as the commands read it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput(data, size).text
    do {
        _ = try CurbsideConfig(yaml: text, file: "curbside.yml")
    } catch {
        // Every refusal names the file.
        fuzzCheck("\(error)".contains("curbside.yml"), "an error without the file's name: \(error)")
    }
    return 0
}
