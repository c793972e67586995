using LunaFpr.Cli.Training;
using LunaFpr.Learning.Training;

namespace LunaFpr.Cli.CrossValidation;

/// <summary>
/// The one training config of a cross-validation folder. Every fold must train with the same settings, so the
/// first run saves them as <c>OUT/config.json</c> and later runs (other folds, other machines) must agree.
/// </summary>
internal static class CvConfig
{
    /// <summary>The saved config, or the one from --config and the overrides, saved if the folder has none.</summary>
    /// <exception cref="ArgumentException">When the given settings differ from the folder's saved ones.</exception>
    public static TrainingConfig Resolve(CvLayout layout, TrainRequest request)
    {
        var saved = Saved(layout);
        var baseline = request.ConfigPath is { } path ? TrainingConfigFile.Read(path) : saved ?? TrainingConfig.Default;
        return Claim(layout, request.Overrides.ApplyTo(baseline), saved);
    }

    /// <summary><paramref name="wanted"/>, saved if the folder has no config yet.</summary>
    /// <exception cref="ArgumentException">When the folder's saved settings differ from these.</exception>
    public static TrainingConfig Claim(CvLayout layout, TrainingConfig wanted) => Claim(layout, wanted, Saved(layout));

    private static TrainingConfig Claim(CvLayout layout, TrainingConfig wanted, TrainingConfig? saved)
    {
        if (saved is null)
        {
            Directory.CreateDirectory(layout.Root);
            TrainingConfigFile.Write(layout.Config, wanted);
            return wanted;
        }

        if (TrainingConfigFile.Serialize(wanted) != TrainingConfigFile.Serialize(saved))
        {
            throw new ArgumentException(
                $"'{layout.Config}' holds the settings this cross-validation started with, and the given ones " +
                "differ; every fold must train alike. Drop the options, or use a new --out folder.");
        }

        return saved;
    }

    private static TrainingConfig? Saved(CvLayout layout) =>
        File.Exists(layout.Config) ? TrainingConfigFile.Read(layout.Config) : null;

    /// <summary>The folder's saved config, for merging.</summary>
    public static TrainingConfig Load(CvLayout layout) => File.Exists(layout.Config)
        ? TrainingConfigFile.Read(layout.Config)
        : throw new FileNotFoundException(
            $"'{layout.Config}' does not exist: '{layout.Root}' is not a cross-validation folder.", layout.Config);
}
