using LunaFpr.Candidates;
using LunaFpr.IO;

namespace LunaFpr.Evaluation;

/// <summary>
/// The tables of a <see cref="FrocResult"/> as CSV files, numbers in shortest exact form, each written atomically.
/// </summary>
public static class FrocCsv
{
    /// <summary>
    /// The curve's corners: <c>fps_per_scan,sensitivity,threshold</c> (threshold <c>Infinity</c> at (0, 0)).
    /// </summary>
    public static void WriteCurve(string path, FrocResult result) => Write(path,
        ["fps_per_scan", "sensitivity", "threshold"],
        result.Curve.Select(p => new[] { p.FalsePositivesPerScan, p.Sensitivity, p.Threshold }));

    /// <summary>
    /// The bootstrap band on its grid: <c>fps_per_scan,lower,mean,upper</c>; only the header without one.
    /// </summary>
    public static void WriteBand(string path, FrocResult result) => Write(path,
        ["fps_per_scan", "lower", "mean", "upper"],
        result.Band.Select(p => new[] { p.FalsePositivesPerScan, p.Lower, p.Mean, p.Upper }));

    /// <summary>
    /// The seven operating points: <c>fps_per_scan,sensitivity,lower,mean,upper</c> (band columns empty without
    /// a bootstrap), then a row <c>cpm</c> with the CPM and its band.
    /// </summary>
    public static void WriteOperatingPoints(string path, FrocResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        AtomicFile.WriteText(path, text =>
        {
            using var csv = CsvFormat.CreateWriter(text);
            CsvFormat.WriteRow(csv, "fps_per_scan", "sensitivity", "lower", "mean", "upper");
            foreach (var point in result.OperatingPoints)
            {
                var rate = CsvFormat.Number(point.FalsePositivesPerScan);
                CsvFormat.WriteRow(csv, [rate, .. Row(point.Sensitivity, point.Band)]);
            }

            CsvFormat.WriteRow(csv, ["cpm", .. Row(result.Cpm, result.CpmBand)]);
        });
    }

    /// <summary>The nodules no candidate reached, in the format of <see cref="AnnotationCsv"/>.</summary>
    public static void WriteMissedNodules(string path, FrocResult result) =>
        AnnotationCsv.Write(path, result.MissedNodules);

    private static string[] Row(double value, ConfidenceBand? band) => band is null
        ? [CsvFormat.Number(value), "", "", ""]
        : [CsvFormat.Number(value), CsvFormat.Number(band.Lower), CsvFormat.Number(band.Mean),
            CsvFormat.Number(band.Upper)];

    private static void Write(string path, string[] header, IEnumerable<double[]> rows)
    {
        AtomicFile.WriteText(path, text =>
        {
            using var csv = CsvFormat.CreateWriter(text);
            CsvFormat.WriteRow(csv, header);
            foreach (var row in rows)
            {
                CsvFormat.WriteRow(csv, row.Select(CsvFormat.Number).ToArray());
            }
        });
    }
}
