using LunaFpr.Candidates;
using LunaFpr.Learning.Inference;
using LunaFpr.Learning.Tests.Fakes;
using LunaFpr.Learning.Training;
using LunaFpr.Patches;
using TorchSharp;
using static TorchSharp.torch;

namespace LunaFpr.Learning.Tests.Training;

public class FoldTrainerTests
{
    private static readonly SyntheticPatchSource Source = TinyRuns.Source();

    [Fact]
    public void Training_OnSpheresVersusTubes_HalvesTheLossWithinThirtySteps()
    {
        using var folder = new TempFolder();
        var losses = new List<double>();
        var progress = new Recorder(p =>
        {
            if (p is StepCompleted step)
            {
                losses.Add(step.BatchLoss);
            }
        });

        var outcome = new FoldTrainer().Run(
            new TrainingRun(Source, TinyRuns.Config(epochs: 3, steps: 10, batch: 8, rate: 0.01), 0, folder.Path),
            progress);

        Assert.Equal(30, losses.Count);
        var initial = losses.Take(3).Average();
        var final = losses.TakeLast(3).Average();
        Assert.True(final < 0.5 * initial, $"loss went from {initial:0.000} to {final:0.000}");
        Assert.True(outcome.History[^1].Validation!.RocAuc > 0.9, $"AUC {outcome.History[^1].Validation!.RocAuc}");
    }

    [Fact]
    public void Run_WritesEveryEpochsCheckpointBestLastHistoryAndConfig()
    {
        using var folder = new TempFolder();
        var completed = new List<EpochCompleted>();

        var validation = Source.Entries.Where(e => e.Subset == 1 && e.Kind != PatchKind.ResampledPositive).ToList();
        var nodules = validation.Where(e => e.Kind == PatchKind.OriginalPositive)
            .Select(e => new Annotation(e.SeriesUid, e.CenterWorldMm, 10)).ToList();
        var run = new TrainingRun(Source, TinyRuns.Config(epochs: 2, steps: 1, batch: 4), 0, folder.Path)
        {
            ValidationCpm = ValidationCpm.For(nodules, [], validation.Select(e => e.SeriesUid).Distinct().ToList()),
        };

        var outcome = new FoldTrainer().Run(run, new Recorder(p => { if (p is EpochCompleted e) completed.Add(e); }));

        var files = Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order().ToList();
        var epochFiles = files.Where(f => f!.StartsWith("epoch-")).ToList();
        Assert.Equal(4, epochFiles.Count);
        Assert.Matches(@"^epoch-001-val\d\.\d{4}\.bin$", epochFiles[0]);
        Assert.Contains("best.bin", files);
        Assert.Contains("last.json", files);
        Assert.Contains("optimizer-002.bin", files);
        Assert.DoesNotContain("optimizer-001.bin", files);
        Assert.Contains(FoldTrainer.ConfigFileName, files);
        Assert.Equal(2, LossHistory.Read(Path.Combine(folder.Path, LossHistory.FileName)).Count);
        Assert.Equal([1, 2], completed.Select(c => c.Metrics.Epoch));
        Assert.Equal(18, outcome.History[0].Validation!.Positives + outcome.History[0].Validation!.Negatives);
        Assert.DoesNotContain(files, f => f!.Contains(".tmp"));
        Assert.InRange(outcome.History[1].Validation!.Cpm!.Value, 0, 1);
    }

    [Fact]
    public void Resume_ContinuesTheDecayedRateAndEndsWhereAnUninterruptedRunEnds()
    {
        using var straight = new TempFolder();
        using var interrupted = new TempFolder();
        var config = TinyRuns.Config(epochs: 2, steps: 2, batch: 4, decay: 0.5);
        AssertResumeMatchesStraightRun(config, straight, interrupted);
    }

    [Fact]
    public void Resume_UnderWeightAveraging_RestoresTheAverageAndTheTrainedWeights()
    {
        using var straight = new TempFolder();
        using var interrupted = new TempFolder();
        var tiny = TinyRuns.Config(epochs: 2, steps: 2, batch: 4, decay: 0.5);
        var config = tiny with { Training = tiny.Training with { AverageDecay = 0.9 } };

        AssertResumeMatchesStraightRun(config, straight, interrupted);

        var last = new CheckpointStore(interrupted.Path).ReadLast()!;
        Assert.Equal("training-002.bin", last.TrainingWeightsFile);
        Assert.Equal(4, last.AveragedSteps);
        Assert.Single(Directory.GetFiles(interrupted.Path, "training-*.bin"));
        using var averaged = ModelCheckpoint.Load(Path.Combine(interrupted.Path, "last.bin"));
        using var trained = ModelCheckpoint.Load(Path.Combine(interrupted.Path, "last.bin"));
        ModelCheckpoint.LoadWeights(trained.Network, Path.Combine(interrupted.Path, "training-002.bin"));
        var differ = averaged.Network.parameters().Zip(trained.Network.parameters())
            .Count(p => !p.First.equal(p.Second).all().item<bool>());
        Assert.True(differ > 0, "the averaged checkpoint equals the trained weights");
    }

