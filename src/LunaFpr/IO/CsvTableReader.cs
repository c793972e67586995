using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace LunaFpr.IO;

/// <summary>
/// Reads a headed CSV file row by row with CsvHelper's parser, finding the wanted columns by header name
/// (any order, any case, extra columns ignored), and turns every defect into an <see cref="InvalidDataException"/>
/// that names the file, the 1-based line and the fix. Tolerates a UTF-8 BOM, CRLF line ends and blank lines.
/// </summary>
internal sealed class CsvTableReader : IDisposable
{
    private readonly string path;
    private readonly string[] columns;
    private readonly int[] ordinals;
    private readonly int headerCount;
    private readonly StreamReader text;
    private readonly CsvParser parser;

    private CsvTableReader(
        string path,
        string[] columns,
        StreamReader text,
        CsvParser parser,
        int[] ordinals,
        int headerCount)
    {
        this.path = path;
        this.columns = columns;
        this.text = text;
        this.parser = parser;
        this.ordinals = ordinals;
        this.headerCount = headerCount;
    }

    /// <summary>The 1-based line of the current row in the file.</summary>
    public long Line => parser.RawRow;

    /// <summary>Opens <paramref name="path"/>; checks that its header holds all <paramref name="columns"/>.
    /// </summary>
    public static CsvTableReader Open(string path, params string[] columns)
    {
        var text = OpenText(path);
        var parser = new CsvParser(text, Configuration(hasHeader: true, path));
        try
        {
            if (!SafeRead(parser, path))
            {
                throw new InvalidDataException(
                    $"{path} is empty; expected a header line '{string.Join(',', columns)}' and one row a line.");
            }

            var header = Enumerable.Range(0, parser.Count).Select(i => parser[i].Trim()).ToArray();
            var ordinals = columns.Select(c => FindColumn(path, header, c, columns)).ToArray();
            return new CsvTableReader(path, columns, text, parser, ordinals, header.Length);
        }
        catch
        {
            parser.Dispose();
            text.Dispose();
            throw;
        }
    }

    /// <summary>Opens a text file for CsvHelper, detecting a UTF-8/UTF-16 BOM.</summary>
    public static StreamReader OpenText(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No file '{path}'; check the path.", path);
        }

        return new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
    }

    /// <summary>
    /// The invariant-culture settings every LunaFpr CSV file is read and written with. A stray quote inside an
    /// unquoted field of <paramref name="path"/> becomes an <see cref="InvalidDataException"/> naming the line.
    /// </summary>
    public static CsvConfiguration Configuration(bool hasHeader, string path) => new(CultureInfo.InvariantCulture)
    {
        HasHeaderRecord = hasHeader,
        // Trimming in CsvHelper doubles the parse time of a 750k-row file; fields are trimmed here instead
        // (numbers parse with surrounding blanks allowed, text is trimmed without copying when already clean).
        TrimOptions = TrimOptions.None,
        IgnoreBlankLines = true,
        DetectDelimiter = false,
        BadDataFound = args => throw new InvalidDataException(
            $"{path}, line {args.Context.Parser?.RawRow}: malformed CSV (a quote inside the unquoted field " +
            $"'{Shorten(args.Field)}'); quote the whole field or remove the quote."),
    };

    /// <summary>Reads one record, turning CsvHelper's malformed-data exceptions into file-and-line messages.</summary>
    public static bool SafeRead(CsvParser parser, string path)
    {
        try
        {
            return parser.Read();
        }
        catch (CsvHelperException e)
        {
            throw new InvalidDataException(
                $"{path}, line {parser.RawRow}: malformed CSV ({FirstLine(e.Message)}); " +
                "fix the quoting or remove the line.", e);
        }
    }

    /// <summary>Moves to the next data row; false at the end of the file.</summary>
    public bool Read()
    {
        if (!SafeRead(parser, path))
        {
            return false;
        }

        if (parser.Count < headerCount)
        {
            throw Error($"has {parser.Count} fields but the header has {headerCount}; " +
                "complete the row or remove it.");
        }

        return true;
    }

    /// <summary>The trimmed text of wanted column <paramref name="column"/>; throws if it is empty.</summary>
    public string Text(int column)
    {
        var value = parser[ordinals[column]].Trim();
        if (value.Length == 0)
        {
            throw Error($"'{columns[column]}' is empty; every row needs a {columns[column]}.");
        }

        return value;
    }

    /// <summary>Wanted column <paramref name="column"/> as a finite invariant-culture number.</summary>
    public double Number(int column)
    {
        var value = parser[ordinals[column]];
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            throw Error($"'{columns[column]}' is '{Shorten(value)}', not a number; " +
                "write a decimal number with a '.' such as -128.6994.");
        }

        if (!double.IsFinite(number))
        {
            throw Error($"'{columns[column]}' is '{Shorten(value)}'; NaN and infinity are not allowed, " +
                "write a finite number.");
        }

        return number;
    }

    /// <summary>An exception for the current row: "FILE, line N: WHAT".</summary>
    public InvalidDataException Error(string what) => new($"{path}, line {Line}: {what}");

    public void Dispose()
    {
        parser.Dispose();
        text.Dispose();
    }

    private static int FindColumn(string path, string[] header, string column, string[] columns)
    {
        var found = -1;
        for (var i = 0; i < header.Length; i++)
        {
            if (!string.Equals(header[i], column, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (found >= 0)
            {
                throw new InvalidDataException(
                    $"{path}, line 1: column '{column}' appears twice in the header; keep one.");
            }

            found = i;
        }

        if (found < 0)
        {
            throw new InvalidDataException(
                $"{path}, line 1: the header '{Shorten(string.Join(',', header))}' has no column '{column}'; " +
                $"the file needs columns {string.Join(',', columns)} (any order).");
        }

        return found;
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "...";
}
