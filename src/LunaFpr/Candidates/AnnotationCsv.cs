using LunaFpr.Imaging;
using LunaFpr.IO;

namespace LunaFpr.Candidates;

/// <summary>
/// Reader and writer of LUNA16 nodule lists, <c>annotations.csv</c> and <c>annotations_excluded.csv</c>:
/// columns <c>seriesuid,coordX,coordY,coordZ,diameter_mm</c> in any order, world (x, y, z) and diameter in mm.
/// </summary>
public static class AnnotationCsv
{
    private static readonly string[] Columns = ["seriesuid", "coordX", "coordY", "coordZ", "diameter_mm"];

    /// <summary>
    /// Reads every row in file order. A diameter must be positive, or exactly −1 (the excluded list's "unknown",
    /// which the evaluation treats as 10 mm).
    /// </summary>
    /// <exception cref="InvalidDataException">A column is missing, a field is empty, not a finite number, or
    /// the diameter is invalid; the message names the file and the 1-based line.</exception>
    public static IReadOnlyList<Annotation> Read(string path)
    {
        using var table = CsvTableReader.Open(path, Columns);
        var uids = new UidPool();
        var annotations = new List<Annotation>();
        while (table.Read())
        {
            var uid = uids.Get(table.Text(0));
            var center = new Vector3D(table.Number(1), table.Number(2), table.Number(3));
            var diameter = table.Number(4);
            if (diameter <= 0 && diameter != -1)
            {
                throw table.Error($"diameter_mm is {CsvFormat.Number(diameter)}; write a positive diameter in mm, " +
                    "or -1 for a finding of unknown size.");
            }

            annotations.Add(new Annotation(uid, center, diameter));
        }

        return annotations;
    }

    /// <summary>Writes the list with a header, atomically (temporary name, then rename).</summary>
    public static void Write(string path, IEnumerable<Annotation> annotations)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        AtomicFile.WriteText(path, text =>
        {
            using var csv = CsvFormat.CreateWriter(text);
            CsvFormat.WriteRow(csv, Columns);
            foreach (var a in annotations)
            {
                CsvFormat.WriteRow(csv, a.SeriesUid, CsvFormat.Number(a.CenterWorldMm.X),
                    CsvFormat.Number(a.CenterWorldMm.Y), CsvFormat.Number(a.CenterWorldMm.Z),
                    CsvFormat.Number(a.DiameterMm));
            }
        });
    }
}