    private static void AssertResumeMatchesStraightRun(TrainingConfig config, TempFolder straight,
        TempFolder interrupted)
    {

        new FoldTrainer().Run(new TrainingRun(Source, config, 0, straight.Path));
        var firstHalf = config with { Training = config.Training with { Epochs = 1 } };
        new FoldTrainer().Run(new TrainingRun(Source, firstHalf, 0, interrupted.Path));
        var resumed = new FoldTrainer().Run(new TrainingRun(Source, config, 0, interrupted.Path) { Resume = true });

        Assert.Equal(1, resumed.EpochsTrained);
        Assert.Equal([0.001, 0.0005], resumed.History.Select(m => m.LearningRate));
        var expected = LossHistory.Read(Path.Combine(straight.Path, LossHistory.FileName));
        Assert.Equal(expected.Select(m => m.TrainLoss), resumed.History.Select(m => m.TrainLoss));
        using var a = ModelCheckpoint.Load(Path.Combine(straight.Path, "last.bin"));
        using var b = ModelCheckpoint.Load(resumed.LastCheckpoint!);
        foreach (var ((name, pa), (_, pb)) in a.Network.named_parameters().Zip(b.Network.named_parameters()))
        {
            Assert.True(pa.equal(pb).all().item<bool>(), $"parameter {name} differs");
        }
    }

    [Fact]
    public void Resume_OfAFinishedRun_TrainsNothing()
    {
        using var folder = new TempFolder();
        var config = TinyRuns.Config(epochs: 1, steps: 1, batch: 4);
        new FoldTrainer().Run(new TrainingRun(Source, config, 0, folder.Path));

        var again = new FoldTrainer().Run(new TrainingRun(Source, config, 0, folder.Path) { Resume = true });

        Assert.Equal(0, again.EpochsTrained);
        Assert.Single(again.History);
    }

    [Fact]
    public void Run_InAFolderHoldingARun_RefusesWithoutResumeAndOtherArchitectures()
    {
        using var folder = new TempFolder();
        var config = TinyRuns.Config(epochs: 1, steps: 1, batch: 4);
        new FoldTrainer().Run(new TrainingRun(Source, config, 0, folder.Path));

        var again = Assert.Throws<IOException>(() =>
            new FoldTrainer().Run(new TrainingRun(Source, config, 0, folder.Path)));
        var wider = config with
        {
            Model = config.Model with { Filters = 8 },
            Training = config.Training with { Epochs = 2 },
        };
        var other = Assert.Throws<InvalidDataException>(() =>
            new FoldTrainer().Run(new TrainingRun(Source, wider, 0, folder.Path) { Resume = true }));

        Assert.Contains("--resume", again.Message);
        Assert.Contains("filters: 8 requested, 16 in the checkpoint", other.Message);
    }

    [Fact]
    public void ManyStepsAndEpochs_KeepTheTrainingThreadsLiveTensorCountFlat()
    {
        // Counted per thread by TorchSharp's dispose-scope statistics: tensors created minus tensors disposed. After
        // the first step (which creates SGD's momentum buffers) every step, validation and checkpoint must give
        // back all it takes.
        using var folder = new TempFolder();
        var live = new List<long>();
        var progress = new Recorder(p =>
        {
            if (p is StepCompleted)
            {
                live.Add(DisposeScopeManager.Statistics.ThreadTotalLiveCount);
            }
        });

        new FoldTrainer().Run(new TrainingRun(Source, TinyRuns.Config(epochs: 3, steps: 8, batch: 4), 0, folder.Path),
            progress);

        Assert.Equal(24, live.Count);
        Assert.All(live.Skip(1), count => Assert.Equal(live[1], count));
    }

    /// <summary>Reports synchronously on the training thread, unlike <see cref="Progress{T}"/>.</summary>
    private sealed class Recorder(Action<TrainingProgress> onReport) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => onReport(value);
    }

    [Fact]
    public void Run_PerNoduleSamplingWithoutNodules_SaysWhatIsMissing()
    {
        using var folder = new TempFolder();
        var config = TinyRuns.Config(epochs: 1, steps: 1, batch: 4);
        config = config with { Training = config.Training with { PositiveSampling = PositiveSampling.Nodule } };

        var error = Assert.Throws<InvalidOperationException>(
            () => new FoldTrainer().Run(new TrainingRun(Source, config, 0, folder.Path)));

        Assert.Contains("needs the annotated nodules", error.Message);
    }
}
