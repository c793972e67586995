using System.CommandLine;
using LunaFpr.Cli.Console;
using LunaFpr.Cli.Training;
using LunaFpr.Learning.Training;
using LunaFpr.Patches;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace LunaFpr.Cli.Commands;

/// <summary>
/// <c>lunafpr train --store DIR --fold K --out DIR [--config FILE] [--save-config FILE] [--epochs N]
/// [--steps-per-epoch N] [--batch N] [--preset small|full] [--seed S] [--threads N] [--device cpu|cuda]
/// [--resume] …</c>: trains the three-scale network on one LUNA16 fold (SPEC §3, §4).
/// </summary>
internal static class TrainCommand
{
    /// <summary>Exit code after Ctrl+C: finished epochs are saved and <c>--resume</c> continues.</summary>
    public const int Interrupted = 130;

    private const int RedirectedWidth = 240;

    public static Command Create()
    {
        var o = new TrainOptions();
        var command = new Command("train", "Train the three-scale 3D CNN on one LUNA16 fold of a patch store.");
        foreach (var option in o.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => CommandRunner.Run(loggers =>
        {
            var request = o.Read(parse);
            var console = AnsiConsole.Console;
            if (System.Console.IsOutputRedirected)
            {
                console.Profile.Width = RedirectedWidth; // a log keeps each epoch on one line
            }

            using var stop = new CancellationTokenSource();
            using var onCtrlC = StopOnFirstCtrlC(console, stop);
            return Run(console, request, PatchSources.Open, loggers.CreateLogger("train"), stop.Token);
        }));
        return command;
    }

    /// <summary>
    /// Resolves the config (file or the run's own, then command-line overrides), saves it when asked, and trains.
    /// </summary>
    public static int Run(
        IAnsiConsole console,
        TrainRequest request,
        Func<string, IPatchSource> openStore,
        ILogger logger,
        CancellationToken cancel)
    {
        var config = request.Overrides.ApplyTo(BaseConfig(request));
        if (request.SaveConfigPath is { } savePath)
        {
            TrainingConfigFile.Write(savePath, config);
            console.WriteLine($"Config saved to {savePath}.");
            if (request.StorePath is null)
            {
                return 0;
            }
        }

        var (store, fold, output) = request.RequireData();
        TorchRuntime.Resolve(config.Training.Device); // no CUDA: say so before reading any data
        var source = openStore(store);
        try
        {
            var run = new TrainingRun(source, config, fold, output)
            {
                Resume = request.Resume,
                ValidationCpm = PatchSources.ValidationCpm(source, new FoldSplit(fold), logger),
                Nodules = (source as PatchStore)?.ReadAnnotations(),
            };
            var outcome = Train(console, run, logger, cancel);
            Finish(console, outcome, output);
            return 0;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            console.MarkupLine("[yellow]Interrupted.[/] Finished epochs are saved; add --resume to continue.");
            return Interrupted;
        }
        finally
        {
            (source as IDisposable)?.Dispose();
        }
    }

    /// <summary>
    /// The first Ctrl+C lets the current step finish and stops cleanly (finished epochs are on disk); a second one
    /// ends the process at once. A step can take many seconds, longer than a signal handler may wait.
    /// </summary>
    private static IDisposable StopOnFirstCtrlC(IAnsiConsole console, CancellationTokenSource stop)
    {
        ConsoleCancelEventHandler handler = (_, e) =>
        {
            if (!stop.IsCancellationRequested)
            {
                e.Cancel = true;
                stop.Cancel();
                console.MarkupLine("[yellow]Stopping after this step;[/] press Ctrl+C again to stop at once.");
            }
        };
        System.Console.CancelKeyPress += handler;
        return new Unsubscribe(() => System.Console.CancelKeyPress -= handler);
    }

    private static TrainingConfig BaseConfig(TrainRequest request)
    {
        if (request.ConfigPath is { } path)
        {
            return TrainingConfigFile.Read(path);
        }

        // A resumed run keeps its own settings unless a config file is given.
        var own = request.OutputPath is null ? null : Path.Combine(request.OutputPath, FoldTrainer.ConfigFileName);
        return request.Resume && own is not null && File.Exists(own)
            ? TrainingConfigFile.Read(own)
            : TrainingConfig.Default;
    }

    private static TrainingOutcome Train(
        IAnsiConsole console,
        TrainingRun run,
        ILogger logger,
        CancellationToken cancel)
    {
        return console.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var view = new TrainingView(console, context, run.OutputDirectory);
                return new FoldTrainer(logger).Run(run, view, cancel);
            });
    }

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        public void Dispose() => action();
    }

    private static void Finish(IAnsiConsole console, TrainingOutcome outcome, string output)
    {
        if (outcome.EpochsTrained == 0 && outcome.History.Count > 0)
        {
            console.WriteLine($"{output} already holds all {outcome.History.Count} epochs; nothing to train. " +
                "Raise --epochs with --resume to train further.");
        }

        if (outcome.History.Count == 0)
        {
            return;
        }

        var best = outcome.History.MinBy(m => m.SelectionLoss)!;
        console.WriteLine($"best: epoch {best.Epoch} ({outcome.BestCheckpoint}); last: {outcome.LastCheckpoint}");
    }
}
