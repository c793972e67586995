namespace LunaFpr.IO;

/// <summary>
/// Shares one string instance per distinct series UID while a list is read: a 755k-row candidate list names
/// only about 900 scans, so this keeps one copy of each UID instead of one per row.
/// </summary>
internal sealed class UidPool
{
    private readonly Dictionary<string, string> pool = new(StringComparer.Ordinal);

    public string Get(string uid)
    {
        if (pool.TryGetValue(uid, out var shared))
        {
            return shared;
        }

        pool.Add(uid, uid);
        return uid;
    }
}
