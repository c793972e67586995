using System.Text.Json;
using System.Text.Json.Serialization;
using LunaFpr.IO;

namespace LunaFpr.Patches;

/// <summary>
/// The <c>manifest.json</c> of a patch store: what the cubes are and what they were made from. A reader checks the
/// format version and cube shape before trusting any data file.
/// </summary>
/// <param name="FormatVersion">Layout version; this build reads and writes <see cref="CurrentFormatVersion"/>.</param>
/// <param name="CubeShapeZyx">Cube size in voxels as [z, y, x].</param>
/// <param name="VoxelType">Always <c>int16-le-hu</c>: little-endian int16 Hounsfield units.</param>
/// <param name="OutsideHu">HU of voxels that lay outside the scan.</param>
/// <param name="Seed">Seed of the positive resampling.</param>
/// <param name="Subsets">LUNA16 subsets (0–9) prepared into the store, ascending.</param>
/// <param name="Sources">Input files the store was built from.</param>
/// <param name="PlaneCap">Most resampled positives per nodule plane beyond the SPEC's rule; absent when none.</param>
public sealed record PatchStoreManifest(
    int FormatVersion,
    int[] CubeShapeZyx,
    string VoxelType,
    short OutsideHu,
    int Seed,
    IReadOnlyList<int> Subsets,
    PatchStoreSources Sources,
    int? PlaneCap = null)
{
    public const int CurrentFormatVersion = 1;
    public const string Int16HuVoxelType = "int16-le-hu";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The cube shape as a value.</summary>
    [JsonIgnore]
    public CubeShape CubeShape => new(CubeShapeZyx[0], CubeShapeZyx[1], CubeShapeZyx[2]);

    /// <summary>A manifest of the current format for cubes of <paramref name="shape"/>.</summary>
    public static PatchStoreManifest Create(CubeShape shape, int seed, IReadOnlyList<int> subsets,
        PatchStoreSources sources, int? planeCap = null) =>
        new(CurrentFormatVersion, [shape.Z, shape.Y, shape.X], Int16HuVoxelType, CubeExtractor.OutsideHu, seed,
            subsets.Distinct().Order().ToArray(), sources, planeCap);

    /// <summary>Reads and checks <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">No manifest: the folder is not a patch store.</exception>
    /// <exception cref="InvalidDataException">Unreadable JSON, another format version, or a bad cube shape.</exception>
    public static PatchStoreManifest Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"'{path}' is missing: '{Path.GetDirectoryName(path)}' is not a patch store. Build one with "
                + "`lunafpr prepare --out DIR`.", path);
        }

        PatchStoreManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<PatchStoreManifest>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"'{path}' is not a valid patch store manifest ({e.Message}). Rebuild the store with "
                + "`lunafpr prepare --force`.", e);
        }

        if (manifest is null || manifest.FormatVersion != CurrentFormatVersion)
        {
            throw new InvalidDataException(
                $"'{path}' has patch store format version {manifest?.FormatVersion}; this LunaFpr reads version "
                + $"{CurrentFormatVersion}. Rebuild the store with `lunafpr prepare --force`.");
        }

        if (manifest.CubeShapeZyx is not [> 0, > 0, > 0] || manifest.VoxelType != Int16HuVoxelType
            || manifest.Subsets is null || manifest.Sources is null)
        {
            throw new InvalidDataException(
                $"'{path}' lacks a valid cubeShapeZyx [z, y, x], voxelType '{Int16HuVoxelType}', subsets or "
                + "sources. Rebuild the store with `lunafpr prepare --force`.");
        }

        return manifest;
    }

    /// <summary>Writes the manifest to <paramref name="path"/> under a temporary name, then renames it.</summary>
    public void Save(string path)
    {
        AtomicFile.WriteText(path, text => text.Write(JsonSerializer.Serialize(this, Json)));
    }
}

/// <summary>The input files of a patch store.</summary>
/// <param name="Luna16Directory">Folder holding subset0 … subset9.</param>
/// <param name="Candidates">The candidate list.</param>
/// <param name="Annotations">The nodule list used for resampling.</param>
/// <param name="Excluded">The excluded findings, if given.</param>
public sealed record PatchStoreSources(
    string Luna16Directory,
    SourceFile Candidates,
    SourceFile Annotations,
    SourceFile? Excluded);

/// <summary>An input file: full path, size in bytes and SHA-256 (lower-case hex), to tell whether it changed.</summary>
public sealed record SourceFile(string Path, long Bytes, string Sha256)
{
    /// <summary>Describes the file at <paramref name="path"/> as it is now.</summary>
    public static SourceFile Of(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        using var stream = File.OpenRead(full);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
        return new SourceFile(full, stream.Length, hash);
    }
}
