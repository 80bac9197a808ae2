using Vigil.Detection.Matching;
using Vigil.Detection.Prefilter;
using Vigil.Detection.Routing;
using Vigil.Detection.Rules;

namespace Vigil.Detection.Engine;

/// <summary>A rule compiled for one of its routes: the unit the engine evaluates.</summary>
internal sealed record CompiledRule(int Index, RuleInfo Info, Route Route, Matcher Matcher, Requirement? Required);
