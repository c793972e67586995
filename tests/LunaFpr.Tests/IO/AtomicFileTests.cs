using LunaFpr.IO;

namespace LunaFpr.Tests.IO;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void WriteText_KeepsTheOldFileAndNoTemporary_WhenWritingFails()
    {
        var path = temp.Write("out.txt", "old");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.WriteText(path, text =>
        {
            text.Write("half of the new");
            throw new InvalidOperationException("stop");
        }));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void WriteText_ReplacesTheFile_WhenWritingSucceeds()
    {
        var path = temp.Write("out.txt", "old");

        AtomicFile.WriteText(path, text => text.WriteLine("new"));

        Assert.Equal("new\n", File.ReadAllText(path));
    }

    [Fact]
    public void WriteText_NamesTheMissingFolder()
    {
        var path = Path.Combine(temp.Path, "nowhere", "out.txt");

        var error = Assert.Throws<DirectoryNotFoundException>(() => AtomicFile.WriteText(path, _ => { }));

        Assert.Contains("nowhere", error.Message);
    }
}
