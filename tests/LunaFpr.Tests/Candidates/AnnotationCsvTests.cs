using LunaFpr.Candidates;
using LunaFpr.Imaging;

namespace LunaFpr.Tests.Candidates;

public sealed class AnnotationCsvTests : IDisposable
{
    private const string Header = "seriesuid,coordX,coordY,coordZ,diameter_mm\n";
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Read_FindsAll1186Nodules_InTheRealAnnotationList()
    {
        var annotations = AnnotationCsv.Read(Path.Combine(TestFiles.Luna16, "annotations.csv"));

        Assert.Equal(1186, annotations.Count);
        Assert.Equal(601, annotations.Select(a => a.SeriesUid).Distinct().Count());
        var first = annotations[0];
        Assert.Equal("1.3.6.1.4.1.14519.5.2.1.6279.6001.100225287222365663678666836860", first.SeriesUid);
        Assert.Equal(new Vector3D(-128.6994211, -175.3192718, -298.3875064), first.CenterWorldMm);
        Assert.Equal(5.651470635, first.DiameterMm);
    }

    [Fact]
    public void Read_FindsAll35192Findings_InTheRealExcludedList()
    {
        var excluded = AnnotationCsv.Read(Path.Combine(TestFiles.Luna16, "annotations_excluded.csv"));

        Assert.Equal(35192, excluded.Count);
        Assert.Equal(888, excluded.Select(a => a.SeriesUid).Distinct().Count());
        Assert.Equal(30513, excluded.Count(a => a.DiameterMm == -1));
    }

    [Fact]
    public void Read_ToleratesBomCrlfBlankLinesAndColumnsInAnyOrder()
    {
        var path = temp.Write("a.csv",
            "\uFEFFdiameter_mm,coordZ,SeriesUID,coordY,coordX,note\r\n" +
            "4.5,-3,1.2.3,2.25,1,x\r\n\r\n-1,0,1.2.4,0,0,y\r\n");

        var annotations = AnnotationCsv.Read(path);

        Assert.Equal(
            [new Annotation("1.2.3", new Vector3D(1, 2.25, -3), 4.5), new Annotation("1.2.4", default, -1)],
            annotations);
    }

    [Fact]
    public void Write_RoundTripsEveryDigit_AndLeavesNoTemporaryFile()
    {
        Annotation[] annotations =
        [
            new("1.2.3", new Vector3D(-128.6994211, 0.1 + 0.2, 1e-7), 5.651470635),
            new("1.2.4", new Vector3D(1, 2, 3), -1),
        ];
        var path = temp.File("out.csv");

        AnnotationCsv.Write(path, annotations);

        Assert.Equal(annotations, AnnotationCsv.Read(path));
        Assert.Equal(["out.csv"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("seriesuid,coordX,coordY,diameter_mm\n1.2.3,1,2,3\n", "line 1", "no column 'coordZ'")]
    [InlineData(Header + "1.2.3,1,2,3,4\n1.2.3,1,abc,3,4\n", "line 3", "'coordY' is 'abc', not a number")]
    [InlineData(Header + "1.2.3,1,2,NaN,4\n", "line 2", "NaN and infinity are not allowed")]
    [InlineData(Header + "1.2.3,1,2,Infinity,4\n", "line 2", "NaN and infinity are not allowed")]
    [InlineData(Header + "1.2.3,1,2,3,-2\n", "line 2", "diameter_mm is -2")]
    [InlineData(Header + "1.2.3,1,2,3,0\n", "line 2", "diameter_mm is 0")]
    [InlineData(Header + ",1,2,3,4\n", "line 2", "'seriesuid' is empty")]
    [InlineData(Header + "1.2.3,1,2\n", "line 2", "has 3 fields but the header has 5")]
    [InlineData("", "", "is empty; expected a header line")]
    public void Read_NamesFileLineAndFix_WhenARowIsBad(string content, string line, string what)
    {
        var path = temp.Write("bad.csv", content);

        var error = Assert.Throws<InvalidDataException>(() => AnnotationCsv.Read(path));

        Assert.StartsWith(path, error.Message);
        Assert.Contains(line, error.Message);
        Assert.Contains(what, error.Message);
    }

    [Fact]
    public void Read_ThrowsFileNotFound_WhenThePathIsWrong()
    {
        var error = Assert.Throws<FileNotFoundException>(() => AnnotationCsv.Read(temp.File("missing.csv")));

        Assert.Contains("missing.csv", error.Message);
    }
}
