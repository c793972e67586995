using LunaFpr.Candidates;
using LunaFpr.Evaluation;
using LunaFpr.Imaging;
using LunaFpr.Learning.Training;

namespace LunaFpr.Learning.Tests.Training;

public class ValidationCpmTests
{
    private static readonly Annotation[] Nodules =
    [
        new("1.1", new Vector3D(10, 20, 30), 8),
        new("1.2", new Vector3D(-5, 0, 12), 6),
    ];

    [Fact]
    public void Cpm_OfAScorerRankingBothNodulesFirst_IsOne()
    {
        var cpm = ValidationCpm.For(Nodules, [], ["1.1", "1.2"]);
        ScoredCandidate[] scored =
        [
            new("1.1", new Vector3D(11, 20, 30), 0.9),
            new("1.1", new Vector3D(50, 50, 50), 0.2),
            new("1.2", new Vector3D(-5, 1, 12), 0.8),
            new("1.2", new Vector3D(90, 0, 0), 0.1),
        ];

        Assert.Equal(1.0, cpm(scored));
    }

    [Fact]
    public void Cpm_OfScansWithoutNodules_IsNull()
    {
        var cpm = ValidationCpm.For(Nodules, [], ["9.9"]);

        Assert.Null(cpm([new ScoredCandidate("9.9", new Vector3D(0, 0, 0), 0.5)]));
    }
}
