using System.Reflection;
using BenchmarkDotNet.Running;
using LunaFpr.Benchmarks;

// `compare NAME [args]` runs one side-by-side comparison (ours against a reference implementation, in one run,
// printed as a ratio); anything else goes to BenchmarkDotNet's switcher (`--filter '*Cube*'`, `--list flat`).
var comparisons = typeof(Program).Assembly.GetTypes()
    .Where(t => typeof(IComparison).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IComparison)Activator.CreateInstance(t)!)
    .OrderBy(c => c.Name)
    .ToList();

if (args is ["compare", var name, .. var rest])
{
    var comparison = comparisons.FirstOrDefault(c => c.Name == name);
    if (comparison is null)
    {
        Console.Error.WriteLine(
            $"Unknown comparison '{name}'. Known: {string.Join(", ", comparisons.Select(c => c.Name))}.");
        return 2;
    }

    return comparison.Run(rest);
}

if (args is ["compare"])
{
    foreach (var c in comparisons)
    {
        Console.WriteLine($"{c.Name,-24} {c.Description}");
    }

    return 0;
}

BenchmarkSwitcher.FromAssembly(Assembly.GetExecutingAssembly()).Run(args);
return 0;
