namespace LunaFpr.Learning.Model;

/// <summary>How the three scale branches become one prediction.</summary>
public enum FusionMode
{
    /// <summary>
    /// SPEC §3: the branch features are concatenated → Dense → BN → PReLU → Dense 2 → softmax, trained as one net.
    /// </summary>
    Concatenation,

    /// <summary>
    /// Dou et al. 2017: each branch ends in its own Dense 2 → softmax head and learns from its own loss, as three
    /// separate networks would; the prediction is 0.3 · p(d20) + 0.4 · p(d30) + 0.3 · p(d40).
    /// </summary>
    WeightedMean,
}
