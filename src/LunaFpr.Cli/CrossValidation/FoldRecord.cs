using System.Text.Json;
using LunaFpr.IO;

namespace LunaFpr.Cli.CrossValidation;

/// <summary>The finished-fold marker <c>fold.json</c>: what the fold produced, written after everything else.</summary>
internal sealed record FoldRecord(
    int Fold,
    string BestCheckpoint,
    int BestEpoch,
    int Epochs,
    int Predictions,
    double? Cpm)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public void Write(string path) => AtomicFile.WriteText(path, w => w.Write(JsonSerializer.Serialize(this, Json)));

    /// <exception cref="InvalidDataException">When the file is not a fold record.</exception>
    public static FoldRecord Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<FoldRecord>(File.ReadAllText(path))
                ?? throw new InvalidDataException($"{path} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"{path} is not a fold record ({e.Message}); delete it to run the fold again.", e);
        }
    }
}
