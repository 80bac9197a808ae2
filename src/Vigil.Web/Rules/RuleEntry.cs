using Vigil.Detection.Rules;

namespace Vigil.Web.Rules;

/// <summary>One rule as the Rules page lists it.</summary>
/// <param name="Info">What the rule says about itself.</param>
/// <param name="Pack">The pack (rules folder) it came from, or <see cref="RuleCatalog.UploadedPack"/>.</param>
/// <param name="Uploaded">Whether it was uploaded through the web app (only those can be deleted).</param>
/// <param name="Loaded">Whether it compiled and runs (a rule that failed to compile is listed with its error).</param>
/// <param name="Kind">rule, filter or correlation.</param>
internal sealed record RuleEntry(RuleInfo Info, string Pack, bool Uploaded, bool Loaded, string Kind);
