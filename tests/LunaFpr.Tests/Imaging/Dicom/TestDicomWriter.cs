using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace LunaFpr.Tests.Imaging.Dicom;

/// <summary>
/// Writes small DICOM files (PS3.10) for tests: preamble, file meta group, a dataset in the chosen transfer
/// syntax with a defined-length and an undefined-length nested sequence to skip, and the pixel data
/// (encapsulated fragments for a compressed syntax).
/// </summary>
internal static class TestDicomWriter
{
    public static void Write(string path, TestDicomImage image)
    {
        var dataset = DatasetBytes(image);
        using var file = File.Create(path);
        if (!image.Bare)
        {
            file.Write(new byte[128]);
            file.Write("DICM"u8);
            file.Write(MetaBytes(image));
        }

        file.Write(dataset);
    }

    private static byte[] MetaBytes(TestDicomImage image)
    {
        var meta = new Encoder(explicitVr: true, bigEndian: false);
        meta.Bytes(0x0002, 0x0001, "OB", [0, 1]);
        meta.Text(0x0002, 0x0002, "UI", "1.2.840.10008.5.1.4.1.1.2");
        meta.Text(0x0002, 0x0003, "UI", $"1.2.3.{image.InstanceNumber}");
        meta.Text(0x0002, 0x0010, "UI", image.MetaTransferSyntaxUid ?? image.TransferSyntaxUid);
        var body = meta.ToArray();
        var group = new Encoder(explicitVr: true, bigEndian: false);
        group.UInt32(0x0002, 0x0000, (uint)body.Length);
        return [.. group.ToArray(), .. body];
    }

    private static byte[] DatasetBytes(TestDicomImage image)
    {
        var native = image.TransferSyntaxUid is TestDicomImage.ExplicitLittle or TestDicomImage.ImplicitLittle
            or TestDicomImage.ExplicitBig;
        var d = new Encoder(image.TransferSyntaxUid != TestDicomImage.ImplicitLittle,
            image.TransferSyntaxUid == TestDicomImage.ExplicitBig);
        d.Text(0x0008, 0x0016, "UI", "1.2.840.10008.5.1.4.1.1.2");
        d.Text(0x0008, 0x0018, "UI", $"1.2.3.{image.InstanceNumber}");
        d.Text(0x0008, 0x0060, "CS", image.Modality);
        d.UndefinedLengthSequence(0x0008, 0x1140, inner =>
        {
            inner.Text(0x0008, 0x1150, "UI", "1.2.840.10008.5.1.4.1.1.2");
            inner.UndefinedLengthSequence(0x0008, 0x9215, deeper => deeper.Text(0x0008, 0x0100, "SH", "X"));
        });
        d.Text(0x0018, 0x0050, "DS", "2.5");
        d.Text(0x0020, 0x000E, "UI", image.SeriesUid);
        d.Text(0x0020, 0x0013, "IS", image.InstanceNumber.ToString(CultureInfo.InvariantCulture));
        d.Text(0x0020, 0x0032, "DS", Decimals(image.Position.X, image.Position.Y, image.Position.Z));
        d.Text(0x0020, 0x0037, "DS", Decimals(image.Orientation));
        d.UInt16(0x0028, 0x0002, 1);
        d.Text(0x0028, 0x0004, "CS", "MONOCHROME2");
        d.UInt16(0x0028, 0x0010, (ushort)image.Rows);
        d.UInt16(0x0028, 0x0011, (ushort)image.Columns);
        d.Text(0x0028, 0x0030, "DS", Decimals(image.RowSpacing, image.ColumnSpacing));
        d.UInt16(0x0028, 0x0100, (ushort)image.BitsAllocated);
        d.UInt16(0x0028, 0x0101, (ushort)image.BitsStored);
        d.UInt16(0x0028, 0x0102, (ushort)image.HighBit);
        d.UInt16(0x0028, 0x0103, (ushort)(image.Signed ? 1 : 0));
        if (image.Intercept is { } intercept)
        {
            d.Text(0x0028, 0x1052, "DS", Decimals(intercept));
        }

        if (image.Slope is { } slope)
        {
            d.Text(0x0028, 0x1053, "DS", Decimals(slope));
        }

        if (image.PrivateBytes > 0)
        {
            d.Bytes(0x0029, 0x1010, "OB", new byte[image.PrivateBytes]);
        }

        d.DefinedLengthSequence(0x0040, 0x0275, inner => inner.Text(0x0040, 0x0009, "SH", "STEP1"));
        var samples = Samples(image, d.BigEndian);
        if (native)
        {
            d.Bytes(0x7FE0, 0x0010, image.BitsAllocated == 8 ? "OB" : "OW", samples);
        }
        else
        {
            d.EncapsulatedPixels(samples);
        }

        return d.ToArray();
    }

