import CurbsideCommands
import CurbsideModel

Heap.useMappedBuffers()

await CurbsideMain.main()
