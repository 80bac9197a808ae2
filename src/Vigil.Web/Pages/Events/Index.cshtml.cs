using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Storage;
using Vigil.Storage.Insights;
using Vigil.Web.Api;
using Vigil.Web.Auth;

namespace Vigil.Web.Pages.Events;

/// <summary>Event search by time, source and fields, newest first, in keyset pages that cost the same on any store size.</summary>
[Authorize(Policy = Policies.Analyse)]
internal sealed class IndexModel(IVigilStore store, TimeProvider time) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; } = "24h";

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? SourceType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Fields { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public EventPage? Result { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (query, error) = EventSearchInput.Parse(From, To, SourceType, Fields is null ? [] : [Fields], After, PageSize, time.GetUtcNow());
        if (query is null)
        {
            Error = error;
            return;
        }

        Result = await store.Insights.BrowseAsync(query, ct).ConfigureAwait(false);
    }

    /// <summary>The query string of the next page: the same search after the page's cursor.</summary>
    public string NextPage() => QueryString.Create(new Dictionary<string, string?>
    {
        ["from"] = From ?? "",
        ["to"] = To,
        ["sourceType"] = SourceType,
        ["fields"] = Fields,
        ["after"] = Result?.Next?.ToString(),
    }.Where(static p => p.Value is not null)).ToUriComponent();
}
