namespace LunaFpr.Learning.Model;

/// <summary>
/// Size and arithmetic cost of a <see cref="MultiScaleNet"/>, computed from layer shapes alone (no tensors).
/// </summary>
/// <remarks>
/// FLOPs count a multiply-add as 2 operations and include only convolutions and dense layers; bias, BN, PReLU,
/// pooling and softmax are elementwise and add well under 1 %. Per sample, forward:
/// <code>
/// conv   = 2 · C_in · k_z · k_y · k_x · C_out · (Z · Y · X of the output)   (same padding, stride 1)
/// dense  = 2 · in · out
/// branch = conv(C → F, 3×5×5, crop) + conv(F → F, 3×5×5, pooled) + conv(F → F, last kernel, pooled)
///          + dense(F · pooled voxels → D)
/// total  = Σ branches + dense(D40 + D30 + D20 → FD) + dense(FD → 2)        (concatenation)
///        = Σ branches + Σ dense(D_branch → 2)                               (weighted mean)
/// </code>
/// A training step costs about 3 × forward: the backward pass computes gradients for both inputs and weights,
/// each about as costly as the forward pass. Full preset: about 8.7 GFLOP forward per sample, 98 % of it in
/// the d40 and d30 convolutions.
/// </remarks>
public static class ModelCost
{
    /// <summary>Ratio of a training step's FLOPs to a forward pass's, per sample.</summary>
    public const double TrainingToForward = 3.0;

    /// <summary>Forward FLOPs for one cube [C, 26, 40, 40].</summary>
    public static double ForwardFlopsPerSample(ModelSettings settings)
    {
        var total = 0.0;
        foreach (var scale in ScaleSpec.All)
        {
            total += BranchFlops(scale, settings.ChannelCount, settings.Filters, settings.DenseUnits(scale));
        }

        var branchUnits = settings.DenseD40 + settings.DenseD30 + settings.DenseD20;
        total += settings.Fusion == FusionMode.Concatenation
            ? DenseFlops(branchUnits, settings.FusionDense) + DenseFlops(settings.FusionDense, 2)
            : DenseFlops(branchUnits, 2);
        return total;
    }

    /// <summary>Forward FLOPs of one branch for one cube.</summary>
    public static double BranchFlops(ScaleSpec scale, int channels, int filters, int denseUnits)
    {
        var crop = scale.CropSize.VoxelCount;
        var pooled = scale.PooledSize.VoxelCount;
        return ConvFlops(channels, filters, ScaleSpec.Kernel.VoxelCount, crop)
            + ConvFlops(filters, filters, ScaleSpec.Kernel.VoxelCount, pooled)
            + ConvFlops(filters, filters, scale.LastKernel.VoxelCount, pooled)
            + DenseFlops(scale.FlattenedLength(filters), denseUnits);
    }

    /// <summary>
    /// Trainable values implied by the layer shapes; equals <see cref="MultiScaleNet.ParameterCount"/>.
    /// </summary>
    public static long ParameterCount(ModelSettings settings)
    {
        long total = 0;
        foreach (var scale in ScaleSpec.All)
        {
            var f = settings.Filters;
            total += ConvParameters(settings.ChannelCount, f, ScaleSpec.Kernel.VoxelCount)
                + ConvParameters(f, f, ScaleSpec.Kernel.VoxelCount)
                + ConvParameters(f, f, scale.LastKernel.VoxelCount)
                + DenseParameters(scale.FlattenedLength(f), settings.DenseUnits(scale));
        }

        var branchUnits = settings.DenseD40 + settings.DenseD30 + settings.DenseD20;
        if (settings.Fusion == FusionMode.Concatenation)
        {
            var fd = settings.FusionDense;
            return total + DenseParameters(branchUnits, fd) + (fd * 2 + 2);
        }

        return total + branchUnits * 2 + 3 * 2;
    }

    private static double ConvFlops(long inChannels, long outChannels, long kernelVoxels, long outputVoxels) =>
        2.0 * inChannels * kernelVoxels * outChannels * outputVoxels;

    private static double DenseFlops(long inputs, long outputs) => 2.0 * inputs * outputs;

    // Convolution weights and bias, then BN scale and shift, then one PReLU slope per filter.
    private static long ConvParameters(long inChannels, long outChannels, long kernelVoxels) =>
        inChannels * kernelVoxels * outChannels + outChannels + 2 * outChannels + outChannels;

    // Dense weights and bias, then BN scale and shift, then one PReLU slope per unit.
    private static long DenseParameters(long inputs, long units) => inputs * units + units + 2 * units + units;
}
