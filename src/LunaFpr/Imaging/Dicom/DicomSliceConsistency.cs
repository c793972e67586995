using System.Globalization;

namespace LunaFpr.Imaging.Dicom;

/// <summary>
/// Checks that the slices of one series can form one volume: the same orientation, image size and pixel spacing.
/// A failure names the odd files against what most of the series has.
/// </summary>
internal static class DicomSliceConsistency
{
    /// <exception cref="InvalidDataException">Some slices differ from the rest in one of these attributes.</exception>
    public static void Check(string seriesUid, IReadOnlyList<DicomSlice> slices, double tolerance)
    {
        CheckSame(seriesUid, slices, "image orientation (ImageOrientationPatient)", tolerance, s =>
        [
            s.RowDirection.X, s.RowDirection.Y, s.RowDirection.Z,
            s.ColumnDirection.X, s.ColumnDirection.Y, s.ColumnDirection.Z,
        ]);
        CheckSame(seriesUid, slices, "image size (Rows × Columns)", 0.5, s => [s.Rows, s.Columns]);
        CheckSame(seriesUid, slices, "pixel spacing (mm)", tolerance, s => [s.RowSpacingMm, s.ColumnSpacingMm]);
    }

    private static void CheckSame(
        string seriesUid,
        IReadOnlyList<DicomSlice> slices,
        string attribute,
        double tolerance,
        Func<DicomSlice, double[]> values)
    {
        // Greedy grouping within the tolerance: few groups, so a linear scan over them is enough.
        var groups = new List<(double[] Values, List<DicomSlice> Members)>();
        foreach (var slice in slices)
        {
            var v = values(slice);
            var home = groups.FindIndex(g => g.Values.Zip(v).All(p => Math.Abs(p.First - p.Second) <= tolerance));
            if (home < 0)
            {
                groups.Add((v, [slice]));
            }
            else
            {
                groups[home].Members.Add(slice);
            }
        }

        if (groups.Count == 1)
        {
            return;
        }

        var ordered = groups.OrderByDescending(g => g.Members.Count).ToList();
        var odd = ordered.Skip(1)
            .Select(g => $"{Format(g.Values)} in {Files(g.Members)}")
            .ToList();
        throw new InvalidDataException(
            $"Series {seriesUid} mixes {attribute}: {ordered[0].Members.Count} files have " +
            $"{Format(ordered[0].Values)}, but {DicomSeriesGeometry.Names(odd)}. One volume needs one " +
            "value; remove the odd files or move them to a folder of their own.");
    }

    private static string Format(double[] values) =>
        string.Join('\\', values.Select(v => v.ToString("0.######", CultureInfo.InvariantCulture)));

    private static string Files(List<DicomSlice> members) =>
        members.Count <= 5
            ? string.Join(", ", members.Select(m => m.FileName))
            : string.Join(", ", members.Take(5).Select(m => m.FileName)) + $" and {members.Count - 5} more files";
}
