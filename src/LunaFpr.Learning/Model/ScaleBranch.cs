using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LunaFpr.Learning.Model;

/// <summary>
/// One scale of the network (SPEC §3): Conv3d (3, 5, 5) → BN → PReLU → max-pool → Conv3d (3, 5, 5) → BN → PReLU →
/// Conv3d (last kernel) → BN → PReLU → flatten → Dense → BN → PReLU → Dropout. Convolutions use same padding, so
/// only the pool changes the spatial size. PReLU slopes are per channel (one per filter or unit).
/// </summary>
internal sealed class ScaleBranch : nn.Module<Tensor, Tensor>
{
    private readonly Conv3d conv1;
    private readonly BatchNorm3d norm1;
    private readonly PReLU act1;
    private readonly MaxPool3d pool;
    private readonly Conv3d conv2;
    private readonly BatchNorm3d norm2;
    private readonly PReLU act2;
    private readonly Conv3d conv3;
    private readonly BatchNorm3d norm3;
    private readonly PReLU act3;
    private readonly Linear dense;
    private readonly BatchNorm1d denseNorm;
    private readonly PReLU denseAct;
    private readonly Dropout dropout;
    private readonly double dropoutRate;

    /// <param name="scale">Crop, pool and last kernel of this branch.</param>
    /// <param name="channels">Input channels C of the crop [N, C, z, y, x].</param>
    /// <param name="filters">Filters of each convolution.</param>
    /// <param name="denseUnits">Units of the dense layer; the branch's output is [N, denseUnits].</param>
    /// <param name="dropout">Dropout rate after the dense layer.</param>
    public ScaleBranch(ScaleSpec scale, int channels, int filters, int denseUnits, double dropout)
        : base(scale.Name)
    {
        Scale = scale;
        conv1 = nn.Conv3d(channels, filters, Triple(ScaleSpec.Kernel), padding: Padding.Same);
        norm1 = nn.BatchNorm3d(filters);
        act1 = nn.PReLU(filters);
        pool = nn.MaxPool3d(Triple(scale.PoolWindow), Triple(scale.PoolStride));
        conv2 = nn.Conv3d(filters, filters, Triple(ScaleSpec.Kernel), padding: Padding.Same);
        norm2 = nn.BatchNorm3d(filters);
        act2 = nn.PReLU(filters);
        conv3 = nn.Conv3d(filters, filters, Triple(scale.LastKernel), padding: Padding.Same);
        norm3 = nn.BatchNorm3d(filters);
        act3 = nn.PReLU(filters);
        dense = nn.Linear(scale.FlattenedLength(filters), denseUnits);
        denseNorm = nn.BatchNorm1d(denseUnits);
        denseAct = nn.PReLU(denseUnits);
        this.dropout = nn.Dropout(dropout);
        dropoutRate = dropout;
        RegisterComponents();
    }

    /// <summary>Crop, pool and kernel geometry of this branch.</summary>
    public ScaleSpec Scale { get; }

    /// <summary>
    /// Draws the dropout masks when set, instead of torch's global generator: replicas training on parallel
    /// threads would otherwise take their masks from one shared stream in whatever order the threads reach it.
    /// </summary>
    public Generator? DropoutGenerator { get; set; }

    /// <summary>Maps a crop [N, C, z, y, x] (the branch's crop size) to features [N, denseUnits].</summary>
    public override Tensor forward(Tensor crop)
    {
        using var scope = NewDisposeScope();
        var x = act1.forward(norm1.forward(conv1.forward(crop)));
        x = pool.forward(x);
        x = act2.forward(norm2.forward(conv2.forward(x)));
        x = act3.forward(norm3.forward(conv3.forward(x)));

        x = x.flatten(1);
        x = ApplyDropout(denseAct.forward(denseNorm.forward(dense.forward(x))));
        return x.MoveToOuterDisposeScope();
    }

    private Tensor ApplyDropout(Tensor x)
    {
        if (DropoutGenerator is null || !training || dropoutRate == 0)
        {
            return dropout.forward(x);
        }

        var keep = 1 - dropoutRate;
        var mask = bernoulli(full_like(x, keep), generator: DropoutGenerator);
        return x * mask / keep;
    }

    private static (long, long, long) Triple(Patches.CubeShape shape) => (shape.Z, shape.Y, shape.X);
}
