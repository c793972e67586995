using LunaFpr.Learning.Tests.Fakes;
using LunaFpr.Learning.Training;
using LunaFpr.Patches;

namespace LunaFpr.Learning.Tests.Training;

public class FoldSplitTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(4, 5)]
    [InlineData(9, 0)]
    public void ValidationSubset_IsTheNextOneModuloTen(int fold, int validation)
    {
        var split = new FoldSplit(fold);

        Assert.Equal(fold, split.TestSubset);
        Assert.Equal(validation, split.ValidationSubset);
        Assert.Equal(8, Enumerable.Range(0, 10).Count(split.IsTraining));
    }

    [Fact]
    public void ValidationIndices_HoldOriginalPositivesAndNegativesOfTheValidationSubsetOnly()
    {
        var source = new SyntheticPatchSource([8, 9, 0], resampled: 2, original: 1, negatives: 3);

        var indices = new FoldSplit(8).ValidationIndices(source.Entries);

        Assert.Equal(4, indices.Count);
        Assert.All(indices, i => Assert.Equal(9, source.Entries[i].Subset));
        Assert.DoesNotContain(indices, i => source.Entries[i].Kind == PatchKind.ResampledPositive);
    }

    [Fact]
    public void Constructor_RejectsFoldTen()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new FoldSplit(10));

        Assert.Contains("0 … 9", error.Message);
    }
}
