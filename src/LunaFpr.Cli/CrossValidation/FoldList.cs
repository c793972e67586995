namespace LunaFpr.Cli.CrossValidation;

/// <summary>Parses a fold selection such as <c>0-9</c>, <c>3</c> or <c>0,2,5-7</c>.</summary>
internal static class FoldList
{
    /// <exception cref="ArgumentException">The text is not a list of folds 0–9; the message quotes it.</exception>
    public static IReadOnlyList<int> Parse(string text)
    {
        var folds = new SortedSet<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var bounds = part.Split('-');
            if (bounds.Length is < 1 or > 2 || !bounds.All(b => int.TryParse(b, out var k) && k is >= 0 and <= 9))
            {
                throw new ArgumentException($"--folds '{text}': '{part}' is not a fold 0-9 or a range like 2-5.");
            }

            var (first, last) = (int.Parse(bounds[0]), int.Parse(bounds[^1]));
            if (first > last)
            {
                throw new ArgumentException($"--folds '{text}': range '{part}' runs backwards; write {last}-{first}.");
            }

            for (var k = first; k <= last; k++)
            {
                folds.Add(k);
            }
        }

        return folds.Count > 0 ? folds.ToArray() : throw new ArgumentException($"--folds '{text}' names no fold.");
    }
}
