using LunaFpr.Patches;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LunaFpr.Learning.Model;

/// <summary>
/// The three-scale 3D CNN of SPEC §3 (after Dou et al. 2017). Input: cubes [N, C, 26, 40, 40] (z, y, x), float32,
/// windowed to [0, 1]. Output of <see cref="forward"/>: log-probabilities [N, 2]; column 1 is "nodule".
/// </summary>
/// <remarks>
/// The d30 and d20 inputs are <c>narrow</c> views of the same batch, so the batch is never copied per scale.
/// Parameter names follow the fields: <c>d40.conv1.weight</c>, <c>fusion.weight</c>, <c>head30.bias</c>, …
/// </remarks>
public sealed class MultiScaleNet : nn.Module<Tensor, Tensor>
{
    /// <summary>Dou et al.'s weights of the d40, d30 and d20 softmax outputs under weighted fusion.</summary>
    public static IReadOnlyList<double> FusionWeights { get; } = [0.3, 0.4, 0.3];

    private readonly ScaleBranch d40;
    private readonly ScaleBranch d30;
    private readonly ScaleBranch d20;

    // Concatenation fusion: Dense → BN → PReLU → Dense 2.
    private readonly Linear? fusion;
    private readonly BatchNorm1d? fusionNorm;
    private readonly PReLU? fusionAct;
    private readonly Linear? classifier;

    // Weighted fusion: a Dense 2 head per branch.
    private readonly Linear? head40;
    private readonly Linear? head30;
    private readonly Linear? head20;

    /// <summary>Builds the network with fresh weights drawn from torch's current generator.</summary>
    public MultiScaleNet(ModelSettings settings) : base(nameof(MultiScaleNet))
    {
        settings.Validate();
        Settings = settings;
        d40 = Branch(ScaleSpec.D40);
        d30 = Branch(ScaleSpec.D30);
        d20 = Branch(ScaleSpec.D20);
        if (settings.Fusion == FusionMode.Concatenation)
        {
            fusion = nn.Linear(settings.DenseD40 + settings.DenseD30 + settings.DenseD20, settings.FusionDense);
            fusionNorm = nn.BatchNorm1d(settings.FusionDense);
            fusionAct = nn.PReLU(settings.FusionDense);
            classifier = nn.Linear(settings.FusionDense, 2);
        }
        else
        {
            head40 = nn.Linear(settings.DenseD40, 2);
            head30 = nn.Linear(settings.DenseD30, 2);
            head20 = nn.Linear(settings.DenseD20, 2);
        }

        RegisterComponents();

        ScaleBranch Branch(ScaleSpec scale) => new(
            scale, settings.ChannelCount, settings.Filters, settings.DenseUnits(scale), settings.Dropout);
    }

    /// <summary>The settings the network was built with.</summary>
    public ModelSettings Settings { get; }

    /// <summary>
    /// Draws every branch's dropout masks from <paramref name="generator"/> (null: torch's global generator).
    /// </summary>
    public void UseDropoutGenerator(Generator? generator)
    {
        foreach (var branch in new[] { d40, d30, d20 })
        {
            branch.DropoutGenerator = generator;
        }
    }

    /// <summary>Number of trainable values (weights, biases, BN scales and shifts, PReLU slopes).</summary>
    public long ParameterCount => parameters().Sum(p => p.numel());

    /// <summary>Log-probabilities [N, 2] of cubes [N, C, 26, 40, 40].</summary>
    public override Tensor forward(Tensor cubes) => Run(cubes).Fused;

    /// <summary>
    /// Runs the network once. <see cref="NetOutput.Fused"/> is the prediction's log-probabilities [N, 2];
    /// under weighted fusion <see cref="NetOutput.Heads"/> holds each branch's own [N, 2] (d40, d30, d20).
    /// </summary>
    public NetOutput Run(Tensor cubes)
    {
        CheckInput(cubes);
        using var scope = NewDisposeScope();
        var f40 = d40.forward(Crop(cubes, ScaleSpec.D40));
        var f30 = d30.forward(Crop(cubes, ScaleSpec.D30));
        var f20 = d20.forward(Crop(cubes, ScaleSpec.D20));

        if (fusion is not null)
        {
            var joined = cat([f40, f30, f20], 1);
            var hidden = fusionAct!.forward(fusionNorm!.forward(fusion.forward(joined)));
            var fused = classifier!.forward(hidden).log_softmax(1);
            return new NetOutput(fused.MoveToOuterDisposeScope(), []);
        }

        Tensor[] heads =
        [
            head40!.forward(f40).log_softmax(1),
            head30!.forward(f30).log_softmax(1),
            head20!.forward(f20).log_softmax(1),
        ];
        var weighted = heads.Select((h, i) => h + Math.Log(FusionWeights[i])).ToArray();
        var mixed = stack(weighted, 0).logsumexp(0);
        scope.MoveToOuter(heads);
        return new NetOutput(mixed.MoveToOuterDisposeScope(), heads);
    }

    /// <summary>
    /// The quantity training minimises for <paramref name="labels"/> [N] (int64, 1 = nodule): the cross-entropy of
    /// the fused output, or under weighted fusion the sum of the three heads' cross-entropies, so that each branch
    /// learns from its own loss as Dou et al.'s separate networks did. Also returns the fused log-probabilities.
    /// </summary>
    public (Tensor Objective, Tensor Fused) Objective(Tensor cubes, Tensor labels)
    {
        var output = Run(cubes);
        if (output.Heads.Count == 0)
        {
            return (nn.functional.nll_loss(output.Fused, labels), output.Fused);
        }

        var sum = output.Heads.Select(h => nn.functional.nll_loss(h, labels)).Aggregate((a, b) => a + b);
        return (sum, output.Fused);
    }

    /// <summary>The crop of <paramref name="scale"/> from cubes [N, C, 26, 40, 40], as a view (no copy).</summary>
    public static Tensor Crop(Tensor cubes, ScaleSpec scale) => cubes
        .narrow(2, scale.CropStart.Z, scale.CropSize.Z)
        .narrow(3, scale.CropStart.Y, scale.CropSize.Y)
        .narrow(4, scale.CropStart.X, scale.CropSize.X);

    private void CheckInput(Tensor cubes)
    {
        var cube = CubeShape.Default;
        var channels = Settings.ChannelCount;
        long[] expected = [cubes.shape.Length > 0 ? cubes.shape[0] : 0, channels, cube.Z, cube.Y, cube.X];
        if (!cubes.shape.SequenceEqual(expected))
        {
            throw new ArgumentException(
                $"The network expects cubes [N, {channels}, {cube.Z}, {cube.Y}, {cube.X}] (N, channels, " +
                $"z, y, x); got [{string.Join(", ", cubes.shape)}].", nameof(cubes));
        }
    }
}

/// <summary>
/// One pass of <see cref="MultiScaleNet"/>: the fused log-probabilities [N, 2] and, under weighted fusion, each
/// branch head's log-probabilities [N, 2] in the order d40, d30, d20 (empty under concatenation).
/// </summary>
public sealed record NetOutput(Tensor Fused, IReadOnlyList<Tensor> Heads);
