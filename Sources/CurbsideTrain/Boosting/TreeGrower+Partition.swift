extension TreeGrower {
    /// Splits each node's run of `rowIndex` (and `orderedGradients`) stably into rows going left,
    /// then rows going right.
    /// - Returns: the number of rows going left, per split.
    ///
    /// Runs are cut into fixed blocks: each task sorts one block into scratch buffers, then each
    /// block's rows are copied to their place, found from the counts of the blocks before it.
    func partition(_ splits: [(OpenNode, SplitCandidate)]) -> [Int] {
        var blockList = [(split: Int, begin: Int, end: Int)]()
        for (index, (node, _)) in splits.enumerated() {
            var begin = node.begin
            while begin < node.end {
                let end = min(node.end, begin + Self.partitionBlock)
                blockList.append((index, begin, end))
                begin = end
            }
        }
        let blocks = blockList
        // A bin → side table per split (1 = left).
        var tables = [UInt8](repeating: 0, count: splits.count * 256)
        for (index, (_, split)) in splits.enumerated() {
            for bin in 0..<256 where split.leftBins.contains(UInt8(bin)) { tables[index * 256 + bin] = 1 }
        }
        let features = splits.map { $0.1.feature }
        var leftCounts = [Int](repeating: 0, count: blocks.count)
        let rows = SharedPointer(rowIndex)
        let lefts = SharedPointer(leftScratch)
        let rights = SharedPointer(rightScratch)
        let gradients = SharedPointer(orderedGradients)
        let leftGradients = SharedPointer(self.leftGradients)
        let rightGradients = SharedPointer(self.rightGradients)
        let bins = SharedReadPointer(UnsafePointer(self.bins))
        let rowCount = self.rowCount
        tables.withUnsafeBufferPointer { tableBuffer in
            let table = SharedReadPointer(tableBuffer.baseAddress!)
            leftCounts.withUnsafeMutableBufferPointer { countBuffer in
                let counts = SharedPointer(countBuffer.baseAddress!)
                pool.run(tasks: blocks.count) { task in
                    let block = blocks[task]
                    let side = table + block.split * 256
                    let column = bins + features[block.split] * rowCount
                    var left = block.begin
                    var right = block.begin
                    // Branch-free: write the row to both sides, advance one.
                    for position in block.begin..<block.end {
                        let row = rows[position]
                        let pair = gradients[position]
                        let goesLeft = Int(side[Int(column[Int(row)])])
                        lefts[left] = row
                        rights[right] = row
                        leftGradients[left] = pair
                        rightGradients[right] = pair
                        left &+= goesLeft
                        right &+= 1 &- goesLeft
                    }
                    counts[task] = left - block.begin
                }
            }
        }
        // Destinations: lefts of a split first, in block order, then its rights.
        var totals = [Int](repeating: 0, count: splits.count)
        for (task, block) in blocks.enumerated() { totals[block.split] += leftCounts[task] }
        var leftNext = splits.map { $0.0.begin }
        var rightNext = zip(splits, totals).map { $0.0.begin + $1 }
        var destinations = [(left: Int, right: Int)]()
        for (task, block) in blocks.enumerated() {
            destinations.append((leftNext[block.split], rightNext[block.split]))
            leftNext[block.split] += leftCounts[task]
            rightNext[block.split] += block.end - block.begin - leftCounts[task]
        }
        let finalCounts = leftCounts
        let finalDestinations = destinations
        pool.run(tasks: blocks.count) { task in
            let block = blocks[task]
            let leftCount = finalCounts[task]
            let (left, right) = finalDestinations[task]
            let rightCount = block.end - block.begin - leftCount
            (rows + left).update(from: lefts + block.begin, count: leftCount)
            (rows + right).update(from: rights + block.begin, count: rightCount)
            (gradients + left).update(from: leftGradients + block.begin, count: leftCount)
            (gradients + right).update(from: rightGradients + block.begin, count: rightCount)
        }
        return totals
    }
}
