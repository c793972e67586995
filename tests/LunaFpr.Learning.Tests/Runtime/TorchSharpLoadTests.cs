using LunaFpr.Learning.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace LunaFpr.Learning.Tests.Runtime;

public class TorchSharpLoadTests
{
    [Fact]
    public void Conv3d_ForwardAndBackward_RunsAndFillsGradients()
    {
        LibTorchSharpPatch.EnsureApplied();
        torch.manual_seed(1);
        using var conv = nn.Conv3d(2, 4, kernel_size: (3, 5, 5), padding: Padding.Same);
        using var input = torch.randn(new long[] { 3, 2, 6, 10, 10 });

        using var output = conv.forward(input);
        using var loss = output.square().mean();
        loss.backward();

        Assert.Equal(new long[] { 3, 4, 6, 10, 10 }, output.shape);
        var weightGrad = conv.weight!.grad!;
        Assert.Equal(new long[] { 4, 2, 3, 5, 5 }, weightGrad.shape);
        Assert.True(weightGrad.abs().sum().item<float>() > 0f);
    }
}
