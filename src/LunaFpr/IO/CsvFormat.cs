using System.Globalization;
using CsvHelper;

namespace LunaFpr.IO;

/// <summary>Writing helpers shared by the CSV writers: invariant culture, shortest round-trip numbers.</summary>
internal static class CsvFormat
{
    /// <summary>A CsvHelper writer over <paramref name="text"/> with LunaFpr's invariant settings.</summary>
    public static CsvWriter CreateWriter(TextWriter text) =>
        new(text, CsvTableReader.Configuration(hasHeader: true, path: ""), leaveOpen: true);

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
