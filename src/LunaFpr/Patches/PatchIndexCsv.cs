using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using LunaFpr.Imaging;

namespace LunaFpr.Patches;

/// <summary>
/// The index of one series' cubes, <c>UID.csv</c> in a patch store, one row per cube in data-file order:
/// <c>seriesuid,kind,coordX,coordY,coordZ,indexZ,indexY,indexX</c> — kind as a <see cref="PatchKind"/> name,
/// the world centre (x, y, z) in mm as the candidate list gives it (round-trip precision) and the voxel index
/// (z, y, x) the cube was cut around. Reader and writer live here together.
/// </summary>
public static class PatchIndexCsv
{
    private static readonly string[] Header =
        ["seriesuid", "kind", "coordX", "coordY", "coordZ", "indexZ", "indexY", "indexX"];

    /// <summary>Starts an index at <paramref name="path"/>; rows are written as cubes are cut.</summary>
    public static Writer Create(string path) => new(path);

    /// <summary>Reads every row of <paramref name="path"/> as entries of <paramref name="subset"/>.</summary>
    /// <exception cref="InvalidDataException">A missing column, bad number or unknown kind, with its line.</exception>
    public static List<PatchEntry> Read(string path, int subset)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        var entries = new List<PatchEntry>();
        try
        {
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header || !header.SequenceEqual(Header))
            {
                throw new InvalidDataException(
                    $"'{path}' does not start with the header {string.Join(',', Header)}; it is no patch index. "
                    + "Redo the store with `lunafpr prepare --force`.");
            }

            while (csv.Read())
            {
                entries.Add(ReadRow(csv, path, subset));
            }
        }
        catch (CsvHelperException e)
        {
            throw new InvalidDataException(
                $"'{path}' line {csv.Parser.Row}: {e.GetType().Name}. Delete that file and run `lunafpr prepare` "
                + "again with the same options to redo the series.", e);
        }

        return entries;
    }

    /// <summary>Number of rows of an index file without parsing them; −1 if the header is missing.</summary>
    public static int CountRows(string path)
    {
        using var reader = new StreamReader(path);
        if (reader.ReadLine() is null)
        {
            return -1;
        }

        var rows = 0;
        while (reader.ReadLine() is { Length: > 0 })
        {
            rows++;
        }

        return rows;
    }

    private static PatchEntry ReadRow(CsvReader csv, string path, int subset)
    {
        var kindText = csv.GetField(1);
        if (!Enum.TryParse<PatchKind>(kindText, out var kind) || !Enum.IsDefined(kind))
        {
            throw new InvalidDataException(
                $"'{path}' line {csv.Parser.Row}: unknown kind '{kindText}' (expected "
                + $"{string.Join(", ", Enum.GetNames<PatchKind>())}). Redo the series with `lunafpr prepare --force`.");
        }

        var world = new Vector3D(csv.GetField<double>(2), csv.GetField<double>(3), csv.GetField<double>(4));
        var index = new IndexZyx(csv.GetField<int>(5), csv.GetField<int>(6), csv.GetField<int>(7));
        return new PatchEntry(csv.GetField(0)!, subset, kind, world, index);
    }

    /// <summary>Streams index rows to a file; nothing is held in memory but the current row.</summary>
    public sealed class Writer : IDisposable
    {
        private readonly StreamWriter stream;
        private readonly CsvWriter csv;

        internal Writer(string path)
        {
            stream = new StreamWriter(path);
            csv = new CsvWriter(stream, new CsvConfiguration(CultureInfo.InvariantCulture));
            foreach (var name in Header)
            {
                csv.WriteField(name);
            }

            csv.NextRecord();
        }

        public void Write(string seriesUid, PatchKind kind, Vector3D centerWorldMm, IndexZyx centerZyx)
        {
            csv.WriteField(seriesUid);
            csv.WriteField(kind.ToString());
            csv.WriteField(centerWorldMm.X.ToString("R", CultureInfo.InvariantCulture));
            csv.WriteField(centerWorldMm.Y.ToString("R", CultureInfo.InvariantCulture));
            csv.WriteField(centerWorldMm.Z.ToString("R", CultureInfo.InvariantCulture));
            csv.WriteField(centerZyx.Z);
            csv.WriteField(centerZyx.Y);
            csv.WriteField(centerZyx.X);
            csv.NextRecord();
        }

        /// <summary>Flushes everything to disk, so a rename after it publishes a complete file.</summary>
        public void Complete()
        {
            csv.Flush();
            stream.Flush();
            ((FileStream)stream.BaseStream).Flush(flushToDisk: true);
        }

        public void Dispose()
        {
            csv.Dispose();
            stream.Dispose();
        }
    }
}
