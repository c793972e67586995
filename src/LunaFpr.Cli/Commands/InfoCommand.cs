using System.CommandLine;
using System.Globalization;
using CsvHelper;
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
        var nodules = annotationsPath is null ? null : ReadAnnotations(annotationsPath, scan.SeriesUid);

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
        var direction = scan.Direction.ApproximatelyEquals(Direction.Identity, 0) ? " (identity)" : "";
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
            var index = scan.WorldToIndexZyx(nodule.CenterWorldMm);
            var hu = scan.Contains(index) ? scan[index].ToString(CultureInfo.InvariantCulture) : "outside the scan";
            table.AddRow(
                new Text((i + 1).ToString(CultureInfo.InvariantCulture)),
                new Text(Invariant($"{nodule.CenterWorldMm.X:0.00}, {nodule.CenterWorldMm.Y:0.00}, {nodule.CenterWorldMm.Z:0.00}")),
                new Text(Invariant($"{nodule.DiameterMm:0.##}")),
                new Text($"{index.Z}, {index.Y}, {index.X}"),
                new Text(hu));
        }

        return table;
    }

    /// <summary>
    /// The rows of <paramref name="path"/> (LUNA16 <c>seriesuid,coordX,coordY,coordZ,diameter_mm</c>) that
    /// belong to <paramref name="seriesUid"/>.
    /// </summary>
    /// <remarks>
    /// TODO: a minimal reader kept here until the shared annotation list reader lands in the core library;
    /// it checks the header and numbers but nothing more (no duplicate or range checks).
    /// </remarks>
    private static List<Annotation> ReadAnnotations(string path, string seriesUid)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var nodules = new List<Annotation>();
        try
        {
            csv.Read();
            csv.ReadHeader();
            csv.ValidateHeader<AnnotationRow>();
            foreach (var row in csv.GetRecords<AnnotationRow>())
            {
                if (row.SeriesUid == seriesUid)
                {
                    var centre = new Vector3D(row.CoordX, row.CoordY, row.CoordZ);
                    nodules.Add(new Annotation(row.SeriesUid, centre, row.DiameterMm));
                }
            }
        }
        catch (CsvHelperException e)
        {
            throw new InvalidDataException($"{path}, line {csv.Parser.RawRow}: not a LUNA16 annotation list row " +
                $"({e.GetType().Name}); the file needs the header seriesuid,coordX,coordY,coordZ,diameter_mm " +
                "and numbers with '.' as the decimal point.", e);
        }

        return nodules;
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private sealed class AnnotationRow
    {
        [CsvHelper.Configuration.Attributes.Name("seriesuid")]
        public string SeriesUid { get; set; } = "";

        [CsvHelper.Configuration.Attributes.Name("coordX")]
        public double CoordX { get; set; }

        [CsvHelper.Configuration.Attributes.Name("coordY")]
        public double CoordY { get; set; }

        [CsvHelper.Configuration.Attributes.Name("coordZ")]
        public double CoordZ { get; set; }

        [CsvHelper.Configuration.Attributes.Name("diameter_mm")]
        public double DiameterMm { get; set; }
    }
}
