using System.Globalization;
using System.Text;

namespace LunaFpr.Imaging.MetaImage;

/// <summary>
/// Parses the <c>Key = Value</c> text of a MetaImage header into a <see cref="MetaImageHeader"/>, checking every
/// value. Hand-written: no .NET library reads MetaImage. Keys match case-insensitively; keys LunaFpr has no use
/// for (<c>CenterOfRotation</c>, <c>AnatomicalOrientation</c>, ...) are skipped.
/// </summary>
internal static class MetaImageHeaderParser
{
    /// <summary>Header text longer than this is taken for a file that is not a MetaImage header.</summary>
    private const int MaxHeaderBytes = 1 << 20;

    private sealed record Field(int Line, string Value);

    /// <summary>
    /// Reads header lines from the start of <paramref name="stream"/> up to and including <c>ElementDataFile</c>,
    /// which ends a header. Returns the header and the byte offset just past its text (where .mha data begins).
    /// </summary>
    /// <param name="stream">The header file, positioned at its start.</param>
    /// <param name="path">The header's path, for messages.</param>
    public static (MetaImageHeader Header, long TextLength) Read(Stream stream, string path)
    {
        var (fields, textLength) = ReadFields(stream, path);
        return (Build(new Fields(fields, path)), textLength);
    }

    private static (Dictionary<string, Field> Fields, long TextLength) ReadFields(Stream stream, string path)
    {
        var fields = new Dictionary<string, Field>(StringComparer.OrdinalIgnoreCase);
        var line = new List<byte>(128);
        var consumed = 0L;
        var lineNumber = 0;
        while (true)
        {
            var b = stream.ReadByte();
            if (b >= 0 && ++consumed > MaxHeaderBytes)
            {
                throw Invalid(path, $"no 'ElementDataFile' line within the first {MaxHeaderBytes} bytes; " +
                    "is this a MetaImage header (.mhd / .mha)?");
            }

            if (b >= 0 && b != '\n')
            {
                line.Add((byte)b);
                continue;
            }

            lineNumber++;
            var key = AddLine(fields, line, lineNumber, path);
            line.Clear();
            if (b < 0 || string.Equals(key, "ElementDataFile", StringComparison.OrdinalIgnoreCase))
            {
                return (fields, consumed);
            }
        }
    }

    /// <summary>Adds one line's field; returns its key, or null for a blank line.</summary>
    private static string? AddLine(Dictionary<string, Field> fields, List<byte> bytes, int lineNumber, string path)
    {
        var text = Encoding.Latin1.GetString(bytes.ToArray()).Trim();
        if (text.Length == 0)
        {
            return null;
        }

        var equals = text.IndexOf('=');
        if (equals <= 0 || text.Contains('\0'))
        {
            throw Invalid(path, $"line {lineNumber} is not 'Key = Value' ('{Shorten(text)}'); " +
                "is this a MetaImage header (.mhd / .mha)?");
        }

        var key = text[..equals].Trim();
        var value = text[(equals + 1)..].Trim();
        if (!fields.TryAdd(key, new Field(lineNumber, value)))
        {
            throw Invalid(path, $"line {lineNumber} repeats key '{key}' (first on line {fields[key].Line}); " +
                "keep one of the two lines.");
        }

        return key;
    }

    private static MetaImageHeader Build(Fields f)
    {
        f.CheckSupported();
        var size = f.DimSize();
        return new MetaImageHeader
        {
            Size = size,
            ElementType = f.ElementType(),
            Spacing = f.Spacing(),
            Origin = f.Vector("Offset", "Position", "Origin") ?? default,
            Direction = f.Direction(),
            BigEndian = f.Bool("BinaryDataByteOrderMSB") ?? f.Bool("ElementByteOrderMSB") ?? false,
            Compressed = f.Bool("CompressedData") ?? false,
            CompressedDataSize = f.Long("CompressedDataSize", min: 0),
            HeaderSize = f.Long("HeaderSize", min: -1) ?? 0,
            ElementDataFile = f.DataFile(),
        };
    }

    internal static InvalidDataException Invalid(string path, string message) => new($"{path}: {message}");

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    /// <summary>Typed access to the parsed fields; every failure names the header file, the line and the key.</summary>
    private sealed class Fields(Dictionary<string, Field> fields, string path)
    {
        public void CheckSupported()
        {
            var nDims = Long("NDims", min: 0) ?? throw Missing("NDims", "NDims = 3");
            if (nDims != 3)
            {
                throw Invalid(path, $"NDims = {nDims} on line {fields["NDims"].Line}; LunaFpr reads 3D volumes " +
                    "only (NDims = 3). Convert the image to a 3D volume first.");
            }

            if (fields.TryGetValue("ObjectType", out var type)
                && !type.Value.Equals("Image", StringComparison.OrdinalIgnoreCase))
            {
                throw Invalid(path, $"ObjectType = {type.Value} on line {type.Line}; " +
                    "only 'ObjectType = Image' holds voxels.");
            }

            if (Long("ElementNumberOfChannels", min: 1) is { } channels and not 1)
            {
                throw new NotSupportedException($"{path}: ElementNumberOfChannels = {channels}; LunaFpr reads " +
                    "single-channel (scalar) volumes only.");
            }

            if (Bool("BinaryData") == false)
            {
                throw new NotSupportedException($"{path}: BinaryData = False (voxels as text); LunaFpr reads " +
                    "binary voxel data only. Re-save the image with binary data.");
            }
        }

