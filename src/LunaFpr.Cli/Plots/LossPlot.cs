using System.Globalization;
using LunaFpr.IO;
using LunaFpr.Learning.Training;
using ScottPlot;

namespace LunaFpr.Cli.Plots;

/// <summary>
/// Draws the training and validation loss (mean cross-entropy per cube) against the epoch as a PNG, marking the
/// best epoch; redrawn after every epoch from the whole history, including epochs before a resume.
/// </summary>
internal static class LossPlot
{
    /// <summary>File name of the plot inside a run's output folder.</summary>
    public const string FileName = "loss.png";

    private const int Width = 900;
    private const int Height = 550;

    /// <summary>Renders <paramref name="history"/> and writes the PNG to <paramref name="path"/> atomically.</summary>
    public static void Save(string path, IReadOnlyList<EpochMetrics> history, string title)
    {
        var plot = new Plot();
        var epochs = history.Select(m => (double)m.Epoch).ToArray();
        var train = plot.Add.Scatter(epochs, history.Select(m => m.TrainLoss).ToArray(), Colors.Blue);
        train.LegendText = "training";

        var validated = history.Where(m => m.Validation is not null).ToList();
        if (validated.Count > 0)
        {
            var validation = plot.Add.Scatter(validated.Select(m => (double)m.Epoch).ToArray(),
                validated.Select(m => m.Validation!.Loss).ToArray(), Colors.OrangeRed);
            validation.LegendText = "validation";
        }

        var best = history.MinBy(m => m.SelectionLoss)!;
        var marker = plot.Add.VerticalLine(best.Epoch, color: Colors.Gray);
        marker.LinePattern = LinePattern.Dotted;
        marker.LegendText = $"best: epoch {best.Epoch}";

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.XLabel("epoch");
        plot.YLabel("loss (cross-entropy per cube)");
        plot.Title(string.Create(CultureInfo.InvariantCulture, $"{title}: {history.Count} epoch(s)"));
        plot.ShowLegend(Alignment.UpperRight);

        var png = plot.GetImageBytes(Width, Height, ImageFormat.Png);
        AtomicFile.Write(path, stream => stream.Write(png));
    }
}
