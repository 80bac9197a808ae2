namespace Vigil.Web.Rules;

/// <summary>What deleting a rule did.</summary>
internal enum RuleDeleteOutcome
{
    /// <summary>No rule has that id.</summary>
    NotFound,

    /// <summary>The rule comes from a rules folder: disable it instead.</summary>
    NotUploaded,

    /// <summary>The uploaded rule and its state are gone, and live detection no longer runs it.</summary>
    Deleted,
}
