using LunaFpr.Learning.Model;

namespace LunaFpr.Learning.Training;

/// <summary>
/// Everything that defines a training run apart from its data and folders: the network and the optimisation.
/// Saved as JSON by <see cref="TrainingConfigFile"/> and beside every checkpoint.
/// </summary>
public sealed record TrainingConfig(ModelSettings Model, TrainingSettings Training)
{
    /// <summary>SPEC defaults: the full network and SPEC §4's optimiser.</summary>
    public static TrainingConfig Default { get; } = new(ModelSettings.Full, new TrainingSettings());

    /// <summary>Validates both parts.</summary>
    /// <exception cref="ArgumentException">For a value out of range; the message names the setting.</exception>
    public void Validate()
    {
        Model.Validate();
        Training.Validate();
    }
}
