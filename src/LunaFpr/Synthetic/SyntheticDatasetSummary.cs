namespace LunaFpr.Synthetic;

/// <summary>What one subset of a synthetic data set holds.</summary>
/// <param name="Subset">Subset number, 0–9.</param>
/// <param name="Scans">Scans in it.</param>
/// <param name="Nodules">Rows of annotations.csv (nodules ≥ 3 mm).</param>
/// <param name="Excluded">Rows of annotations_excluded.csv.</param>
/// <param name="Positives">Candidates of class 1.</param>
/// <param name="Negatives">Candidates of class 0.</param>
public sealed record SyntheticSubsetSummary(int Subset, int Scans, int Nodules, int Excluded, int Positives,
    int Negatives);

/// <summary>What <see cref="SyntheticDataset.Generate"/> wrote.</summary>
/// <param name="Subsets">One entry per subset, 0–9.</param>
/// <param name="Reused">Scans already complete on disk and not rendered again.</param>
/// <param name="Unlisted">Scans found in the subset folders that this data set does not list (left over from a
/// run with another seed or size); they are not in any list and would confuse tools that walk the folders.</param>
public sealed record SyntheticDatasetSummary(IReadOnlyList<SyntheticSubsetSummary> Subsets, int Reused, int Unlisted);
