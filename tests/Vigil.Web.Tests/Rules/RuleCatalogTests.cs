using Vigil.Detection.Engine;
using Vigil.Diagnostics;
using Vigil.Monitoring.Live;
using Vigil.Web.Rules;

namespace Vigil.Web.Tests.Rules;

/// <summary>How the catalog names its packs.</summary>
public sealed class RuleCatalogTests
{
    [Fact]
    public void The_bundled_pack_is_vigil_and_two_folders_of_one_name_are_told_apart_by_their_parent()
    {
        var root = Path.Combine(Path.GetTempPath(), "vigil-rules-tests", Guid.NewGuid().ToString("N"));
        string[] folders = [Path.Combine(root, "bundled"), Path.Combine(root, "practice", "rules"), Path.Combine(root, "sigma", "rules")];
        try
        {
            for (var i = 0; i < folders.Length; i++)
            {
                Directory.CreateDirectory(folders[i]);
                File.WriteAllText(Path.Combine(folders[i], "r.yml"), RulesHost.Rule($"00000000-0000-4000-8000-00000000000{i}", $"Rule {i}", "x", "low", "test"));
            }

            var (catalog, engine) = RuleCatalog.Load(folders, folders[0], new EngineOptions(), new LiveRules(), new ProblemLog(static _ => { }));

            Assert.Equal(["vigil", "rules", "sigma/rules"], catalog.Packs().Select(static p => p.Name));
            Assert.Equal([1, 1, 1], catalog.Packs().Select(static p => p.Loaded));
            Assert.Equal(3, engine.RulesLoaded);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
