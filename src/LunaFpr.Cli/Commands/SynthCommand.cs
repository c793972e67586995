using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using LunaFpr.Cli.Console;
using LunaFpr.Synthetic;
using Spectre.Console;

namespace LunaFpr.Cli.Commands;

/// <summary><c>lunafpr synth --out DIR [--scans N] [--seed S] [--size small|realistic]</c>: a synthetic data set
/// in the LUNA16 layout.</summary>
internal static class SynthCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out")
        {
            Description = "Folder to write subset0 … subset9 and the LUNA16 lists into (created if missing).",
            Required = true,
        };
        var scans = new Option<int>("--scans")
        {
            Description = "Number of scans, spread round-robin over the ten subsets.",
            DefaultValueFactory = _ => 20,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Seed (≥ 0); the same seed, size and scan count give the same bytes.",
            DefaultValueFactory = _ => 0,
        };
        var size = new Option<string>("--size")
        {
            Description = "small: 256 × 256 × 72–96 voxels, for demos and tests; "
                + "realistic: 512 × 512 at LUNA16's spacing.",
            DefaultValueFactory = _ => "small",
        };
        size.AcceptOnlyFromAmong("small", "realistic");
        const string about = "Generate synthetic chest CT scans with nodules, annotations and candidates.";
        var command = new Command("synth", about)
        {
            output,
            scans,
            seed,
            size,
        };
        command.SetAction(parse => CommandRunner.Run(_ =>
        {
            var options = new SyntheticOptions
            {
                Scans = parse.GetValue(scans),
                Seed = parse.GetValue(seed),
                Size = parse.GetValue(size) == "realistic" ? SyntheticSize.Realistic : SyntheticSize.Small,
            };
            Run(AnsiConsole.Console, options, parse.GetValue(output)!);
            return 0;
        }));
        return command;
    }

    /// <summary>Generates the data set with a progress bar, then prints what each subset holds.</summary>
    public static SyntheticDatasetSummary Run(IAnsiConsole console, SyntheticOptions options, string outputFolder)
    {
        options.Validate();
        var clock = Stopwatch.StartNew();
        var summary = console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask("scans", maxValue: options.Scans);
                var progress = new SynchronousProgress<SyntheticProgress>(p => task.Increment(1));
                return SyntheticDataset.Generate(options, outputFolder, progress);
            });

        console.Write(SubsetTable(summary));
        var reused = summary.Reused > 0 ? $", {summary.Reused} already on disk" : "";
        var scans = options.Scans == 1 ? "1 scan" : $"{options.Scans} scans";
        console.MarkupLineInterpolated(
            $"{scans}{reused} in {clock.Elapsed.TotalSeconds:0.0} s → {Path.GetFullPath(outputFolder)}");
        if (summary.Unlisted > 0)
        {
            const string advice = "belong to another seed or size and are in no list; "
                + "give each data set its own --out folder";
            console.MarkupLineInterpolated(
                $"[yellow]warning:[/] {summary.Unlisted} scans in the subset folders {advice}.");
        }

        return summary;
    }

    private static Table SubsetTable(SyntheticDatasetSummary summary)
    {
        var table = new Table { Caption = new TableTitle("class 1 / class 0: candidates inside / outside a nodule") }
            .AddColumns("subset", "scans", "nodules", "excluded", "class 1", "class 0");
        foreach (var s in summary.Subsets)
        {
            table.AddRow(Cell(s.Subset), Cell(s.Scans), Cell(s.Nodules), Cell(s.Excluded), Cell(s.Positives),
                Cell(s.Negatives));
        }

        var all = summary.Subsets;
        table.AddRow("all", Cell(all.Sum(s => s.Scans)), Cell(all.Sum(s => s.Nodules)), Cell(all.Sum(s => s.Excluded)),
            Cell(all.Sum(s => s.Positives)), Cell(all.Sum(s => s.Negatives)));
        return table;
    }

    private static string Cell(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reports on the caller's thread at once (<see cref="Progress{T}"/> would post to the thread pool
    /// and could run after the bar has closed).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