    private static byte[] Samples(TestDicomImage image, bool bigEndian)
    {
        if (image.BitsAllocated == 8)
        {
            return image.Pixels.Select(p => (byte)p).ToArray();
        }

        var bytes = new byte[image.Pixels.Length * 2];
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            var span = bytes.AsSpan(i * 2);
            if (bigEndian)
            {
                BinaryPrimitives.WriteUInt16BigEndian(span, (ushort)image.Pixels[i]);
            }
            else
            {
                BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)image.Pixels[i]);
            }
        }

        return bytes;
    }

    private static string Decimals(params double[] values) =>
        string.Join('\\', values.Select(v => v.ToString("0.######", CultureInfo.InvariantCulture)));

    /// <summary>Element encoding in one transfer syntax: explicit or implicit VR, either byte order.</summary>
    private sealed class Encoder(bool explicitVr, bool bigEndian)
    {
        private static readonly HashSet<string> LongVrs = ["OB", "OW", "SQ", "UN", "UT"];
        private readonly MemoryStream stream = new();

        public bool BigEndian => bigEndian;

        public byte[] ToArray() => stream.ToArray();

        public void Text(ushort group, ushort element, string vr, string value)
        {
            var bytes = Encoding.ASCII.GetBytes(value);
            if (bytes.Length % 2 == 1)
            {
                bytes = [.. bytes, vr == "UI" ? (byte)0 : (byte)' '];
            }

            Bytes(group, element, vr, bytes);
        }

        public void UInt16(ushort group, ushort element, ushort value)
        {
            var bytes = new byte[2];
            Write16(bytes, value);
            Bytes(group, element, "US", bytes);
        }

        public void UInt32(ushort group, ushort element, uint value)
        {
            var bytes = new byte[4];
            Write32(bytes, value);
            Bytes(group, element, "UL", bytes);
        }

        public void Bytes(ushort group, ushort element, string vr, byte[] value)
        {
            Header(group, element, vr, (uint)value.Length);
            stream.Write(value);
        }

        public void UndefinedLengthSequence(ushort group, ushort element, Action<Encoder> item)
        {
            Header(group, element, "SQ", 0xFFFF_FFFF);
            Tag(0xFFFE, 0xE000);
            Length(0xFFFF_FFFF);
            item(this);
            Tag(0xFFFE, 0xE00D);
            Length(0);
            Tag(0xFFFE, 0xE0DD);
            Length(0);
        }

        public void DefinedLengthSequence(ushort group, ushort element, Action<Encoder> item)
        {
            var inner = new Encoder(explicitVr, bigEndian);
            item(inner);
            var itemBytes = inner.ToArray();
            Header(group, element, "SQ", (uint)(8 + itemBytes.Length));
            Tag(0xFFFE, 0xE000);
            Length((uint)itemBytes.Length);
            stream.Write(itemBytes);
        }

        /// <summary>
        /// Pixel data as PS3.5 A.4 encapsulates it: an empty offset table, one fragment, a delimiter.
        /// </summary>
        public void EncapsulatedPixels(byte[] fragment)
        {
            Header(0x7FE0, 0x0010, "OB", 0xFFFF_FFFF);
            Tag(0xFFFE, 0xE000);
            Length(0);
            Tag(0xFFFE, 0xE000);
            Length((uint)fragment.Length);
            stream.Write(fragment);
            Tag(0xFFFE, 0xE0DD);
            Length(0);
        }

        private void Header(ushort group, ushort element, string vr, uint length)
        {
            Tag(group, element);
            if (!explicitVr)
            {
                Length(length);
                return;
            }

            stream.Write(Encoding.ASCII.GetBytes(vr));
            if (LongVrs.Contains(vr))
            {
                stream.Write(new byte[2]);
                Length(length);
                return;
            }

            var bytes = new byte[2];
            Write16(bytes, (ushort)length);
            stream.Write(bytes);
        }

        private void Tag(ushort group, ushort element)
        {
            var bytes = new byte[4];
            Write16(bytes, group);
            Write16(bytes.AsSpan(2), element);
            stream.Write(bytes);
        }

        private void Length(uint length)
        {
            var bytes = new byte[4];
            Write32(bytes, length);
            stream.Write(bytes);
        }

        private void Write16(Span<byte> at, ushort value)
        {
            if (bigEndian)
            {
                BinaryPrimitives.WriteUInt16BigEndian(at, value);
            }
            else
            {
                BinaryPrimitives.WriteUInt16LittleEndian(at, value);
            }
        }

        private void Write32(Span<byte> at, uint value)
        {
            if (bigEndian)
            {
                BinaryPrimitives.WriteUInt32BigEndian(at, value);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(at, value);
            }
        }
    }
}
