using LunaFpr.Candidates;

namespace LunaFpr.Tests.Candidates;

public sealed class SeriesUidListTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Read_Finds888Scans_InTheRealList()
    {
        var uids = SeriesUidList.Read(Path.Combine(TestFiles.Luna16, "seriesuids.csv"));

        Assert.Equal(888, uids.Count);
        Assert.Equal("1.3.6.1.4.1.14519.5.2.1.6279.6001.100225287222365663678666836860", uids[0]);
        Assert.Equal(888, uids.Distinct().Count());
    }

    [Fact]
    public void Read_SkipsBomBlankLinesAndAHeader_AndKeepsTheFirstField()
    {
        var path = temp.Write("s.csv", "\uFEFFseriesuid\r\n1.2.3\r\n\r\n 1.2.4 ,extra\r\n");

        Assert.Equal(["1.2.3", "1.2.4"], SeriesUidList.Read(path));
    }

    [Fact]
    public void Read_NamesBothLines_WhenAUidRepeats()
    {
        var path = temp.Write("s.csv", "1.2.3\n1.2.4\n1.2.3\n");

        var error = Assert.Throws<InvalidDataException>(() => SeriesUidList.Read(path));

        Assert.Contains($"{path}, line 3", error.Message);
        Assert.Contains("repeats line 1", error.Message);
    }

    [Fact]
    public void Read_NamesTheLine_WhenAUidIsEmpty()
    {
        var path = temp.Write("s.csv", "1.2.3\n,1.2.4\n");

        var error = Assert.Throws<InvalidDataException>(() => SeriesUidList.Read(path));

        Assert.Contains($"{path}, line 2: the series UID is empty", error.Message);
    }

    [Fact]
    public void Write_RoundTripsTheList()
    {
        var path = temp.File("out.csv");

        SeriesUidList.Write(path, ["1.2.3", "1.2.4"]);

        Assert.Equal("1.2.3\n1.2.4\n", File.ReadAllText(path));
        Assert.Equal(["1.2.3", "1.2.4"], SeriesUidList.Read(path));
    }
}
