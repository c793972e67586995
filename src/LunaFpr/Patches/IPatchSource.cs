namespace LunaFpr.Patches;

/// <summary>
/// Random access to stored cubes in HU, so that training and prediction can apply any window when reading.
/// The patch store on disk implements it; tests use in-memory sources.
/// </summary>
public interface IPatchSource
{
    /// <summary>Size of every cube, (z, y, x).</summary>
    CubeShape CubeShape { get; }

    /// <summary>Every stored cube, in a fixed order; an index into this list names a cube.</summary>
    IReadOnlyList<PatchEntry> Entries { get; }

    /// <summary>
    /// Copies cube <paramref name="entryIndex"/> as int16 HU in (z, y, x) order into <paramref name="destination"/>,
    /// which must hold <see cref="CubeShape.VoxelCount"/> values. Safe to call from several threads at once.
    /// </summary>
    void ReadCube(int entryIndex, Span<short> destination);
}
