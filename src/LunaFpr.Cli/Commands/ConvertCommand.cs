using System.CommandLine;
using System.Globalization;
using LunaFpr.Cli.Console;
using LunaFpr.Imaging;
using LunaFpr.Imaging.Dicom;
using LunaFpr.Imaging.MetaImage;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace LunaFpr.Cli.Commands;

/// <summary>
/// <c>lunafpr convert SCAN OUT_DIR [--series UID] [--list] [--compress] [--allow-irregular-spacing]</c>:
/// writes a scan as a LUNA16-style <c>&lt;SeriesInstanceUID&gt;.mhd</c> + <c>.raw</c> (int16 HU).
/// </summary>
internal static class ConvertCommand
{
    public static Command Create()
    {
        var scan = new Argument<string>("scan")
        {
            Description = "A folder of DICOM files (one CT series, or several with --series), or a .mhd/.mha file.",
        };
        var output = new Argument<string>("out-dir") { Description = "Folder for <SeriesInstanceUID>.mhd + .raw." };
        var series = new Option<string?>("--series")
        {
            Description = "SeriesInstanceUID to convert when the DICOM folder holds several series.",
        };
        var list = new Option<bool>("--list") { Description = "Only list the DICOM folder's series and stop." };
        var compress = new Option<bool>("--compress") { Description = "Write zlib data (.zraw) instead of .raw." };
        var allowIrregular = new Option<bool>("--allow-irregular-spacing")
        {
            Description = "Read a DICOM series with a missing slice or uneven steps, with a warning, at its mean step.",
        };
        var command = new Command("convert", "Convert a DICOM series (or a MetaImage) to a LUNA16-style MetaImage.")
        {
            scan, output, series, list, compress, allowIrregular,
        };
        command.SetAction(parse => CommandRunner.Run(loggers =>
        {
            var request = new ConvertRequest(
                parse.GetValue(scan)!,
                parse.GetValue(output)!,
                parse.GetValue(series),
                parse.GetValue(list),
                parse.GetValue(compress),
                parse.GetValue(allowIrregular));
            Run(AnsiConsole.Console, request, loggers.CreateLogger("convert"));
            return 0;
        }));
        return command;
    }

    /// <summary>What to convert and how; mirrors the command line.</summary>
    public sealed record ConvertRequest(
        string Scan,
        string OutputFolder,
        string? SeriesUid = null,
        bool ListOnly = false,
        bool Compress = false,
        bool AllowIrregularSpacing = false);

    /// <summary>Lists, or reads and writes; returns the .mhd written (null when only listing).</summary>
    public static string? Run(IAnsiConsole console, ConvertRequest request, ILogger logger)
    {
        var isFolder = Directory.Exists(request.Scan);
        if ((request.ListOnly || request.SeriesUid is not null) && !isFolder)
        {
            throw new ArgumentException(
                $"{request.Scan} is not a folder; --series and --list choose among the series of a DICOM folder.");
        }

        if (request.ListOnly)
        {
            console.Write(SeriesTable(request.Scan, DicomSeriesReader.ListSeries(request.Scan, logger)));
            return null;
        }

        var scan = isFolder
            ? DicomSeriesReader.Read(request.Scan, request.SeriesUid,
                new DicomReadOptions { AllowIrregularSpacing = request.AllowIrregularSpacing }, logger)
            : ScanFiles.Read(request.Scan, logger);

        Directory.CreateDirectory(request.OutputFolder);
        var mhd = Path.Combine(request.OutputFolder, SafeFileName(scan.SeriesUid, request.Scan) + ".mhd");
        MetaImageWriter.Write(scan, mhd, request.Compress);

        var geometry = $"{scan.Size} voxels (x, y, z), spacing {Mm(scan.Spacing)} mm, origin {scan.Origin} mm";
        console.MarkupLineInterpolated($"Wrote [bold]{mhd}[/]: {geometry}");
        return mhd;
    }

    private static Table SeriesTable(string folder, IReadOnlyList<DicomSeriesSummary> series)
    {
        var table = new Table { Title = new TableTitle(Markup.Escape($"DICOM series in {folder}")) }
            .AddColumn(new TableColumn("SeriesInstanceUID").NoWrap())
            .AddColumns("modality", "slices", "transfer syntax", "description");
        foreach (var s in series)
        {
            table.AddRow(
                Markup.Escape(s.SeriesUid),
                Markup.Escape(s.Modality ?? "?"),
                s.SliceCount.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(s.TransferSyntax),
                Markup.Escape(s.Description ?? ""));
        }

        return table;
    }

    /// <summary>
    /// The UID as a file name. UIDs are digits and dots; anything that could leave the output folder
    /// (a separator, "..") is refused rather than cleaned, so the name always equals the UID.
    /// </summary>
    private static string SafeFileName(string seriesUid, string source)
    {
        var safe = seriesUid.Length > 0 && seriesUid.Length <= 128 && seriesUid != "." && seriesUid != ".."
            && seriesUid.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');
        return safe
            ? seriesUid
            : throw new InvalidDataException(
                $"{source}: series UID '{seriesUid}' cannot be a file name (a UID is digits and dots); " +
                "fix SeriesInstanceUID (0020,000E) in the files.");
    }

    private static string Mm(Vector3D v) =>
        FormattableString.Invariant($"{v.X:0.######} × {v.Y:0.######} × {v.Z:0.######}");
}
