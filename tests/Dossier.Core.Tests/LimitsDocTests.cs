using System.Reflection;
using Dossier.Testing;

namespace Dossier.Tests;

/// <summary>docs/limits.md is the one place every bound is listed: a constant added to <see cref="Limits"/> without a row
/// there fails here.</summary>
public sealed class LimitsDocTests
{
    [Fact]
    public void EveryLimitIsListedInTheLimitsPage()
    {
        var doc = File.ReadAllText(Path.Combine(SharedData.RepoRoot, "docs", "limits.md"));
        var names = typeof(Limits).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => f.Name).ToList();
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.Contains($"`Limits.{n}`", doc));
    }
}
