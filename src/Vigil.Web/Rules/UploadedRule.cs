using Vigil.Detection.Rules;
using Vigil.Storage.Rules;

namespace Vigil.Web.Rules;

/// <summary>An uploaded rule: as stored, as listed, and parsed (null when it no longer parses).</summary>
internal sealed record UploadedRule(CustomRule Stored, RuleEntry Entry, RuleSet? Set);