        public VolumeSize DimSize()
        {
            var n = Numbers("DimSize", 3) ?? throw Missing("DimSize", "DimSize = 512 512 133");
            if (n.Any(v => v < 1 || v > int.MaxValue || v != Math.Floor(v)))
            {
                throw Bad("DimSize", "is not three positive whole numbers of voxels (x y z)");
            }

            var size = new VolumeSize((int)n[0], (int)n[1], (int)n[2]);
            if (size.VoxelCount > Array.MaxLength)
            {
                throw Bad("DimSize", $"gives {size.VoxelCount} voxels, more than one array holds ({Array.MaxLength})");
            }

            return size;
        }

        public MetaImageElementType ElementType()
        {
            var field = Get("ElementType") ?? throw Missing("ElementType", "ElementType = MET_SHORT");
            return MetaImageElementTypes.TryParse(field.Value, out var type)
                ? type
                : throw Invalid(path, $"ElementType = {field.Value} on line {field.Line} is unknown or not " +
                    $"supported; use one of {MetaImageElementTypes.SupportedNames}.");
        }

        public Vector3D Spacing()
        {
            var key = fields.ContainsKey("ElementSpacing") ? "ElementSpacing" : "ElementSize";
            var spacing = Vector(key) ?? new Vector3D(1, 1, 1);
            return spacing is { X: > 0, Y: > 0, Z: > 0 }
                ? spacing
                : throw Bad(key, "has a spacing that is not positive; give three positive millimetre values");
        }

        public Direction Direction()
        {
            var key = new[] { "TransformMatrix", "Rotation", "Orientation" }.FirstOrDefault(fields.ContainsKey);
            if (key is null)
            {
                return Imaging.Direction.Identity;
            }

            var direction = Imaging.Direction.FromColumns(Numbers(key, 9)!);
            try
            {
                direction.Inverse();
            }
            catch (InvalidOperationException)
            {
                throw Bad(key, "is singular (its axis vectors do not span 3D space); give direction cosines");
            }

            return direction;
        }

        public string DataFile()
        {
            var field = Get("ElementDataFile") ?? throw Missing("ElementDataFile", "ElementDataFile = scan.raw");
            if (field.Value.Length == 0)
            {
                throw Bad("ElementDataFile", "is empty; name the data file, or LOCAL when the data follows the header");
            }

            if (field.Value.StartsWith("LIST", StringComparison.OrdinalIgnoreCase) || field.Value.Contains('%'))
            {
                throw new NotSupportedException($"{path}: ElementDataFile = {field.Value} spreads the volume over " +
                    "several files; LunaFpr reads one data file or LOCAL data only.");
            }

            return field.Value;
        }

        public Vector3D? Vector(params string[] keys)
        {
            var key = keys.FirstOrDefault(fields.ContainsKey);
            return key is null ? null : Numbers(key, 3) is [var x, var y, var z] ? new Vector3D(x, y, z) : null;
        }

        public bool? Bool(string key)
        {
            if (Get(key) is not { } field)
            {
                return null;
            }

            return field.Value.ToUpperInvariant() switch
            {
                "TRUE" or "T" or "1" => true,
                "FALSE" or "F" or "0" => false,
                _ => throw Bad(key, "is not True or False"),
            };
        }

        public long? Long(string key, long min)
        {
            if (Get(key) is not { } field)
            {
                return null;
            }

            return long.TryParse(field.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
                && v >= min
                ? v
                : throw Bad(key, $"is not a whole number ≥ {min}");
        }

        private double[]? Numbers(string key, int count)
        {
            if (Get(key) is not { } field)
            {
                return null;
            }

            var words = field.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var numbers = new double[words.Length];
            for (var i = 0; i < words.Length; i++)
            {
                if (!double.TryParse(words[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i])
                    || !double.IsFinite(numbers[i]))
                {
                    throw Bad(key, $"has '{words[i]}', which is not a number; write {count} numbers " +
                        "separated by spaces, with '.' as the decimal point");
                }
            }

            return numbers.Length == count
                ? numbers
                : throw Bad(key, $"has {numbers.Length} numbers; a 3D header needs {count}");
        }

        private Field? Get(string key) => fields.GetValueOrDefault(key);

        private InvalidDataException Missing(string key, string example) =>
            Invalid(path, $"the header has no '{key}' line; add one such as '{example}'.");

        private InvalidDataException Bad(string key, string problem)
        {
            var field = fields[key];
            return Invalid(path, $"line {field.Line}: {key} = '{Shorten(field.Value)}' {problem}.");
        }
    }
}
