using System.Text.Json.Serialization;

namespace LunaFpr.Learning.Training;

/// <summary>
/// Optimiser, schedule and data settings of a training run (SPEC §4). Defaults are the SPEC's where it gives one.
/// </summary>
/// <param name="Epochs">Epochs to train (20).</param>
/// <param name="BatchSize">Cubes per step, even, half negatives and half positives (64).</param>
/// <param name="StepsPerEpoch">
/// Steps per epoch; null means one pass over the balanced buffer, the SPEC's count (millions of cubes on LUNA16,
/// so a CPU user will want far fewer).
/// </param>
/// <param name="LearningRate">Rate of the first epoch (0.001).</param>
/// <param name="Momentum">SGD momentum (0.9); unused by Adam.</param>
/// <param name="Nesterov">Nesterov momentum (true).</param>
/// <param name="DecayPerEpoch">
/// Factor the rate is multiplied by after every epoch; epoch e (from 1) trains at rate · decay^(e−1). The SPEC names
/// no value; 0.95 halves the rate over about 14 epochs.
/// </param>
/// <param name="Flips">Also mirror x and z, each with probability ½, on top of the four z-rotations (false).</param>
/// <param name="Seed">Seeds weights, sampling and dropout; a CPU run with the same seed repeats exactly (1).</param>
/// <param name="Threads">Compute threads for torch; 0 means one per core (0).</param>
/// <param name="Device">CPU (default) or CUDA.</param>
/// <param name="ValidationBatchSize">Cubes per validation forward pass (64).</param>
/// <param name="PrefetchBatches">Batches the background loader prepares ahead of the network (3).</param>
/// <param name="Optimizer">SGD (the SPEC's, default) or Adam.</param>
/// <param name="PositiveSampling">
/// Positives drawn per resampled cube (the SPEC's, default) or per nodule; per nodule needs the annotations
/// (<see cref="TrainingRun.Nodules"/>).
/// </param>
/// <param name="Replicas">
/// Copies of the network that train on equal shares of every batch, each on its own thread (1). On a CPU where
/// a small network's step scales poorly over threads, 2 replicas of one thread each train faster than one network
/// on two threads; see <see cref="ReplicaGroup"/>.
/// </param>
/// <param name="AverageDecay">
/// Per-step decay of an exponential moving average of the weights (<see cref="WeightAverage"/>) that validation,
/// checkpoints and prediction use in place of the last step's weights; 0 turns it off (0). 0.99 averages over
/// about the last 100 steps, and steadies short runs.
/// </param>
public sealed record TrainingSettings(
    int Epochs = 20,
    int BatchSize = 64,
    int? StepsPerEpoch = null,
    double LearningRate = 0.001,
    double Momentum = 0.9,
    bool Nesterov = true,
    double DecayPerEpoch = 0.95,
    bool Flips = false,
    long Seed = 1,
    int Threads = 0,
    ComputeDevice Device = ComputeDevice.Cpu,
    int ValidationBatchSize = 64,
    int PrefetchBatches = 3,
    OptimizerKind Optimizer = OptimizerKind.Sgd,
    PositiveSampling PositiveSampling = PositiveSampling.Cube,
    int Replicas = 1,
    double AverageDecay = 0)
{
    /// <summary>The rate epoch <paramref name="epoch"/> (from 1) trains at: rate · decay^(epoch − 1).</summary>
    public double RateAt(int epoch) => LearningRate * Math.Pow(DecayPerEpoch, epoch - 1);

    /// <summary><see cref="Threads"/>, with 0 resolved to the number of cores.</summary>
    [JsonIgnore]
    public int EffectiveThreads => Threads > 0 ? Threads : Environment.ProcessorCount;

    /// <summary>Checks every value; the message names the setting and the accepted range.</summary>
    /// <exception cref="ArgumentException">For a value out of range.</exception>
    public void Validate()
    {
        Require(Epochs is >= 1 and <= 10_000, "epochs", Epochs, "1 … 10000");
        Require(BatchSize is >= 2 and <= 4096 && BatchSize % 2 == 0, "batchSize", BatchSize,
            "an even number 2 … 4096 (half negatives, half positives)");
        Require(StepsPerEpoch is null or >= 1, "stepsPerEpoch", StepsPerEpoch, "at least 1, or null for one pass");
        Require(LearningRate is > 0 and < 10, "learningRate", LearningRate, "> 0 and < 10");
        Require(Momentum is >= 0 and < 1, "momentum", Momentum, "0 ≤ momentum < 1");
        Require(!Nesterov || Momentum > 0, "nesterov", Nesterov, "false when momentum is 0");
        Require(DecayPerEpoch is > 0 and <= 1, "decayPerEpoch", DecayPerEpoch, "> 0 and ≤ 1");
        Require(Threads is >= 0 and <= 1024, "threads", Threads, "0 (one per core) … 1024");
        Require(ValidationBatchSize is >= 1 and <= 4096, "validationBatchSize", ValidationBatchSize, "1 … 4096");
        Require(PrefetchBatches is >= 1 and <= 64, "prefetchBatches", PrefetchBatches, "1 … 64");
        Require(Replicas is >= 1 and <= 64 && Replicas <= BatchSize, "replicas", Replicas,
            "1 … 64 and at most the batch size");
        Require(AverageDecay is >= 0 and < 1, "averageDecay", AverageDecay, "0 (off) or > 0 and < 1, e.g. 0.99");
    }

    private static void Require(bool ok, string key, object? value, string range)
    {
        if (!ok)
        {
            throw new ArgumentException($"Training setting '{key}' is {value ?? "null"}; it must be {range}.");
        }
    }
}
