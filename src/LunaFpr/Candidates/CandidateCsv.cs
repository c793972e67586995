using LunaFpr.Imaging;
using LunaFpr.IO;

namespace LunaFpr.Candidates;

/// <summary>
/// Reader and writer of LUNA16 candidate lists, <c>candidates.csv</c> and <c>candidates_V2.csv</c>:
/// columns <c>seriesuid,coordX,coordY,coordZ,class</c> in any order, world (x, y, z) in mm, class 0 or 1.
/// </summary>
public static class CandidateCsv
{
    private static readonly string[] Columns = ["seriesuid", "coordX", "coordY", "coordZ", "class"];

    /// <summary>Reads every row in file order (candidates_V2.csv has 754,975).</summary>
    /// <exception cref="InvalidDataException">A column is missing, a field is empty or not a finite number, or
    /// the class is not 0 or 1; the message names the file and the 1-based line.</exception>
    public static IReadOnlyList<Candidate> Read(string path)
    {
        using var table = CsvTableReader.Open(path, Columns);
        var uids = new UidPool();
        var candidates = new List<Candidate>();
        while (table.Read())
        {
            var uid = uids.Get(table.Text(0));
            var center = new Vector3D(table.Number(1), table.Number(2), table.Number(3));
            var label = table.Text(4);
            var cls = label switch
            {
                "0" => 0,
                "1" => 1,
                _ => throw table.Error($"class is '{label}'; write 1 for a candidate inside a nodule, 0 otherwise."),
            };
            candidates.Add(new Candidate(uid, center, cls));
        }

        return candidates;
    }

    /// <summary>Writes the list with a header, atomically (temporary name, then rename).</summary>
    public static void Write(string path, IEnumerable<Candidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        AtomicFile.WriteText(path, text =>
        {
            using var csv = CsvFormat.CreateWriter(text);
            CsvFormat.WriteRow(csv, Columns);
            foreach (var c in candidates)
            {
                CsvFormat.WriteRow(csv, c.SeriesUid, CsvFormat.Number(c.CenterWorldMm.X),
                    CsvFormat.Number(c.CenterWorldMm.Y), CsvFormat.Number(c.CenterWorldMm.Z),
                    c.Class == 1 ? "1" : "0");
            }
        });
    }
}
