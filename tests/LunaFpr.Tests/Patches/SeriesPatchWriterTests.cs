using LunaFpr.Imaging;
using LunaFpr.Patches;

namespace LunaFpr.Tests.Patches;

public class SeriesPatchWriterTests
{
    private static readonly CubeShape Shape = new(2, 3, 4);

    [Fact]
    public void Commit_PublishesDataAndIndex_InANewStoreFolder()
    {
        using var folder = new TempFolder();
        var store = Path.Combine(folder.Path, "store");

        using (var writer = SeriesPatchWriter.Begin(store, 4, "1.2", Shape))
        {
            writer.Add(PatchKind.Negative, new Vector3D(1, 2, 3), new IndexZyx(3, 2, 1), new short[Shape.VoxelCount]);
            writer.Commit();
        }

        Assert.True(SeriesPatchWriter.IsComplete(store, 4, "1.2", Shape));
        Assert.Equal(Shape.VoxelCount * 2, new FileInfo(PatchStoreLayout.SeriesData(store, 4, "1.2")).Length);
        Assert.Empty(Directory.GetFiles(PatchStoreLayout.SubsetDirectory(store, 4), "*.tmp"));
    }

    [Fact]
    public void Dispose_LeavesNothing_WhenNotCommitted()
    {
        using var folder = new TempFolder();

        using (var writer = SeriesPatchWriter.Begin(folder.Path, 0, "1.2", Shape))
        {
            writer.Add(PatchKind.Negative, default, default, new short[Shape.VoxelCount]);
        }

        Assert.Empty(Directory.GetFiles(PatchStoreLayout.SubsetDirectory(folder.Path, 0)));
        Assert.False(SeriesPatchWriter.IsComplete(folder.Path, 0, "1.2", Shape));
    }

    [Fact]
    public void IsComplete_IsFalse_WhenTheDataFileIsShorterThanItsIndexSays()
    {
        using var folder = new TempFolder();
        using (var writer = SeriesPatchWriter.Begin(folder.Path, 0, "1.2", Shape))
        {
            writer.Add(PatchKind.Negative, default, default, new short[Shape.VoxelCount]);
            writer.Commit();
        }

        using (var data = File.OpenWrite(PatchStoreLayout.SeriesData(folder.Path, 0, "1.2")))
        {
            data.SetLength(10);
        }

        Assert.False(SeriesPatchWriter.IsComplete(folder.Path, 0, "1.2", Shape));
    }
}
