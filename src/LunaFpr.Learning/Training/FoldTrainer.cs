using System.Diagnostics;
using LunaFpr.Candidates;
using LunaFpr.Learning.Inference;
using LunaFpr.Learning.Model;
using LunaFpr.Patches;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LunaFpr.Learning.Training;

/// <summary>
/// Trains one LUNA16 fold (SPEC §4) from fresh weights, or resumes it: SGD with Nesterov momentum on balanced
/// batches, the rate decayed after every epoch, validation, checkpoints and history after every epoch.
/// </summary>
/// <remarks>
/// Output folder: <c>config.json</c> (the run's settings), <c>history.csv</c> (<see cref="LossHistory"/>), and the
/// checkpoints of <see cref="CheckpointStore"/>. With the same seed and thread count a CPU run repeats exactly, and
/// a resumed run continues exactly as the uninterrupted one would have: every epoch reseeds its sampler and dropout
/// from (seed, epoch), and the optimiser's momentum buffers are restored.
/// </remarks>
public sealed class FoldTrainer(ILogger? logger = null)
{
    /// <summary>Name of the run's settings file in the output folder.</summary>
    public const string ConfigFileName = "config.json";

    /// <summary>Data loading above this share of step time is reported as a warning.</summary>
    public const double DataWaitWarning = 0.10;

    private readonly ILogger log = logger ?? NullLogger.Instance;

    /// <summary>Trains (or resumes) <paramref name="run"/>; see <see cref="FoldTrainer"/>.</summary>
    /// <exception cref="IOException">
    /// When the folder holds a run and <see cref="TrainingRun.Resume"/> is false.
    /// </exception>
    /// <exception cref="InvalidDataException">
    /// When the folder's run has another architecture or fold, or the fold lacks positives or negatives.
    /// </exception>
    /// <exception cref="OperationCanceledException">When cancelled; finished epochs stay saved.</exception>
    public TrainingOutcome Run(
        TrainingRun run,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancel = default)
    {
        run.Config.Validate();
        var split = new FoldSplit(run.Fold);
        var store = new CheckpointStore(run.OutputDirectory);
        Directory.CreateDirectory(run.OutputDirectory);
        var last = CheckFolder(run, store);
        var history = ResumedHistory(run, last);
        if (last is not null && last.Epoch >= run.Config.Training.Epochs)
        {
            log.LogInformation("{Folder} already holds all {Epochs} epochs of {Split}; nothing to train",
                run.OutputDirectory, last.Epoch, split);
            return new TrainingOutcome(history, store.BestPath, store.LastPath, 0);
        }

        var settings = run.Config.Training;
        var device = TorchRuntime.Prepare(settings.Device, settings.Threads);
        var sampler = new BalancedSampler(run.Source.Entries, split, log, NodulesToBalance(run));
        TorchRuntime.Seed(settings.Seed);
        using var network = new MultiScaleNet(run.Config.Model);
        network.to(device);
        using var optimizer = CreateOptimizer(network, settings);
        using var average = settings.AverageDecay > 0
            ? new WeightAverage(network, settings.AverageDecay, device)
            : null;
        if (last is not null)
        {
            ModelCheckpoint.LoadWeights(network, store.TrainingWeightsPath(last) ?? store.ResumeWeightsPath(last));
            if (average is not null)
            {
                ModelCheckpoint.LoadWeights(average.Network, store.ResumeWeightsPath(last));
                average.Resume(last.AveragedSteps);
            }

            store.LoadOptimizer(optimizer, last);
            log.LogInformation("Resuming {Split} after epoch {Epoch} at rate {Rate}",
                split, last.Epoch, settings.RateAt(last.Epoch + 1));
        }

        TrainingConfigFile.Write(Path.Combine(run.OutputDirectory, ConfigFileName), run.Config);
        using var replicas = settings.Replicas > 1
            ? new ReplicaGroup(network, settings.Replicas, settings.EffectiveThreads, device)
            : null;
        var session = new Session(run, split, store, sampler, network, replicas, average, optimizer, device, history,
            last, log);
        return session.Train(progress, cancel);
    }

    private static IReadOnlyList<Annotation>? NodulesToBalance(TrainingRun run) =>
        run.Config.Training.PositiveSampling != PositiveSampling.Nodule ? null
        : run.Nodules ?? throw new InvalidOperationException(
            "Positive sampling per nodule needs the annotated nodules, and this run was given none; " +
            "train from a patch store (which holds annotations.csv) or sample per cube.");

