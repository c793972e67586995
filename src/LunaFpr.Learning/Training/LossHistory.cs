using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration.Attributes;
using LunaFpr.IO;

namespace LunaFpr.Learning.Training;

/// <summary>
/// The per-epoch history of a training run as CSV (<c>history.csv</c> in the output folder), one row per epoch:
/// <c>epoch,learning_rate,train_loss,samples,elapsed_s,samples_per_s,data_wait,val_loss,val_accuracy,val_auc,
/// val_cpm,val_positives,val_negatives,val_elapsed_s</c>. Empty cells mean "not measured".
/// </summary>
public static class LossHistory
{
    /// <summary>File name of the history inside a run's output folder.</summary>
    public const string FileName = "history.csv";

    /// <summary>Rewrites the whole history at <paramref name="path"/> atomically.</summary>
    public static void Write(string path, IEnumerable<EpochMetrics> history) => AtomicFile.WriteText(path, writer =>
    {
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        csv.WriteRecords(history.Select(Row.From));
    });

    /// <summary>Reads a history written by <see cref="Write"/>; empty when the file does not exist.</summary>
    /// <exception cref="InvalidDataException">When a row cannot be read; the message names file and row.</exception>
    public static IReadOnlyList<EpochMetrics> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        try
        {
            return csv.GetRecords<Row>().Select(r => r.ToMetrics()).ToList();
        }
        catch (CsvHelperException e)
        {
            var row = e.Context?.Parser?.Row;
            throw new InvalidDataException(
                $"Loss history '{path}', row {row}: {e.Message.Split('\n')[0]} Delete the file to start a fresh " +
                "history, or restore it from the run's checkpoints.", e);
        }
    }

    private sealed class Row
    {
        [Name("epoch")] public int Epoch { get; set; }

        [Name("learning_rate")] public double LearningRate { get; set; }

        [Name("train_loss")] public double TrainLoss { get; set; }

        [Name("samples")] public long Samples { get; set; }

        [Name("elapsed_s")] public double ElapsedSeconds { get; set; }

        [Name("samples_per_s")] public double SamplesPerSecond { get; set; }

        [Name("data_wait")] public double DataWait { get; set; }

        [Name("val_loss")] public double? ValLoss { get; set; }

        [Name("val_accuracy")] public double? ValAccuracy { get; set; }

        [Name("val_auc")] public double? ValAuc { get; set; }

        [Name("val_cpm")] public double? ValCpm { get; set; }

        [Name("val_positives")] public int? ValPositives { get; set; }

        [Name("val_negatives")] public int? ValNegatives { get; set; }

        [Name("val_elapsed_s")] public double? ValElapsedSeconds { get; set; }

        public static Row From(EpochMetrics m) => new()
        {
            Epoch = m.Epoch,
            LearningRate = m.LearningRate,
            TrainLoss = m.TrainLoss,
            Samples = m.SamplesSeen,
            ElapsedSeconds = m.Elapsed.TotalSeconds,
            SamplesPerSecond = m.SamplesPerSecond,
            DataWait = m.DataWaitFraction,
            ValLoss = m.Validation?.Loss,
            ValAccuracy = m.Validation?.Accuracy,
            ValAuc = m.Validation?.RocAuc,
            ValCpm = m.Validation?.Cpm,
            ValPositives = m.Validation?.Positives,
            ValNegatives = m.Validation?.Negatives,
            ValElapsedSeconds = m.Validation?.Elapsed.TotalSeconds,
        };

        public EpochMetrics ToMetrics()
        {
            var validation = ValLoss is { } loss
                ? new ValidationMetrics(
                    loss, ValAccuracy ?? double.NaN, ValAuc, ValCpm, ValPositives ?? 0, ValNegatives ?? 0,
                    TimeSpan.FromSeconds(ValElapsedSeconds ?? 0))
                : null;
            return new EpochMetrics(
                Epoch, LearningRate, TrainLoss, Samples, TimeSpan.FromSeconds(ElapsedSeconds), DataWait, validation);
        }
    }
}
