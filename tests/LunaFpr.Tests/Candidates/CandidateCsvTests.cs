using LunaFpr.Candidates;
using LunaFpr.Imaging;

namespace LunaFpr.Tests.Candidates;

public sealed class CandidateCsvTests : IDisposable
{
    private const string Header = "seriesuid,coordX,coordY,coordZ,class\n";
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Read_ReturnsRowsInFileOrder_WithBomCrlfAndShuffledColumns()
    {
        var path = temp.Write("c.csv", "\uFEFFclass,coordX,coordY,coordZ,seriesuid\r\n" +
            "1,-56.08,-67.85,-311.92,1.2.3\r\n" +
            "0,53.21,-244.41,-245.17,1.2.3\r\n");

        var candidates = CandidateCsv.Read(path);

        Assert.Equal(
            [
                new Candidate("1.2.3", new Vector3D(-56.08, -67.85, -311.92), 1),
                new Candidate("1.2.3", new Vector3D(53.21, -244.41, -245.17), 0),
            ],
            candidates);
        Assert.Same(candidates[0].SeriesUid, candidates[1].SeriesUid);
    }

    [Fact]
    public void Write_RoundTripsTheList()
    {
        Candidate[] candidates =
        [
            new("1.2.3", new Vector3D(-56.08, -67.85, -311.92), 1),
            new("1.2.4", new Vector3D(1.0 / 3, 2, 3), 0),
        ];
        var path = temp.File("out.csv");

        CandidateCsv.Write(path, candidates);

        Assert.Equal(candidates, CandidateCsv.Read(path));
    }

    [Theory]
    [InlineData("seriesuid,coordX,coordY,coordZ\n1.2.3,1,2,3\n", "line 1", "no column 'class'")]
    [InlineData(Header + "1.2.3,1,2,3,0\n1.2.3,1,2,3,2\n", "line 3", "class is '2'")]
    [InlineData(Header + "1.2.3,1,2,3,yes\n", "line 2", "class is 'yes'")]
    [InlineData(Header + "1.2.3,1;5,2,3,0\n", "line 2", "'coordX' is '1;5', not a number")]
    [InlineData(Header + "1.2.3,-Infinity,2,3,0\n", "line 2", "NaN and infinity are not allowed")]
    [InlineData(Header + "  ,1,2,3,0\n", "line 2", "'seriesuid' is empty")]
    [InlineData(Header + "1.2.3,1,2,3,0\n1.2.3,1\"5,2,3,0\n", "line 3", "malformed CSV")]
    public void Read_NamesFileLineAndFix_WhenARowIsBad(string content, string line, string what)
    {
        var path = temp.Write("bad.csv", content);

        var error = Assert.Throws<InvalidDataException>(() => CandidateCsv.Read(path));

        Assert.StartsWith(path, error.Message);
        Assert.Contains(line, error.Message);
        Assert.Contains(what, error.Message);
    }
}
