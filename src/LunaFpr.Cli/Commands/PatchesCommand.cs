using System.CommandLine;
using System.Globalization;
using LunaFpr.Cli.Console;
using LunaFpr.Cli.Patches;
using LunaFpr.IO;
using LunaFpr.Patches;
using Spectre.Console;

namespace LunaFpr.Cli.Commands;

/// <summary>
/// <c>lunafpr patches show --store DIR --series UID [--kind negative|original|resampled] [--count N] --out DIR</c>:
/// PNG sheets of the axial slices of chosen cubes, to check the packing of a patch store by eye (SPEC §2.6).
/// </summary>
internal static class PatchesCommand
{
    public static Command Create()
    {
        var store = new Option<string>("--store")
        { Description = "A patch store made by lunafpr prepare.", Required = true };
        var series = new Option<string>("--series") { Description = "Series whose cubes to draw.", Required = true };
        var kind = new Option<string?>("--kind")
        { Description = "Only cubes of this kind: negative, original or resampled." };
        var count = new Option<int>("--count")
        { Description = "Cubes to draw, spread evenly over the matching cubes.", DefaultValueFactory = _ => 8 };
        var output = new Option<string>("--out") { Description = "Folder for the PNG sheets.", Required = true };
        var show = new Command("show", "Draw cubes of one series as PNG sheets of axial slices, lung window.")
        {
            store, series, kind, count, output,
        };
        show.SetAction(parse => CommandRunner.Run(_ => Show(AnsiConsole.Console, parse.GetValue(store)!,
            parse.GetValue(series)!, ParseKind(parse.GetValue(kind)), parse.GetValue(count), parse.GetValue(output)!)));
        return new Command("patches", "Look into a patch store.") { show };
    }

    /// <summary>Writes one sheet per chosen cube into <paramref name="outputDirectory"/>; returns 0.</summary>
    public static int Show(IAnsiConsole console, string storeDirectory, string seriesUid, PatchKind? kind, int count,
        string outputDirectory)
    {
        if (count < 1)
        {
            throw new ArgumentException($"--count must be at least 1, got {count}.");
        }

        using var store = PatchStore.Open(storeDirectory);
        var matching = Enumerable.Range(0, store.Entries.Count)
            .Where(i => store.Entries[i].SeriesUid == seriesUid && (kind is null || store.Entries[i].Kind == kind))
            .ToList();
        if (matching.Count == 0)
        {
            throw new ArgumentException(
                $"The store in '{storeDirectory}' has no {(kind is null ? "" : KindName(kind.Value) + " ")}cubes of "
                + $"series {seriesUid}; see the series lists in its subset folders.");
        }

        Directory.CreateDirectory(outputDirectory);
        var chosen = Enumerable.Range(0, Math.Min(count, matching.Count))
            .Select(k => matching[(int)((long)k * matching.Count / Math.Min(count, matching.Count))]);
        var cube = new short[store.CubeShape.VoxelCount];
        foreach (var index in chosen)
        {
            var entry = store.Entries[index];
            store.ReadCube(index, cube);
            var caption = FormattableString.Invariant(
                $"#{index} {KindName(entry.Kind)}  world {entry.CenterWorldMm} mm  voxel {entry.CenterIndexZyx}");
            var path = Path.Combine(outputDirectory, $"cube-{index:D7}-{KindName(entry.Kind)}.png");
            var png = CubeSheet.Render(cube, store.CubeShape, caption);
            AtomicFile.Write(path, stream => stream.Write(png));
            console.WriteLine(path);
        }

        return 0;
    }

    internal static string KindName(PatchKind kind) => kind switch
    {
        PatchKind.OriginalPositive => "original",
        PatchKind.ResampledPositive => "resampled",
        _ => "negative",
    };

    /// <exception cref="FormatException">Not one of negative, original, resampled.</exception>
    internal static PatchKind? ParseKind(string? text) => text?.ToLower(CultureInfo.InvariantCulture) switch
    {
        null => null,
        "negative" => PatchKind.Negative,
        "original" => PatchKind.OriginalPositive,
        "resampled" => PatchKind.ResampledPositive,
        _ => throw new FormatException($"--kind '{text}': use negative, original or resampled."),
    };
}
