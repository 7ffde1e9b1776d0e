import CurbsideCommands

await CurbsideMain.main()