    private static OptimizerHelper CreateOptimizer(MultiScaleNet network, TrainingSettings settings) =>
        settings.Optimizer switch
        {
            OptimizerKind.Adam => optim.Adam(network.parameters(), settings.LearningRate),
            _ => optim.SGD(network.parameters(), settings.LearningRate, settings.Momentum,
                nesterov: settings.Nesterov),
        };

    private static CheckpointInfo? CheckFolder(TrainingRun run, CheckpointStore store)
    {
        var last = store.ReadLast();
        if (last is null)
        {
            return null;
        }

        if (!run.Resume)
        {
            throw new IOException(
                $"'{run.OutputDirectory}' already holds a training run (last finished epoch {last.Epoch}). " +
                "Pass --resume to continue it, or choose an empty output folder.");
        }

        var differences = run.Config.Model.ArchitectureDifferences(last.Config.Model);
        if (differences.Count > 0 || last.Fold != run.Fold)
        {
            var what = last.Fold != run.Fold
                ? $"fold {run.Fold} requested, fold {last.Fold} in the checkpoint"
                : string.Join("; ", differences);
            throw new InvalidDataException(
                $"Cannot resume '{store.LastPath}': {what}. Resume with the run's own settings (omit --config and " +
                "--preset to reuse them) or train afresh in another folder.");
        }

        return last;
    }

    // The history file may run ahead of last.json (a run killed between the two) or lag behind it.
    private static List<EpochMetrics> ResumedHistory(TrainingRun run, CheckpointInfo? last)
    {
        if (last is null)
        {
            return [];
        }

        var history = LossHistory.Read(Path.Combine(run.OutputDirectory, LossHistory.FileName))
            .Where(m => m.Epoch < last.Epoch)
            .ToList();
        history.Add(last.Metrics);
        return history;
    }

