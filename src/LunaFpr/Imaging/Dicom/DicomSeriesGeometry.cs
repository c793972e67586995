using System.Globalization;
using Microsoft.Extensions.Logging;

namespace LunaFpr.Imaging.Dicom;

/// <summary>
/// Where the slices of one series go: checked to share orientation, size and pixel spacing, ordered by position
/// along the slice normal (never by file name or InstanceNumber), and the volume geometry that follows.
/// </summary>
/// <param name="Slices">The slices in volume order: index z increases along the normal.</param>
/// <param name="Size">Columns (x), rows (y), slices (z).</param>
/// <param name="Spacing">(column spacing, row spacing, slice step) in mm.</param>
/// <param name="Origin">ImagePositionPatient of slice 0, LPS mm as DICOM gives it.</param>
/// <param name="Direction">
/// Columns: the row direction (x), the column direction (y), the slice step direction (z).
/// </param>
internal sealed record DicomSeriesGeometry(
    IReadOnlyList<DicomSlice> Slices,
    VolumeSize Size,
    Vector3D Spacing,
    Vector3D Origin,
    Direction Direction)
{
    /// <summary>Slices closer than this along the normal (mm) are at the same position.</summary>
    private const double DuplicateToleranceMm = 1e-3;

    /// <summary>
    /// Two slices' orientation cosines or pixel spacings (mm) agree within this; writers print ~6 decimals.
    /// </summary>
    private const double AttributeTolerance = 1e-4;

    /// <summary>How far a slice step may stray from the median step: this fraction of it, at least 0.01 mm.</summary>
    private const double StepTolerance = 0.01;

    /// <summary>
    /// 1 − cos of the largest angle between slice step and normal still taken as the normal (~0.08°).
    /// </summary>
    private const double ShearTolerance = 1e-6;

    /// <summary>Checks and orders <paramref name="slices"/> of series <paramref name="seriesUid"/>.</summary>
    /// <exception cref="InvalidDataException">
    /// Mixed orientation, size or pixel spacing; duplicate positions; uneven steps unless allowed.
    /// </exception>
    public static DicomSeriesGeometry Build(
        string seriesUid,
        IReadOnlyList<DicomSlice> slices,
        DicomReadOptions options,
        ILogger logger)
    {
        DicomSliceConsistency.Check(seriesUid, slices, AttributeTolerance);

        var reference = slices[0];
        var normal = reference.Normal;
        var ordered = slices.OrderBy(s => DicomVectors.Dot(s.PositionMm, normal)).ToList();
        var along = ordered.Select(s => DicomVectors.Dot(s.PositionMm, normal)).ToArray();
        CheckNoDuplicates(seriesUid, ordered, along);
        CheckSteps(seriesUid, ordered, along, options.AllowIrregularSpacing, logger);

        var (step, stepDirection) = SliceStep(seriesUid, ordered, along, normal, logger);
        var direction = Direction.FromColumns(
        [
            reference.RowDirection.X, reference.RowDirection.Y, reference.RowDirection.Z,
            reference.ColumnDirection.X, reference.ColumnDirection.Y, reference.ColumnDirection.Z,
            stepDirection.X, stepDirection.Y, stepDirection.Z,
        ]);
        return new DicomSeriesGeometry(
            ordered,
            new VolumeSize(reference.Columns, reference.Rows, ordered.Count),
            new Vector3D(reference.ColumnSpacingMm, reference.RowSpacingMm, step),
            ordered[0].PositionMm,
            direction);
    }

    private static void CheckNoDuplicates(string seriesUid, List<DicomSlice> ordered, double[] along)
    {
        var duplicates = Enumerable.Range(0, ordered.Count - 1)
            .Where(i => along[i + 1] - along[i] < DuplicateToleranceMm)
            .Select(i => $"{ordered[i].FileName} and {ordered[i + 1].FileName} at {Mm(along[i])} mm")
            .ToList();
        if (duplicates.Count > 0)
        {
            throw new InvalidDataException(
                $"Series {seriesUid} has {duplicates.Count} pair(s) of slices at the same position along the " +
                $"normal: {Names(duplicates)}. Remove the duplicate files (two acquisitions in one series?).");
        }
    }

    private static void CheckSteps(string seriesUid, List<DicomSlice> ordered, double[] along, bool allow,
        ILogger logger)
    {
        if (ordered.Count < 3)
        {
            return;
        }

        var steps = Enumerable.Range(0, ordered.Count - 1).Select(i => along[i + 1] - along[i]).ToArray();
        var median = steps.Order().ElementAt(steps.Length / 2);
        var tolerance = Math.Max(0.01, StepTolerance * median);
        var odd = Enumerable.Range(0, steps.Length)
            .Where(i => Math.Abs(steps[i] - median) > tolerance)
            .Select(i => $"{ordered[i].FileName} → {ordered[i + 1].FileName} steps {Mm(steps[i])} mm")
            .ToList();
        if (odd.Count == 0)
        {
            return;
        }

        var problem = $"Series {seriesUid} has {odd.Count} uneven slice step(s) where it mostly steps " +
            $"{Mm(median)} mm (a gap is a missing slice): {Names(odd)}.";
        if (!allow)
        {
            throw new InvalidDataException(
                problem + " Add the missing files, or allow irregular spacing (lunafpr convert " +
                "--allow-irregular-spacing) to read it with the mean step.");
        }

        logger.LogWarning("{Problem} Reading it with the mean step; slices between sit off their true position",
            problem);
    }

    /// <summary>
    /// Step length (mm) and direction from first to last slice. The normal is used when the step runs along it;
    /// a sheared stack (gantry tilt) keeps its true step direction, so every voxel keeps its world position.
    /// </summary>
    private static (double Step, Vector3D Direction) SliceStep(
        string seriesUid,
        List<DicomSlice> ordered,
        double[] along,
        Vector3D normal,
        ILogger logger)
    {
        if (ordered.Count == 1)
        {
            // A lone slice has no step; its thickness is the best stand-in (1 mm when absent).
            return (ordered[0].SliceThicknessMm is double thickness and > 0 ? thickness : 1.0, normal);
        }

        var span = ordered[^1].PositionMm - ordered[0].PositionMm;
        var stepVector = span * (1.0 / (ordered.Count - 1));
        var stepDirection = stepVector * (1.0 / stepVector.Length);
        if (1 - DicomVectors.Dot(stepDirection, normal) <= ShearTolerance)
        {
            return ((along[^1] - along[0]) / (ordered.Count - 1), normal);
        }

        var degrees = Math.Acos(Math.Clamp(DicomVectors.Dot(stepDirection, normal), -1, 1)) * 180 / Math.PI;
        logger.LogWarning(
            "Series {SeriesUid}: slices step {Degrees:0.##}° off their normal (gantry tilt); the scan's direction " +
            "is not orthogonal, its z axis follows the slice step", seriesUid, degrees);
        return (stepVector.Length, stepDirection);
    }

    private static string Mm(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>At most eight items, then how many more, so a message stays one readable line.</summary>
    internal static string Names(IReadOnlyList<string> items) => items.Count <= 8
        ? string.Join("; ", items)
        : string.Join("; ", items.Take(8)) + $"; and {items.Count - 8} more";
}
