using LunaFpr.IO;

namespace LunaFpr.Candidates;

/// <summary>
/// Reader and writer of a scan list such as LUNA16's <c>seriesuids.csv</c>: no header, one series UID a line.
/// The order of the file is kept; it is the order in which the evaluation walks the scans.
/// </summary>
public static class SeriesUidList
{
    /// <summary>
    /// Reads the UIDs in file order. Blank lines are skipped; when a line has several comma-separated fields the
    /// first is the UID (as the challenge's own scripts read it); a first line reading <c>seriesuid</c> is taken
    /// for a header and skipped.
    /// </summary>
    /// <exception cref="InvalidDataException">A line has an empty UID or repeats an earlier one.</exception>
    public static IReadOnlyList<string> Read(string path)
    {
        using var text = CsvTableReader.OpenText(path);
        using var parser = new CsvHelper.CsvParser(text, CsvTableReader.Configuration(hasHeader: false, path));
        var uids = new List<string>();
        var firstLine = new Dictionary<string, long>(StringComparer.Ordinal);
        while (CsvTableReader.SafeRead(parser, path))
        {
            var uid = parser[0].Trim();
            if (uids.Count == 0 && string.Equals(uid, "seriesuid", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (uid.Length == 0)
            {
                throw new InvalidDataException(
                    $"{path}, line {parser.RawRow}: the series UID is empty; write one UID a line.");
            }

            if (!firstLine.TryAdd(uid, parser.RawRow))
            {
                throw new InvalidDataException($"{path}, line {parser.RawRow}: series UID {uid} repeats line " +
                    $"{firstLine[uid]}; list each scan once.");
            }

            uids.Add(uid);
        }

        return uids;
    }

    /// <summary>Writes one UID a line, no header, atomically (temporary name, then rename).</summary>
    public static void Write(string path, IEnumerable<string> seriesUids)
    {
        ArgumentNullException.ThrowIfNull(seriesUids);
        AtomicFile.WriteText(path, text =>
        {
            foreach (var uid in seriesUids)
            {
                if (string.IsNullOrWhiteSpace(uid) || uid.Contains(',') || uid.Contains('\n'))
                {
                    throw new ArgumentException(
                        $"'{uid}' cannot be written as a series UID line.", nameof(seriesUids));
                }

                text.WriteLine(uid);
            }
        });
    }
}