    /// <summary>The state of one run between epochs.</summary>
    private sealed class Session(
        TrainingRun run,
        FoldSplit split,
        CheckpointStore store,
        BalancedSampler sampler,
        MultiScaleNet network,
        ReplicaGroup? replicas,
        WeightAverage? average,
        OptimizerHelper optimizer,
        Device device,
        List<EpochMetrics> history,
        CheckpointInfo? last,
        ILogger log)
    {
        private readonly TrainingSettings settings = run.Config.Training;
        private readonly CubeInputs inputs = new(run.Source.CubeShape, run.Config.Model.InputChannels);

        private readonly IReadOnlyList<int> validation = split.ValidationIndices(run.Source.Entries);
        private int bestEpoch = last?.BestEpoch ?? 0;
        private double bestLoss = last?.BestLoss ?? double.PositiveInfinity;

        private int Steps => settings.StepsPerEpoch ?? sampler.StepsPerPass(settings.BatchSize);

        /// <summary>The weights that are validated and saved: the running average when there is one.</summary>
        private MultiScaleNet Scored => average?.Network ?? network;

        public TrainingOutcome Train(IProgress<TrainingProgress>? progress, CancellationToken cancel)
        {
            var firstEpoch = (last?.Epoch ?? 0) + 1;
            progress?.Report(new TrainingStarted(
                split, run.Config, network.ParameterCount, ModelCost.ForwardFlopsPerSample(run.Config.Model),
                firstEpoch, Steps, sampler.PositiveSamples, sampler.NegativeSamples, validation.Count));
            for (var epoch = firstEpoch; epoch <= settings.Epochs; epoch++)
            {
                var metrics = TrainEpoch(epoch, progress, cancel) with
                {
                    Validation = Validate(epoch, progress, cancel),
                };
                history.Add(metrics);

                var isBest = metrics.SelectionLoss < bestLoss;
                if (isBest)
                {
                    (bestEpoch, bestLoss) = (epoch, metrics.SelectionLoss);
                }

                var checkpoint = Save(metrics, isBest);
                progress?.Report(new EpochCompleted(metrics, settings.Epochs, history.ToList(), checkpoint, isBest));
            }

            return new TrainingOutcome(history, store.BestPath, store.LastPath, settings.Epochs - firstEpoch + 1);
        }

        private EpochMetrics TrainEpoch(int epoch, IProgress<TrainingProgress>? progress, CancellationToken cancel)
        {
            var rate = settings.RateAt(epoch);
            foreach (var group in optimizer.ParamGroups)
            {
                group.LearningRate = rate;
            }

            TorchRuntime.Seed(TorchRuntime.Derive(settings.Seed, epoch, stream: 0));
            var samplerSeed = (int)(TorchRuntime.Derive(settings.Seed, epoch, stream: 1) & int.MaxValue);
            var plan = sampler.Batches(settings.BatchSize, Steps, settings.Flips, samplerSeed);

            network.train();
            replicas?.Seed(TorchRuntime.Derive(settings.Seed, epoch, stream: 2));
            using var loader = new BatchLoader(run.Source, plan, inputs, settings.PrefetchBatches);
            var clock = Stopwatch.StartNew();
            var (lossSum, seen, step) = (0.0, 0L, 0);
            while (loader.Next() is { } batch)
            {
                var loss = Step(batch);
                lossSum += loss * batch.Count;
                seen += batch.Count;

                step++;
                cancel.ThrowIfCancellationRequested();
                progress?.Report(new StepCompleted(epoch, step, Steps, seen, loss, lossSum / seen, clock.Elapsed));
            }

            var elapsed = clock.Elapsed;
            var wait = elapsed > TimeSpan.Zero ? loader.WaitTime / elapsed : 0;
            LogDataWait(epoch, wait);
            return new EpochMetrics(epoch, rate, lossSum / Math.Max(1, seen), seen, elapsed, wait, null);
        }

        /// <summary>One optimiser step; returns the batch's mean loss of the fused output.</summary>
        private double Step(CubeBatch batch)
        {
            using var scope = NewDisposeScope();
            var (cubes, labels) = (batch.CubesOn(device), batch.LabelsOn(device));
            if (replicas is not null)
            {
                var mean = replicas.Backward(cubes, labels);
                optimizer.step();
                replicas.SyncCopies();
                average?.Update();
                return mean;
            }

            optimizer.zero_grad();
            var (objective, fused) = network.Objective(cubes, labels);
            objective.backward();
            optimizer.step();
            average?.Update();

            using var noGrad = no_grad();
            return nn.functional.nll_loss(fused, labels).item<float>();
        }

        private ValidationMetrics? Validate(int epoch, IProgress<TrainingProgress>? progress, CancellationToken cancel)
        {
            if (validation.Count == 0)
            {
                log.LogWarning("Validation subset {Subset} holds no cubes; the best checkpoint is chosen by " +
                    "training loss", split.ValidationSubset);
                return null;
            }

            var clock = Stopwatch.StartNew();
            var scorer = new NoduleScorer(Scored, device, settings.ValidationBatchSize);
            var relay = new Relay(progress, epoch, validation.Count);
            var pairs = scorer.ScoreLogProbabilities(run.Source, validation, relay, cancel);
            return ValidationScore.From(run.Source.Entries, validation, pairs, run.ValidationCpm, clock.Elapsed);
        }

        private string Save(EpochMetrics metrics, bool isBest)
        {
            var info = new CheckpointInfo(
                CheckpointInfo.CurrentFormat, run.Config, run.Fold, metrics.Epoch, metrics.LearningRate,
                settings.RateAt(metrics.Epoch + 1), metrics, bestEpoch, bestLoss,
                CheckpointStore.EpochFileName(metrics.Epoch, metrics.Validation?.Loss), null,
                AveragedSteps: average?.Updates ?? 0);
            LossHistory.Write(Path.Combine(run.OutputDirectory, LossHistory.FileName), history);
            return store.Save(Scored, optimizer, info, isBest, trained: average is null ? null : network);
        }

        private void LogDataWait(int epoch, double wait)
        {
            var level = wait > DataWaitWarning ? LogLevel.Warning : LogLevel.Information;
            log.Log(level, "Epoch {Epoch}: waiting for data took {Wait:P1} of training time{Hint}", epoch, wait,
                wait > DataWaitWarning ? " (the patch store reads too slowly; use local disk or more prefetch)" : "");
        }
    }

    /// <summary>Turns scored-cube counts into <see cref="ValidationProgress"/> reports, synchronously.</summary>
    private sealed class Relay(IProgress<TrainingProgress>? progress, int epoch, int total) : IProgress<int>
    {
        public void Report(int value) => progress?.Report(new ValidationProgress(epoch, value, total));
    }
}
