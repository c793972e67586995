using System.Globalization;
using CsvHelper;

namespace LunaFpr.IO;

/// <summary>What every CSV writer here shares: invariant culture, shortest round-trip numbers.</summary>
internal static class CsvFormat
{
    /// <summary>A CsvHelper writer over <paramref name="text"/>: invariant culture, LF line ends.</summary>
    public static CsvWriter CreateWriter(TextWriter text)
    {
        var configuration = CsvTableReader.Configuration(hasHeader: true, path: "");
        configuration.NewLine = "\n";
        return new CsvWriter(text, configuration, leaveOpen: true);
    }

    /// <summary>The shortest text that parses back to exactly <paramref name="value"/>.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Writes one header or data row and ends it.</summary>
    public static void WriteRow(CsvWriter csv, params string[] fields)
    {
        foreach (var field in fields)
        {
            csv.WriteField(field);
        }

        csv.NextRecord();
    }
}
