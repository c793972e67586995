using LunaFpr.Evaluation;
using LunaFpr.Imaging;

namespace LunaFpr.Tests.Evaluation;

public sealed class SubmissionCsvTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Write_ThenRead_RoundTripsEveryDigit()
    {
        ScoredCandidate[] rows =
        [
            new("1.2.3", new Vector3D(-56.08, 0.1 + 0.2, 1e-9), 0.123456789012345678),
            new("1.2.4", new Vector3D(1, 2, 3), 1.0 / 3),
        ];
        var path = temp.File("submission.csv");

        SubmissionCsv.Write(path, rows);

        Assert.StartsWith("seriesuid,coordX,coordY,coordZ,probability\n", File.ReadAllText(path));
        Assert.Equal(rows, SubmissionCsv.Read(path));
    }

    [Fact]
    public void Read_ToleratesBomCrlfAndShuffledColumns()
    {
        var path = temp.Write("s.csv", "\uFEFFprobability,seriesuid,coordZ,coordY,coordX\r\n0.25,1.2.3,3,2,1\r\n");

        Assert.Equal([new ScoredCandidate("1.2.3", new Vector3D(1, 2, 3), 0.25)], SubmissionCsv.Read(path));
    }

    [Theory]
    [InlineData("seriesuid,coordX,coordY,coordZ\n1.2.3,1,2,3\n", "line 1", "no column 'probability'")]
    [InlineData("seriesuid,coordX,coordY,coordZ,probability\n1.2.3,1,2,3,0.5\n1.2.3,1,2,3,high\n", "line 3",
        "'probability' is 'high', not a number")]
    [InlineData("seriesuid,coordX,coordY,coordZ,probability\n1.2.3,1,2,3,NaN\n", "line 2",
        "NaN and infinity are not allowed")]
    public void Read_NamesFileLineAndFix_WhenARowIsBad(string content, string line, string what)
    {
        var path = temp.Write("bad.csv", content);

        var error = Assert.Throws<InvalidDataException>(() => SubmissionCsv.Read(path));

        Assert.StartsWith($"{path}, {line}", error.Message);
        Assert.Contains(what, error.Message);
    }
}
