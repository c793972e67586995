namespace LunaFpr.Learning.Training;

/// <summary>The update rule of training.</summary>
public enum OptimizerKind
{
    /// <summary>SGD with momentum, Nesterov if asked (SPEC §4): the reference, for full-length runs.</summary>
    Sgd,

    /// <summary>
    /// Adam (β 0.9, 0.999): reaches a useful network in far fewer steps, which is what a few CPU minutes allow;
    /// <see cref="TrainingSettings.Momentum"/> and <see cref="TrainingSettings.Nesterov"/> do not apply.
    /// </summary>
    Adam,
}
