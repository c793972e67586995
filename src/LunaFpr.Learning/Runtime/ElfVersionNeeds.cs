using System.Buffers.Binary;
using System.Text;

namespace LunaFpr.Learning.Runtime;

/// <summary>
/// Reads and edits the symbol-version requirements (<c>.gnu.version_r</c>) of a 64-bit little-endian ELF
/// shared object. Written by hand because no library on this platform edits ELF version records; it touches
/// only the two-byte <c>vna_flags</c> field of an existing entry and never changes the file's size or layout.
/// </summary>
internal static class ElfVersionNeeds
{
    private const uint SectionTypeGnuVerneed = 0x6ffffffe;
    private const ushort VersionFlagWeak = 0x2;

    /// <summary>One required version: the library it is needed from, its name, and whether it is weak.</summary>
    internal readonly record struct Requirement(string Library, string Version, bool IsWeak, int FlagsOffset);

    /// <summary>Lists every version requirement of the ELF image in <paramref name="image"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a 64-bit little-endian ELF file.</exception>
    internal static List<Requirement> Read(ReadOnlySpan<byte> image, string fileName)
    {
        if (image.Length < 64 || image[0] != 0x7f || image[1] != (byte)'E' || image[2] != (byte)'L'
            || image[3] != (byte)'F')
        {
            throw new InvalidDataException($"'{fileName}' is not an ELF file.");
        }

        if (image[4] != 2 || image[5] != 1)
        {
            throw new InvalidDataException($"'{fileName}' is not a 64-bit little-endian ELF file.");
        }

        var sectionTableOffset = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(image[0x28..]));
        int sectionEntrySize = BinaryPrimitives.ReadUInt16LittleEndian(image[0x3A..]);
        int sectionCount = BinaryPrimitives.ReadUInt16LittleEndian(image[0x3C..]);
        var requirements = new List<Requirement>();

        for (var s = 0; s < sectionCount; s++)
        {
            var header = image.Slice(sectionTableOffset + s * sectionEntrySize, sectionEntrySize);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) != SectionTypeGnuVerneed)
            {
                continue;
            }

            var verneedOffset = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(header[0x18..]));
            var entryCount = (int)BinaryPrimitives.ReadUInt32LittleEndian(header[0x2C..]);
            var stringSectionIndex = (int)BinaryPrimitives.ReadUInt32LittleEndian(header[0x28..]);
            var stringHeader = image.Slice(
                sectionTableOffset + stringSectionIndex * sectionEntrySize,
                sectionEntrySize);
            var stringsOffset = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(stringHeader[0x18..]));
            ReadVerneedChain(image, verneedOffset, entryCount, stringsOffset, requirements);
        }

        return requirements;
    }

    /// <summary>Sets the weak flag on <paramref name="requirement"/> in <paramref name="image"/>.</summary>
    internal static void MarkWeak(Span<byte> image, Requirement requirement)
    {
        var flags = BinaryPrimitives.ReadUInt16LittleEndian(image[requirement.FlagsOffset..]);
        BinaryPrimitives.WriteUInt16LittleEndian(image[requirement.FlagsOffset..], (ushort)(flags | VersionFlagWeak));
    }

    private static void ReadVerneedChain(
        ReadOnlySpan<byte> image,
        int offset,
        int entryCount,
        int stringsOffset,
        List<Requirement> requirements)
    {
        // Elf64_Verneed: vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32.
        // Elf64_Vernaux: vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32.
        for (var n = 0; n < entryCount; n++)
        {
            int auxCount = BinaryPrimitives.ReadUInt16LittleEndian(image[(offset + 2)..]);
            var library = ReadString(
                image,
                stringsOffset + (int)BinaryPrimitives.ReadUInt32LittleEndian(image[(offset + 4)..]));
            var auxOffset = offset + (int)BinaryPrimitives.ReadUInt32LittleEndian(image[(offset + 8)..]);

            for (var a = 0; a < auxCount; a++)
            {
                var flags = BinaryPrimitives.ReadUInt16LittleEndian(image[(auxOffset + 4)..]);
                var name = ReadString(
                    image,
                    stringsOffset + (int)BinaryPrimitives.ReadUInt32LittleEndian(image[(auxOffset + 8)..]));
                requirements.Add(new Requirement(library, name, (flags & VersionFlagWeak) != 0, auxOffset + 4));
                auxOffset += (int)BinaryPrimitives.ReadUInt32LittleEndian(image[(auxOffset + 12)..]);
            }

            offset += (int)BinaryPrimitives.ReadUInt32LittleEndian(image[(offset + 12)..]);
        }
    }

    private static string ReadString(ReadOnlySpan<byte> image, int offset)
    {
        var length = image[offset..].IndexOf((byte)0);
        return Encoding.ASCII.GetString(image.Slice(offset, length));
    }
}
