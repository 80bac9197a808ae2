using Vigil.Response.Playbooks;

namespace Vigil.Web.Incidents;

/// <summary>The playbooks shipped beside the executable (<c>playbooks/*.yml</c>, as <c>vigil incidents open</c> reads them), loaded once.</summary>
internal sealed class PlaybookCatalog
{
    private readonly Lazy<PlaybookLoadResult> _loaded;

    public PlaybookCatalog()
        : this(Path.Combine(AppContext.BaseDirectory, "playbooks"))
    {
    }

    public PlaybookCatalog(string folder)
        => _loaded = new Lazy<PlaybookLoadResult>(() => Directory.Exists(folder) ? PlaybookLoader.LoadFolder(folder) : new PlaybookLoadResult([], [$"{folder}: no such folder"]));

    /// <summary>The playbooks that loaded, by id.</summary>
    public IReadOnlyList<Playbook> All => _loaded.Value.Playbooks;

    /// <summary>The playbook with this id or name, or null.</summary>
    public Playbook? Find(string nameOrId) => _loaded.Value.Find(nameOrId);
}
