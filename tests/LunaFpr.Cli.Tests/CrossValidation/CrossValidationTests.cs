using LunaFpr.Cli.Commands;
using LunaFpr.Cli.CrossValidation;
using LunaFpr.Evaluation;
using LunaFpr.Learning.Inference;
using LunaFpr.Learning.Training;
using LunaFpr.Patches;
using Microsoft.Extensions.Logging.Abstractions;

namespace LunaFpr.Cli.Tests.CrossValidation;

public sealed class CrossValidationTests(SyntheticStoreFixture data) : IClassFixture<SyntheticStoreFixture>
{
    [Fact]
    public void Cv_MergesEveryTestCandidateOnce_AndReportsEveryFold()
    {
        var layout = new CvLayout(Path.Combine(data.Root, "cv-two-folds"));
        using var store = PatchStore.Open(data.StorePath);
        var runner = NewRun(store, layout, SyntheticStoreFixture.TinyConfig(epochs: 1));

        runner.RunFold(0, default);
        runner.RunFold(1, default);
        var outcome = CvCommand.MergeAndReport(layout, store, runner, bootstrap: 50);

        var expected = new[] { 0, 1 }.SelectMany(k => CandidatePrediction.TestEntries(store, k))
            .Select(i => (store.Entries[i].SeriesUid, store.Entries[i].CenterWorldMm))
            .OrderBy(e => e.SeriesUid).ThenBy(e => e.CenterWorldMm.X).ThenBy(e => e.CenterWorldMm.Y)
            .ThenBy(e => e.CenterWorldMm.Z).ToArray();
        var merged = SubmissionCsv.Read(layout.MergedSubmission)
            .Select(r => (r.SeriesUid, r.CenterWorldMm))
            .OrderBy(e => e.SeriesUid).ThenBy(e => e.CenterWorldMm.X).ThenBy(e => e.CenterWorldMm.Y)
            .ThenBy(e => e.CenterWorldMm.Z).ToArray();
        Assert.Equal(expected, merged);
        Assert.Equal([0, 1], outcome.Folds);
        Assert.Equal(store.SeriesUids(0).Count + store.SeriesUids(1).Count, outcome.Merged.Counts.Scans);

        var html = File.ReadAllText(layout.ReportHtml);
        Assert.Contains("<td>0</td>", html);
        Assert.Contains("<td>1</td>", html);
        Assert.Contains("<td>merged</td>", html);
        Assert.Contains("data:image/png;base64,", html);
        Assert.Contains("| 1 |", File.ReadAllText(layout.ReportMarkdown));
        Assert.True(File.Exists(Path.Combine(layout.Evaluation(1), EvaluateCommand.SummaryFile)));
    }

    [Fact]
    public void RunFold_ResumesAHalfTrainedFold_WithoutRetrainingFinishedEpochs()
    {
        var layout = new CvLayout(Path.Combine(data.Root, "cv-resume"));
        using var store = PatchStore.Open(data.StorePath);
        var config = SyntheticStoreFixture.TinyConfig(epochs: 2);

        // A run killed after its first epoch leaves exactly what one finished epoch of the same run writes.
        var killed = new FoldTrainer().Run(new TrainingRun(store, config with
        {
            Training = config.Training with { Epochs = 1 },
        }, 0, layout.Training(0)));
        var firstEpoch = killed.History.Single();

        var record = NewRun(store, layout, config).RunFold(0, default);

        var history = LossHistory.Read(Path.Combine(layout.Training(0), LossHistory.FileName));
        Assert.Equal(2, record.Epochs);
        Assert.Equal([1, 2], history.Select(m => m.Epoch));
        Assert.Equal(firstEpoch.TrainLoss, history[0].TrainLoss, 6);
        Assert.Equal(firstEpoch.Elapsed.TotalSeconds, history[0].Elapsed.TotalSeconds, 3);
        Assert.True(File.Exists(layout.FoldDone(0)));
    }

    [Fact]
    public void RunFold_SkipsAFinishedFold()
    {
        var layout = new CvLayout(Path.Combine(data.Root, "cv-skip"));
        using var store = PatchStore.Open(data.StorePath);
        var first = NewRun(store, layout, SyntheticStoreFixture.TinyConfig(epochs: 1)).RunFold(0, default);
        var stamp = File.GetLastWriteTimeUtc(layout.Predictions(0));

        var again = NewRun(store, layout, SyntheticStoreFixture.TinyConfig(epochs: 1)).RunFold(0, default);

        Assert.Equal(first, again);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(layout.Predictions(0)));
    }

    [Fact]
    public void PredictScan_ScoresEveryCandidateOfTheScan_StraightFromTheMetaImage()
    {
        var layout = new CvLayout(Path.Combine(data.Root, "cv-predict"));
        using var store = PatchStore.Open(data.StorePath);
        var record = NewRun(store, layout, SyntheticStoreFixture.TinyConfig(epochs: 1)).RunFold(0, default);
        var series = store.SeriesUids(0)[0];
        var scanPath = Directory.GetFiles(Path.Combine(data.Data, "subset0"), series + ".mhd").Single();
        var candidates = Path.Combine(data.Data, "candidates.csv");

        var rows = PredictCommand.PredictScan(scanPath, candidates,
            new PredictSettings(Path.Combine(layout.Root, record.BestCheckpoint), false, 16, 2), NullLogger.Instance);

        var expected = LunaFpr.Candidates.CandidateCsv.Read(candidates).Count(c => c.SeriesUid == series);
        Assert.Equal(expected, rows.Count);
        Assert.All(rows, r => Assert.Equal(series, r.SeriesUid));
        Assert.All(rows, r => Assert.InRange(r.Probability, 0, 1));

        // The same candidates scored from the store's cubes get the same probabilities.
        var fromStore = SubmissionCsv.Read(layout.Predictions(0)).Where(r => r.SeriesUid == series)
            .ToDictionary(r => r.CenterWorldMm, r => r.Probability);
        Assert.All(rows, r => Assert.Equal(fromStore[r.CenterWorldMm], r.Probability, 5));
    }

    [Fact]
    public void FoldList_ParsesRangesAndLists_AndRejectsNonsense()
    {
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], FoldList.Parse("0-9"));
        Assert.Equal([0, 2, 5, 6, 7], FoldList.Parse("0,2,5-7"));
        Assert.Contains("'12'", Assert.Throws<ArgumentException>(() => FoldList.Parse("1,12")).Message);
        Assert.Contains("backwards", Assert.Throws<ArgumentException>(() => FoldList.Parse("5-2")).Message);
    }

    private static CrossValidationRun NewRun(PatchStore store, CvLayout layout, TrainingConfig config)
    {
        Directory.CreateDirectory(layout.Root);
        TrainingConfigFile.Write(layout.Config, config);
        return new CrossValidationRun(TestConsole.Recording(new StringWriter()), store, layout, config,
            NullLogger.Instance);
    }
}
