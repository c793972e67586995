using LunaFpr.Patches;

namespace LunaFpr.Learning.Training;

/// <summary>
/// LUNA16 ten-fold cross-validation (SPEC §4): fold k tests on subset k, validates on subset (k + 1) mod 10 and
/// trains on the other eight.
/// </summary>
public readonly record struct FoldSplit
{
    /// <summary>Number of LUNA16 subsets, subset0 … subset9.</summary>
    public const int SubsetCount = 10;

    /// <param name="fold">0 … 9.</param>
    /// <exception cref="ArgumentOutOfRangeException">For a fold outside 0 … 9.</exception>
    public FoldSplit(int fold)
    {
        if (fold is < 0 or >= SubsetCount)
        {
            throw new ArgumentOutOfRangeException(
                nameof(fold), fold, $"Fold {fold} does not exist; LUNA16 folds are 0 … {SubsetCount - 1}.");
        }

        Fold = fold;
    }

    public int Fold { get; }

    /// <summary>The subset held out for testing: k.</summary>
    public int TestSubset => Fold;

    /// <summary>The subset validated on after every epoch: (k + 1) mod 10.</summary>
    public int ValidationSubset => (Fold + 1) % SubsetCount;

    /// <summary>True for the eight subsets the fold trains on.</summary>
    public bool IsTraining(int subset) => subset != TestSubset && subset != ValidationSubset;

    /// <summary>
    /// Indices into <paramref name="entries"/> of the validation cubes: the original positives and all negatives of
    /// the validation subset (resampled positives are a training device, not candidates).
    /// </summary>
    public IReadOnlyList<int> ValidationIndices(IReadOnlyList<PatchEntry> entries)
    {
        var indices = new List<int>();
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (e.Subset == ValidationSubset && e.Kind != PatchKind.ResampledPositive)
            {
                indices.Add(i);
            }
        }

        return indices;
    }

    public override string ToString() =>
        $"fold {Fold} (test subset {TestSubset}, validation subset {ValidationSubset}, training the other eight)";
}
