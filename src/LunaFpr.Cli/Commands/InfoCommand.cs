using System.CommandLine;
using System.Globalization;
using LunaFpr.Candidates;
using LunaFpr.Cli.Console;
using LunaFpr.Imaging;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace LunaFpr.Cli.Commands;

/// <summary><c>lunafpr info SCAN [--annotations FILE]</c>: geometry and HU statistics of one scan.</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var scan = new Argument<string>("scan")
        {
            Description = "A MetaImage (.mhd or .mha) file, or a folder holding one DICOM series.",
        };
        var annotations = new Option<string?>("--annotations")
        {
            Description = "annotations.csv (LUNA16): list this series' nodules in world and voxel coordinates.",
        };
        var command = new Command("info", "Show a scan's size, spacing, origin, direction and HU statistics.")
        {
            scan,
            annotations,
        };
        command.SetAction(parse => CommandRunner.Run(loggers =>
        {
            var logger = loggers.CreateLogger("info");
            Run(AnsiConsole.Console, parse.GetValue(scan)!, parse.GetValue(annotations), logger);
            return 0;
        }));
        return command;
    }

    /// <summary>Reads the scan (and annotations) and prints the summary to <paramref name="console"/>.</summary>
    public static void Run(IAnsiConsole console, string scanPath, string? annotationsPath, ILogger logger)
    {
        var scan = ScanFiles.Read(scanPath, logger);
        var nodules = annotationsPath is null
            ? null
            : AnnotationCsv.Read(annotationsPath).Where(a => a.SeriesUid == scan.SeriesUid).ToList();

        console.Write(Summary(scan));
        if (nodules is not null)
        {
            console.WriteLine();
            console.Write(NoduleTable(scan, nodules, Path.GetFileName(annotationsPath!)));
        }
    }

    private static Grid Summary(Scan scan)
    {
        var hu = HuStatistics.Of(scan);
        var direction = scan.Direction.Equals(Direction.Identity) ? " (identity)" : "";
        var grid = new Grid().AddColumn(new GridColumn().PadRight(2)).AddColumn();
        void Row(string name, string value) => grid.AddRow(new Text(name), new Text(value));

        Row("series", scan.SeriesUid);
        Row("size", $"{scan.Size} voxels (x, y, z)");
        Row("spacing", Invariant($"{scan.Spacing.X} × {scan.Spacing.Y} × {scan.Spacing.Z} mm (x, y, z)"));
        Row("origin", $"{scan.Origin} mm (world x, y, z of voxel [0, 0, 0])");
        Row("direction", scan.Direction + direction);
        Row("HU", Invariant($"min {hu.Min}, max {hu.Max}, mean {hu.Mean:0.0}"));
        return grid;
    }

    private static IRenderable NoduleTable(Scan scan, IReadOnlyList<Annotation> nodules, string source)
    {
        if (nodules.Count == 0)
        {
            return new Text($"No nodules of this series in {source}.");
        }

        var table = new Table { Title = new TableTitle($"Nodules in {source}") }
            .AddColumns("#", "world x, y, z (mm)", "diameter (mm)", "voxel z, y, x", "HU at centre");
        for (var i = 0; i < nodules.Count; i++)
        {
            var nodule = nodules[i];
            var centre = nodule.CenterWorldMm;
            var index = scan.WorldToIndexZyx(centre);
            var hu = scan.Contains(index) ? scan[index].ToString(CultureInfo.InvariantCulture) : "outside the scan";
            table.AddRow(
                new Text((i + 1).ToString(CultureInfo.InvariantCulture)),
                new Text(Invariant($"{centre.X:0.00}, {centre.Y:0.00}, {centre.Z:0.00}")),
                new Text(Invariant($"{nodule.DiameterMm:0.##}")),
                new Text($"{index.Z}, {index.Y}, {index.X}"),
                new Text(hu));
        }

        return table;
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
