using System.Globalization;
using LunaFpr.Candidates;
using LunaFpr.Cli.Commands;
using LunaFpr.Cli.Patches;
using LunaFpr.Cli.Reporting;
using LunaFpr.Evaluation;
using LunaFpr.Imaging;
using LunaFpr.IO;
using LunaFpr.Patches;

namespace LunaFpr.Cli.CrossValidation;

/// <summary>
/// The cross-validation report: per-fold and merged CPM, the merged FROC with its band, every fold's loss
/// curves, and galleries of the highest-scoring false positives and of the missed nodules, each cube captioned
/// with its series UID and world centre. Written as one self-contained HTML file and as Markdown.
/// </summary>
internal static class CvReport
{
    private const int GallerySize = 12;

    public static void Write(CvLayout layout, PatchStore store, CvMerge.Outcome outcome)
    {
        var nodules = AnnotationCsv.Read(store.AnnotationsPath);
        var excluded = store.ExcludedAnnotationsPath is { } path ? AnnotationCsv.Read(path) : [];
        var report = new ReportDocument("LunaFpr cross-validation");
        report.Paragraph($"Patch store {store.Directory}; finished folds: {string.Join(", ", outcome.Folds)}. " +
            "Each fold was trained from fresh weights, tested on its own subset with the checkpoint of lowest " +
            "validation loss, and evaluated against its own scans (LUNA16 protocol, 95% bootstrap band).");

        report.Heading("CPM per fold").Table(
            ["fold", "scans", "nodules", "hits", "false positives", "CPM", "95% band"],
            outcome.PerFold.OrderBy(p => p.Key).Select(p => Row($"{p.Key}", p.Value))
                .Append(Row("merged", outcome.Merged)));

        report.Heading("Merged FROC").Table(
            ["FPs per scan", "sensitivity", "95% band"],
            outcome.Merged.OperatingPoints.Select(p => (IReadOnlyList<string>)
                [Number(p.FalsePositivesPerScan), Number(p.Sensitivity), Band(p.Band)]));
        AddFile(report, Path.Combine(layout.MergedEvaluation, EvaluateCommand.PlotFile), "froc",
            $"Merged FROC, CPM {Number(outcome.Merged.Cpm)}");

        report.Heading("Loss curves");
        foreach (var fold in outcome.Folds)
        {
            AddFile(report, Path.Combine(layout.Training(fold), "loss.png"), $"loss-fold-{fold}", $"fold {fold}");
        }

        var cubes = new CubeFinder(store);
        report.Heading("Highest-scoring false positives")
            .Gallery(FalsePositives(outcome.Submission, nodules, excluded)
                .Take(GallerySize)
                .Select((c, i) => cubes.Image($"fp-{i}", c.SeriesUid, c.CenterWorldMm,
                    $"p={c.Probability:0.000} {c.SeriesUid} {c.CenterWorldMm}"))
                .ToList());

        var missed = MissedNodules(outcome.Merged, outcome.Submission, nodules, store, outcome.Folds);
        report.Heading("Missed nodules (no candidate above the 1 FP/scan threshold)")
            .Paragraph($"{missed.Count} nodule(s); the first {Math.Min(GallerySize, missed.Count)} are shown. " +
                "A nodule with no candidate at all is shown at the nearest stored point of its scan.")
            .Gallery(missed.Take(GallerySize)
                .Select((n, i) => cubes.Image($"missed-{i}", n.SeriesUid, n.CenterWorldMm,
                    $"d={n.DiameterMm:0.0} mm {n.SeriesUid} {n.CenterWorldMm}"))
                .ToList());

        AtomicFile.WriteText(layout.ReportHtml, w => w.Write(report.ToHtml()));
        var (markdown, images) = report.ToMarkdown(layout.ReportFiles);
        foreach (var (relative, png) in images)
        {
            var target = Path.Combine(layout.Root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            AtomicFile.Write(target, s => s.Write(png));
        }

        AtomicFile.WriteText(layout.ReportMarkdown, w => w.Write(markdown));
    }

    /// <summary>Candidates inside no nodule and no excluded finding, highest probability first.</summary>
    private static IEnumerable<ScoredCandidate> FalsePositives(
        IReadOnlyList<ScoredCandidate> submission,
        IReadOnlyList<Annotation> nodules,
        IReadOnlyList<Annotation> excluded)
    {
        var findings = nodules.Concat(excluded.Select(e => e.DiameterMm < 0 ? e with { DiameterMm = 10 } : e))
            .ToLookup(a => a.SeriesUid);
        return submission
            .Where(c => !findings[c.SeriesUid]
                .Any(a => Vector3D.Distance(a.CenterWorldMm, c.CenterWorldMm) < a.RadiusMm))
            .OrderByDescending(c => c.Probability);
    }

    /// <summary>Nodules of the folds' scans that no candidate at or above the 1 FP/scan threshold reaches.</summary>
    private static List<Annotation> MissedNodules(
        FrocResult merged,
        IReadOnlyList<ScoredCandidate> submission,
        IReadOnlyList<Annotation> nodules,
        PatchStore store,
        IReadOnlyList<int> folds)
    {
        var threshold = merged.Curve.Where(p => p.FalsePositivesPerScan <= 1).Select(p => p.Threshold)
            .DefaultIfEmpty(double.PositiveInfinity).Min();
        var scans = folds.SelectMany(store.SeriesUids).ToHashSet(StringComparer.Ordinal);
        var bySeries = submission.ToLookup(c => c.SeriesUid);
        return nodules
            .Where(n => scans.Contains(n.SeriesUid))
            .Where(n => !bySeries[n.SeriesUid].Any(c => c.Probability >= threshold
                && Vector3D.Distance(n.CenterWorldMm, c.CenterWorldMm) < n.RadiusMm))
            .OrderByDescending(n => n.DiameterMm)
            .ToList();
    }

    private static void AddFile(ReportDocument report, string path, string name, string caption)
    {
        if (File.Exists(path))
        {
            report.Figure(name, caption, File.ReadAllBytes(path));
        }
        else
        {
            report.Paragraph($"{caption}: {path} is missing.");
        }
    }

    private static IReadOnlyList<string> Row(string name, FrocResult r) =>
    [
        name, $"{r.Counts.Scans}", $"{r.Counts.Nodules}", $"{r.Counts.Hits}", $"{r.Counts.FalsePositives}",
        Number(r.Cpm), Band(r.CpmBand),
    ];

    private static string Number(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Band(ConfidenceBand? band) =>
        band is null ? "" : $"{Number(band.Lower)}–{Number(band.Upper)}";

    /// <summary>Finds the stored cube nearest to a world point of a series and renders it.</summary>
    private sealed class CubeFinder(PatchStore store)
    {
        private readonly ILookup<string, int> entriesBySeries = Enumerable.Range(0, store.Entries.Count)
            .ToLookup(i => store.Entries[i].SeriesUid, StringComparer.Ordinal);

        public ReportImage Image(string name, string seriesUid, Vector3D worldMm, string caption)
        {
            var nearest = entriesBySeries[seriesUid]
                .Select(i => (Index: i, Distance: Vector3D.Distance(store.Entries[i].CenterWorldMm, worldMm)))
                .DefaultIfEmpty((Index: -1, Distance: double.PositiveInfinity))
                .MinBy(p => p.Distance);
            var cube = new short[store.CubeShape.VoxelCount];
            if (nearest.Index >= 0)
            {
                store.ReadCube(nearest.Index, cube);
            }
            else
            {
                Array.Fill(cube, CubeExtractor.OutsideHu);
            }

            var offset = nearest.Distance > 0.5 && nearest.Index >= 0 ? $" (cube {nearest.Distance:0.0} mm away)" : "";
            return new ReportImage(name, caption + offset, CubeSheet.Render(cube, store.CubeShape, caption + offset));
        }
    }
}
