using LunaFpr.Imaging;
using LunaFpr.IO;

namespace LunaFpr.Evaluation;

/// <summary>
/// Reader and writer of the LUNA16 submission format: <c>seriesuid,coordX,coordY,coordZ,probability</c>, columns in
/// any order, world (x, y, z) in mm. Prediction writes it; evaluation reads it.
/// </summary>
public static class SubmissionCsv
{
    private static readonly string[] Columns = ["seriesuid", "coordX", "coordY", "coordZ", "probability"];

    /// <summary>Reads every row in file order.</summary>
    /// <exception cref="InvalidDataException">A column is missing, a field is empty, or a coordinate or
    /// probability is not a finite number; the message names the file and the 1-based line.</exception>
    public static IReadOnlyList<ScoredCandidate> Read(string path)
    {
        using var table = CsvTableReader.Open(path, Columns);
        var uids = new UidPool();
        var rows = new List<ScoredCandidate>();
        while (table.Read())
        {
            var uid = uids.Get(table.Text(0));
            var center = new Vector3D(table.Number(1), table.Number(2), table.Number(3));
            rows.Add(new ScoredCandidate(uid, center, table.Number(4)));
        }

        return rows;
    }

    /// <summary>
    /// Writes the submission with a header, every number in its shortest exact form, atomically (temporary name,
    /// then rename), so a run stopped midway never leaves a partial submission behind.
    /// </summary>
    public static void Write(string path, IEnumerable<ScoredCandidate> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        AtomicFile.WriteText(path, text =>
        {
            using var csv = CsvFormat.CreateWriter(text);
            CsvFormat.WriteRow(csv, Columns);
            foreach (var row in rows)
            {
                CsvFormat.WriteRow(csv, row.SeriesUid, CsvFormat.Number(row.CenterWorldMm.X),
                    CsvFormat.Number(row.CenterWorldMm.Y), CsvFormat.Number(row.CenterWorldMm.Z),
                    CsvFormat.Number(row.Probability));
            }
        });
    }
}
