using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using LunaFpr.Candidates;
using LunaFpr.Cli.Console;
using LunaFpr.Imaging;
using LunaFpr.Patches;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace LunaFpr.Cli.Commands;

/// <summary>
/// <c>lunafpr prepare --luna16 DIR --candidates FILE --annotations FILE [--excluded FILE] --out DIR [--subsets
/// 0,3,7] [--workers N] [--seed S] [--plane-cap N] [--cube 26,40,40] [--force]</c>: cuts the cubes of every
/// candidate and resampled positive of the chosen subsets into a patch store (SPEC §2). Killed and started again,
/// it resumes.
/// </summary>
internal static class PrepareCommand
{
    /// <summary>Exit code after Ctrl+C: finished series are kept and the next run resumes.</summary>
    public const int Interrupted = 130;

    public static Command Create()
    {
        var luna16 = Required("--luna16", "LUNA16 folder holding subset0 … subset9 with UID.mhd scans.");
        var candidates = Required("--candidates",
            "candidates.csv or candidates_V2.csv (seriesuid,coordX,coordY,coordZ,class).");
        var annotations = Required("--annotations",
            "annotations.csv: the nodules positives are resampled in; copied into the store.");
        var excluded = new Option<string?>("--excluded")
        { Description = "annotations_excluded.csv, copied into the store for evaluation." };
        var output = Required("--out", "The patch store folder; created if missing.");
        var subsets = new Option<string>("--subsets")
        { Description = "Comma-separated subsets to prepare, e.g. 0,3,7.", DefaultValueFactory = _ => "0-9" };
        var workers = new Option<int>("--workers")
        {
            Description = "Scans processed at once; each holds one scan in memory.",
            DefaultValueFactory = _ => Math.Clamp(Environment.ProcessorCount, 1, 4),
        };
        var seed = new Option<int>("--seed")
        { Description = "Seed of the positive resampling.", DefaultValueFactory = _ => 0 };
        var planeCap = new Option<int?>("--plane-cap")
        {
            HelpName = "N",
            Description = "Keep at most N resampled positives per nodule plane (default: the SPEC's rule alone).",
        };
        var cube = new Option<string>("--cube")
        { Description = "Cube size in voxels, z,y,x.", DefaultValueFactory = _ => "26,40,40" };
        var force = new Option<bool>("--force") { Description = "Redo series that an earlier run finished." };
        var command = new Command("prepare", "Cut candidate and resampled-positive cubes into a patch store.")
        {
            luna16, candidates, annotations, excluded, output, subsets, workers, seed, planeCap, cube, force,
        };
        command.SetAction((parse, cancel) => CommandRunner.RunAsync((loggers, token) =>
        {
            var options = new PrepareOptions(parse.GetValue(luna16)!, parse.GetValue(candidates)!,
                parse.GetValue(annotations)!, parse.GetValue(excluded), parse.GetValue(output)!)
            {
                Subsets = ParseSubsets(parse.GetValue(subsets)!),
                Workers = parse.GetValue(workers),
                Seed = parse.GetValue(seed),
                PlaneCap = parse.GetValue(planeCap),
                CubeShape = ParseCube(parse.GetValue(cube)!),
                Force = parse.GetValue(force),
            };
            return Task.FromResult(Run(AnsiConsole.Console, options, loggers.CreateLogger("prepare"), token));
        }, cancel));
        return command;
    }

    private static Option<string> Required(string name, string description) =>
        new(name) { Description = description, Required = true };

    /// <summary>Reads the lists, builds the store with a progress bar and prints a table per subset.</summary>
    public static int Run(IAnsiConsole console, PrepareOptions options, ILogger logger, CancellationToken cancel)
    {
        var candidates = CandidateCsv.Read(options.CandidatesPath);
        var annotations = AnnotationCsv.Read(options.AnnotationsPath);
        if (options.ExcludedPath is not null)
        {
            AnnotationCsv.Read(options.ExcludedPath); // a broken list fails now, not at evaluation
        }

        var builder = new PatchStoreBuilder(path => ScanFiles.Read(path, logger), logger);
        PrepareResult result;
        try
        {
            result = WithProgress(console, progress => builder.Build(options, candidates, annotations, progress,
                cancel));
        }
        catch (OperationCanceledException)
        {
            console.MarkupLine("[yellow]Interrupted.[/] Finished series are kept; run the same command again "
                + "to resume.");
            return Interrupted;
        }

        console.Write(Summary(result));
        console.WriteLine($"Scans cut: {result.ScansPrepared}, already finished and skipped: {result.ScansSkipped}.");
        if (result.CandidatesWithoutScan > 0)
        {
            console.WriteLine($"{result.CandidatesWithoutScan:N0} candidates of {result.SeriesWithoutScan} series "
                + "have no scan under --luna16 and were skipped.");
        }

        if (result.UnmatchedPositives > 0)
        {
            console.WriteLine($"{result.UnmatchedPositives} class-1 candidates lie in no annotated nodule: kept as "
                + "original positives, not resampled.");
        }

        console.WriteLine($"Store: {Path.GetFullPath(options.OutputDirectory)}");
        return 0;
    }

    private static PrepareResult WithProgress(IAnsiConsole console,
        Func<IProgress<PrepareProgress>, PrepareResult> build)
    {
        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask("scans", maxValue: 1);
                var watch = Stopwatch.StartNew();
                return build(new InlineProgress(p =>
                {
                    task.MaxValue = Math.Max(p.ScansTotal, 1);
                    task.Value = p.ScansDone;
                    var rate = p.CubesWritten / Math.Max(watch.Elapsed.TotalSeconds, 1e-3);
                    task.Description = $"scans {p.ScansDone}/{p.ScansTotal} · {rate:N0} cubes/s";
                }));
            });
    }

    private static Table Summary(PrepareResult result)
    {
        var table = new Table().Title("Cubes per subset")
            .AddColumns("subset", "original positives", "resampled positives", "negatives", "total");
        foreach (var column in table.Columns.Skip(1))
        {
            column.RightAligned();
        }

        foreach (var (subset, counts) in result.CountsBySubset)
        {
            table.AddRow($"{subset}", $"{counts.Original:N0}", $"{counts.Resampled:N0}", $"{counts.Negative:N0}",
                $"{counts.Total:N0}");
        }

        return table;
    }

    /// <summary>Parses <c>0,3,7</c>; <c>0-9</c> means all ten.</summary>
    /// <exception cref="FormatException">Something other than comma-separated integers.</exception>
    internal static IReadOnlyList<int> ParseSubsets(string text) => text == "0-9"
        ? Enumerable.Range(0, Luna16Scans.SubsetCount).ToArray()
        : text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var k)
                ? k
                : throw new FormatException($"--subsets '{text}': '{s}' is not a subset number; write e.g. 0,3,7."))
            .ToArray();

    /// <summary>Parses <c>26,40,40</c> as (z, y, x).</summary>
    /// <exception cref="FormatException">Not three positive integers.</exception>
    internal static CubeShape ParseCube(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var sizes = parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n : 0).ToArray();
        if (sizes.Length != 3 || sizes.Any(n => n < 1 || n > 512))
        {
            throw new FormatException($"--cube '{text}': give three sizes z,y,x between 1 and 512, e.g. 26,40,40.");
        }

        return new CubeShape(sizes[0], sizes[1], sizes[2]);
    }

    /// <summary>Reports on the worker's thread, so the bar moves as series finish.</summary>
    private sealed class InlineProgress(Action<PrepareProgress> report) : IProgress<PrepareProgress>
    {
        public void Report(PrepareProgress value) => report(value);
    }
}
