namespace Vigil.Storage.Alerts;

/// <summary>What an <see cref="AlertActivity"/> records.</summary>
public static class AlertActivityKinds
{
    /// <summary>The status changed.</summary>
    public const string Status = "status";

    /// <summary>The assignee changed.</summary>
    public const string Assign = "assign";

    /// <summary>Somebody commented.</summary>
    public const string Comment = "comment";
}
