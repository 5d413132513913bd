using System.Reflection;
using Dossier.Testing;
using Dossier.Web;

namespace Dossier.Tests.Web;

/// <summary>Every bound of the web server is a row of docs/limits.md (the one place all limits are listed).</summary>
public sealed class WebLimitsDocTests
{
    [Fact]
    public void EveryWebLimitIsListedInTheLimitsPage()
    {
        var doc = File.ReadAllText(Path.Combine(SharedData.RepoRoot, "docs", "limits.md"));
        var web = doc[doc.IndexOf("## Web server", StringComparison.Ordinal)..];
        var names = typeof(WebLimits).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => f.Name).ToList();
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.Contains($"`{n}`", web));
    }
}
