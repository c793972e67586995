using System.Runtime.InteropServices;
using LunaFpr.Imaging;

namespace LunaFpr.Patches;

/// <summary>
/// Writes one series of a patch store, its data file <c>UID.cubes</c> and index <c>UID.csv</c>, under temporary
/// names; <see cref="Commit"/> renames the data file and then the index into place, so a series whose index
/// exists is complete, and a process killed at any moment leaves either the old state or the new one.
/// Disposing without committing deletes the temporary files. <see cref="PatchStore"/> reads what this writes.
/// </summary>
public sealed class SeriesPatchWriter : IDisposable
{
    private readonly string dataPath;
    private readonly string indexPath;
    private readonly FileStream data;
    private readonly PatchIndexCsv.Writer index;
    private readonly CubeShape shape;
    private bool committed;

    private SeriesPatchWriter(string store, int subset, string seriesUid, CubeShape shape)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new NotSupportedException("Patch stores are written as little-endian int16; this CPU is big-endian.");
        }

        SeriesUid = seriesUid;
        this.shape = shape;
        dataPath = PatchStoreLayout.SeriesData(store, subset, seriesUid);
        indexPath = PatchStoreLayout.SeriesIndex(store, subset, seriesUid);
        // Unbuffered: each cube (83 kB by default) goes to the file in one write, without a copy into a buffer.
        data = new FileStream(PatchStoreLayout.Temporary(dataPath), FileMode.Create, FileAccess.Write, FileShare.None,
            bufferSize: 0);
        index = PatchIndexCsv.Create(PatchStoreLayout.Temporary(indexPath));
    }

    public string SeriesUid { get; }

    /// <summary>Cubes added so far.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Starts writing series <paramref name="seriesUid"/> of <paramref name="subset"/> in <paramref name="store"/>,
    /// first removing any finished version of it, so that a redo never pairs an old index with new data.
    /// </summary>
    public static SeriesPatchWriter Begin(string store, int subset, string seriesUid, CubeShape shape)
    {
        Directory.CreateDirectory(PatchStoreLayout.SubsetDirectory(store, subset));
        Delete(store, subset, seriesUid);
        return new SeriesPatchWriter(store, subset, seriesUid, shape);
    }

    /// <summary>
    /// True when the series' index exists and its data file holds exactly one cube of <paramref name="shape"/> per
    /// index row; anything else (missing, truncated, other shape) means the series must be redone.
    /// </summary>
    public static bool IsComplete(string store, int subset, string seriesUid, CubeShape shape)
    {
        var indexPath = PatchStoreLayout.SeriesIndex(store, subset, seriesUid);
        var dataPath = PatchStoreLayout.SeriesData(store, subset, seriesUid);
        if (!File.Exists(indexPath) || !File.Exists(dataPath))
        {
            return false;
        }

        var rows = PatchIndexCsv.CountRows(indexPath);
        return rows >= 0 && new FileInfo(dataPath).Length == (long)rows * shape.VoxelCount * sizeof(short);
    }

    /// <summary>Removes a series' index (first) and data file, and leftovers of an interrupted write.</summary>
    public static void Delete(string store, int subset, string seriesUid)
    {
        var indexPath = PatchStoreLayout.SeriesIndex(store, subset, seriesUid);
        var dataPath = PatchStoreLayout.SeriesData(store, subset, seriesUid);
        foreach (var path in new[] { indexPath, dataPath })
        {
            File.Delete(path);
            File.Delete(PatchStoreLayout.Temporary(path));
        }
    }

    /// <summary>Appends one cube (int16 HU, (z, y, x)) and its index row.</summary>
    public void Add(PatchKind kind, Vector3D centerWorldMm, IndexZyx centerZyx, ReadOnlySpan<short> cube)
    {
        ObjectDisposedException.ThrowIf(committed, this);
        if (cube.Length != shape.VoxelCount)
        {
            throw new ArgumentException($"A {shape} cube has {shape.VoxelCount} voxels, got {cube.Length}.");
        }

        data.Write(MemoryMarshal.AsBytes(cube));
        index.Write(SeriesUid, kind, centerWorldMm, centerZyx);
        Count++;
    }

    /// <summary>Flushes both files to disk and renames them into place: the data file first, the index last.</summary>
    public void Commit()
    {
        data.Flush(flushToDisk: true);
        data.Dispose();
        index.Complete();
        index.Dispose();
        File.Move(PatchStoreLayout.Temporary(dataPath), dataPath, overwrite: true);
        File.Move(PatchStoreLayout.Temporary(indexPath), indexPath, overwrite: true);
        committed = true;
    }

    public void Dispose()
    {
        if (committed)
        {
            return;
        }

        data.Dispose();
        index.Dispose();
        File.Delete(PatchStoreLayout.Temporary(dataPath));
        File.Delete(PatchStoreLayout.Temporary(indexPath));
    }
}
