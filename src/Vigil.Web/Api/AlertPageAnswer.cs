namespace Vigil.Web.Api;

/// <summary>A page of alerts, newest first; pass <paramref name="Next"/> as <c>before</c> for the next page.</summary>
internal sealed record AlertPageAnswer(IReadOnlyList<AlertItem> Alerts, long? Next);
