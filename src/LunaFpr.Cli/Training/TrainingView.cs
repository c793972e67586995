using System.Globalization;
using LunaFpr.Cli.Plots;
using LunaFpr.Learning.Training;
using Spectre.Console;

namespace LunaFpr.Cli.Training;

/// <summary>
/// Shows a training run: the network's size and cost and the fold's data at the start, a progress bar per epoch
/// (loss, samples/s, ETA) and one for validation, one fixed-format line per finished epoch, and the loss plot
/// redrawn after every epoch. Reports arrive on the training thread.
/// </summary>
internal sealed class TrainingView(IAnsiConsole console, ProgressContext context, string outputDirectory)
    : IProgress<TrainingProgress>
{
    private ProgressTask? epochTask;
    private ProgressTask? validationTask;
    private long plannedSamples;
    private int epochs;

    public void Report(TrainingProgress value)
    {
        switch (value)
        {
            case TrainingStarted started:
                Started(started);
                break;
            case StepCompleted step:
                Step(step);
                break;
            case ValidationProgress validation:
                Validation(validation);
                break;
            case EpochCompleted completed:
                Completed(completed);
                break;
        }
    }

    private void Started(TrainingStarted s)
    {
        var settings = s.Config.Training;
        epochs = settings.Epochs;
        plannedSamples = (long)s.StepsPerEpoch * settings.BatchSize;
        console.WriteLine(TrainingProgressFormat.CostLine(s.Config.Model, s.Parameters, s.ForwardFlopsPerSample));
        console.WriteLine(
            Invariant($"{s.Split}: {s.PositiveSamples:N0} positive versions (4 rotations each), ")
            + Invariant($"{s.NegativeSamples:N0} negatives; {s.ValidationCubes:N0} validation cubes"));
        console.WriteLine(
            Invariant($"epochs {s.FirstEpoch}…{settings.Epochs}, {s.StepsPerEpoch:N0} steps of {settings.BatchSize}, ")
            + Invariant($"{settings.Optimizer.ToString().ToLowerInvariant()} ")
            + Invariant($"at rate {settings.RateAt(s.FirstEpoch):G4} ")
            + Invariant($"× {settings.DecayPerEpoch} per epoch, positives per ")
            + Invariant($"{settings.PositiveSampling.ToString().ToLowerInvariant()}, ")
            + Invariant($"seed {settings.Seed}, {settings.EffectiveThreads} thread(s), ")
            + settings.Device.ToString().ToLowerInvariant());
    }

    private void Step(StepCompleted s)
    {
        epochTask ??= context.AddTask($"epoch {s.Epoch}/{epochs}", maxValue: s.Steps);
        epochTask.Value = s.Step;
        var rate = s.SamplesSeen / Math.Max(s.Elapsed.TotalSeconds, 1e-3);
        epochTask.Description = Invariant(
            $"epoch {s.Epoch}/{epochs} · loss {s.MeanLoss:0.0000} · {rate:0.0} samples/s");
    }

    private void Validation(ValidationProgress v)
    {
        validationTask ??= context.AddTask($"validation {v.Epoch}", maxValue: Math.Max(1, v.Total));
        validationTask.Value = v.Done;
    }

    private void Completed(EpochCompleted c)
    {
        epochTask?.StopTask();
        validationTask?.StopTask();
        (epochTask, validationTask) = (null, null);

        var line = TrainingProgressFormat.EpochLine(c.Metrics, c.Epochs, plannedSamples);
        var data = Invariant($" data {c.Metrics.DataWaitFraction:0.0%}");
        console.WriteLine(line + data + (c.IsBest ? " *" : ""));
        LossPlot.Save(Path.Combine(outputDirectory, LossPlot.FileName), c.History,
            Path.GetFileName(Path.GetFullPath(outputDirectory)));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
