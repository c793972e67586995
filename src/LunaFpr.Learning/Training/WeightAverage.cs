using LunaFpr.Learning.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace LunaFpr.Learning.Training;

/// <summary>
/// An exponential moving average of a network's weights and batch-norm statistics over the optimiser's steps
/// (Polyak averaging). After step n the average moves towards the trained weights by 1 − d with
/// d = min(decay, (1 + n) / (10 + n)), so the first steps are not tied to the random initial weights.
/// </summary>
/// <remarks>
/// Written here because TorchSharp has no counterpart of PyTorch's <c>swa_utils.AveragedModel</c>. A short run on
/// few cubes ends wherever the last noisy steps left it; the average of the last hundred or so steps scores
/// held-out cubes more steadily, and it is what validation, checkpoints and prediction see. Integer buffers (the
/// batch-norm step counters) are copied, not averaged.
/// </remarks>
public sealed class WeightAverage : IDisposable
{
    private readonly (Tensor Average, Tensor Trained)[] pairs;

    /// <summary>
    /// Starts the average at the current weights of <paramref name="trained"/>, on <paramref name="device"/>.
    /// </summary>
    /// <param name="trained">The network the optimiser steps.</param>
    /// <param name="decay">The longest-run decay, 0 &lt; decay &lt; 1; 0.99 averages over about 100 steps.</param>
    /// <param name="device">Where the trained network's weights live.</param>
    public WeightAverage(MultiScaleNet trained, double decay, Device device)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(decay, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(decay, 1);
        Decay = decay;
        Network = new MultiScaleNet(trained.Settings);
        Network.to(device);
        var averaged = Network.state_dict();
        pairs = trained.state_dict().Select(entry => (averaged[entry.Key], entry.Value)).ToArray();
        using var noGrad = no_grad();
        foreach (var (average, weights) in pairs)
        {
            average.copy_(weights);
        }
    }

    /// <summary>The averaged network; the same architecture as the trained one.</summary>
    public MultiScaleNet Network { get; }

    /// <summary>The longest-run decay per step.</summary>
    public double Decay { get; }

    /// <summary>Steps averaged so far.</summary>
    public long Updates { get; private set; }

    /// <summary>The decay applied at update <paramref name="update"/> (from 1).</summary>
    public double DecayAt(long update) => Math.Min(Decay, (1.0 + update) / (10.0 + update));

    /// <summary>Moves the average towards the trained network's current weights; call after every step.</summary>
    public void Update()
    {
        Updates++;
        var keep = DecayAt(Updates);
        using var noGrad = no_grad();
        foreach (var (average, weights) in pairs)
        {
            if (is_floating_point(average))
            {
                average.mul_(keep).add_(weights, alpha: 1 - keep);
            }
            else
            {
                average.copy_(weights);
            }
        }
    }

    /// <summary>
    /// Continues a resumed run: the caller has loaded the saved average into <see cref="Network"/>, and
    /// <paramref name="updates"/> steps went into it.
    /// </summary>
    public void Resume(long updates)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(updates);
        Updates = updates;
    }

    public void Dispose() => Network.Dispose();
}
