import CurbsideModel

extension Dataset {
    /// SHA-256 of everything training reads: names, kinds, values (as `Float` bits, little-endian),
    /// labels and weights. Recorded in the model as the training-data hash.
    public var contentHash: String {
        var hasher = SHA256Hasher()
        hasher.updateField("curbside-dataset-1")
        hasher.updateField(String(rowCount))
        for (name, isCategorical) in zip(featureNames, categorical) {
            hasher.updateField(name)
            hasher.updateField(isCategorical ? "categorical" : "numeric")
        }
        for column in columns {
            column.map { $0.bitPattern.littleEndian }.withUnsafeBytes { hasher.update($0) }
        }
        hasher.update(labels)
        if let weights {
            hasher.updateField("weights")
            weights.map { $0.bitPattern.littleEndian }.withUnsafeBytes { hasher.update($0) }
        }
        return hasher.hex()
    }
}
