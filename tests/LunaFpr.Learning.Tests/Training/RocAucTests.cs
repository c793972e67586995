using LunaFpr.Learning.Training;

namespace LunaFpr.Learning.Tests.Training;

public class RocAucTests
{
    [Fact]
    public void Compute_CountsOrderedPairsAndHalfTies()
    {
        // Positives 0.9, 0.5; negatives 0.5, 0.1, 0.7. Pairs: 0.9 beats all 3; 0.5 ties 0.5, beats 0.1, loses to 0.7.
        double[] scores = [0.9, 0.5, 0.5, 0.1, 0.7];
        bool[] positive = [true, true, false, false, false];

        var auc = RocAuc.Compute(scores, positive);

        Assert.Equal((3 + 0.5 + 1) / 6.0, auc!.Value, 12);
    }

    [Fact]
    public void Compute_WithOneClassOnly_IsNull()
    {
        Assert.Null(RocAuc.Compute([0.2, 0.3], [false, false]));
    }
}
