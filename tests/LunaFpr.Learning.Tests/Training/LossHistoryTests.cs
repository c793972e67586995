using LunaFpr.Learning.Tests.Fakes;
using LunaFpr.Learning.Training;

namespace LunaFpr.Learning.Tests.Training;

public class LossHistoryTests
{
    [Fact]
    public void WriteThenRead_KeepsEveryEpochWithAndWithoutValidation()
    {
        using var folder = new TempFolder();
        var path = folder.File(LossHistory.FileName);
        EpochMetrics[] history =
        [
            new(1, 0.001, 0.61, 640, TimeSpan.FromSeconds(12.5), 0.02,
                new ValidationMetrics(0.52, 0.75, 0.81, null, 10, 90, TimeSpan.FromSeconds(3))),
            new(2, 0.00095, 0.43, 640, TimeSpan.FromSeconds(12), 0.03, null),
        ];

        LossHistory.Write(path, history);
        var read = LossHistory.Read(path);

        Assert.Equal(history, read);
        Assert.StartsWith("epoch,learning_rate,train_loss,samples", File.ReadLines(path).First());
    }

    [Fact]
    public void Read_MissingFile_IsEmpty()
    {
        Assert.Empty(LossHistory.Read(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".csv")));
    }
}
