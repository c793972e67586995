using System.IO.MemoryMappedFiles;

namespace LunaFpr.Patches;

/// <summary>
/// A read-only memory map of one <c>UID.cubes</c> data file. Reading a cube copies its bytes straight from the
/// page cache; nothing else of the file is read or parsed. Safe for many threads at once.
/// </summary>
internal sealed unsafe class MappedCubeFile : IDisposable
{
    private readonly MemoryMappedFile? map;
    private readonly MemoryMappedViewAccessor? view;
    private readonly byte* start;

    public MappedCubeFile(string path, long length)
    {
        Path = path;
        Length = length;
        if (length == 0)
        {
            return; // an empty file cannot be mapped, and a series without candidates has nothing to read
        }

        map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        start += view.PointerOffset;
    }

    public string Path { get; }

    public long Length { get; }

    /// <summary>Fills <paramref name="destination"/> from from byte <paramref name="offset"/>.</summary>
    public void Read(long offset, Span<short> destination)
    {
        var bytes = (long)destination.Length * sizeof(short);
        if (offset < 0 || offset + bytes > Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, $"Outside '{Path}' ({Length} bytes).");
        }

        new ReadOnlySpan<short>(start + offset, destination.Length).CopyTo(destination);
    }

    public void Dispose()
    {
        if (view is not null)
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
            view.Dispose();
        }

        map?.Dispose();
    }
}
