namespace LunaFpr.Benchmarks;

/// <summary>
/// A side-by-side measurement of LunaFpr against a reference implementation, both run in the same process
/// invocation so that a noisy shared machine affects both alike; reports a ratio.
/// </summary>
public interface IComparison
{
    /// <summary>The name after <c>compare</c> on the command line.</summary>
    string Name { get; }

    string Description { get; }

    /// <summary>Runs the comparison, prints its figures, returns the process exit code.</summary>
    int Run(string[] args);
}
