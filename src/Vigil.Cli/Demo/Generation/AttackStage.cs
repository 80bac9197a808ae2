namespace Vigil.Cli.Demo.Generation;

/// <summary>What a generated record is: background activity, or one stage of the demo's attack.</summary>
/// <remarks>The numbers follow the attack's story (issue 5); the report lists stages in the order they happened.</remarks>
internal enum AttackStage
{
    Benign = 0,
    PasswordSpray = 1,
    ExchangeExploitation = 2,
    WebShell = 3,
    MailboxExport = 4,
    ForwardingRules = 5,
    BulkMailAccess = 6,
    ImpossibleTravel = 7,
    Phishing = 8,
}
