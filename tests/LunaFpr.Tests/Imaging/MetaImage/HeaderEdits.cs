namespace LunaFpr.Tests.Imaging.MetaImage;

/// <summary>Edits a written .mhd header line by line, to make bad or unusual inputs from a good file.</summary>
internal static class HeaderEdits
{
    /// <summary>
    /// Sets <paramref name="key"/> to <paramref name="value"/>, adding the line before ElementDataFile if absent.
    /// </summary>
    public static void Set(string mhdPath, string key, string value)
    {
        var lines = File.ReadAllLines(mhdPath).ToList();
        var at = lines.FindIndex(l => KeyOf(l) == key);
        if (at >= 0)
        {
            lines[at] = $"{key} = {value}";
        }
        else
        {
            lines.Insert(lines.FindIndex(l => KeyOf(l) == "ElementDataFile"), $"{key} = {value}");
        }

        File.WriteAllLines(mhdPath, lines);
    }

    /// <summary>Removes the line of <paramref name="key"/>.</summary>
    public static void Remove(string mhdPath, string key) =>
        File.WriteAllLines(mhdPath, File.ReadAllLines(mhdPath).Where(l => KeyOf(l) != key));

    /// <summary>Renames key <paramref name="from"/> to <paramref name="to"/>, keeping its value.</summary>
    public static void Rename(string mhdPath, string from, string to) =>
        File.WriteAllLines(mhdPath, File.ReadAllLines(mhdPath)
            .Select(l => KeyOf(l) == from ? $"{to} {l[l.IndexOf('=')..]}" : l));

    private static string KeyOf(string line) => line.Split('=')[0].Trim();
}
