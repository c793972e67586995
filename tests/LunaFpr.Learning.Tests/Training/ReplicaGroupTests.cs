using LunaFpr.Learning.Model;
using LunaFpr.Learning.Tests.Fakes;
using LunaFpr.Learning.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LunaFpr.Learning.Tests.Training;

public class ReplicaGroupTests
{
    [Fact]
    public void Backward_InEvaluationMode_GivesTheWholeBatchsGradient()
    {
        // Batch norm in evaluation mode treats every cube alone, so splitting the batch must not change the
        // gradient of its mean loss: 7 cubes over 2 replicas (shares of 4 and 3) against one network on all 7.
        random.manual_seed(5);
        var settings = ModelSettings.Small with { Preset = "custom", Filters = 4, Dropout = 0 };
        using var single = new MultiScaleNet(settings);
        using var main = new MultiScaleNet(settings);
        main.load_state_dict(single.state_dict());
        var cubes = rand(new long[] { 7, 1, 26, 40, 40 });
        var labels = tensor(new long[] { 0, 1, 1, 0, 1, 0, 0 });
        single.eval();
        main.eval();

        var (objective, fused) = single.Objective(cubes, labels);
        objective.backward();
        using var group = new ReplicaGroup(main, replicas: 2, threads: 2, CPU);
        var mean = group.Backward(cubes, labels);

        Assert.Equal(nn.functional.nll_loss(fused, labels).item<float>(), mean, precision: 5);
        foreach (var ((name, a), (_, b)) in single.named_parameters().Zip(main.named_parameters()))
        {
            Assert.True(a.grad!.allclose(b.grad!, rtol: 1e-4, atol: 1e-6), $"gradient of {name} differs");
        }
    }

    [Fact]
    public void Training_WithTwoReplicas_LearnsAndRepeatsExactly()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        var config = TinyRuns.Config(epochs: 2, steps: 8, batch: 8, rate: 0.01);
        config = config with { Training = config.Training with { Replicas = 2 } };
        var source = TinyRuns.Source();

        var a = new FoldTrainer().Run(new TrainingRun(source, config, 0, first.Path));
        var b = new FoldTrainer().Run(new TrainingRun(source, config, 0, second.Path));

        Assert.Equal(a.History.Select(m => m.TrainLoss), b.History.Select(m => m.TrainLoss));
        Assert.True(a.History[^1].TrainLoss < a.History[0].TrainLoss,
            $"loss went from {a.History[0].TrainLoss:0.000} to {a.History[^1].TrainLoss:0.000}");
        Assert.True(a.History[^1].Validation!.RocAuc > 0.8, $"AUC {a.History[^1].Validation!.RocAuc}");
    }
}
