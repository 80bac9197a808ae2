namespace Vigil.Cli.Demo.Generation;

/// <summary>Stable names and descriptions of the attack stages, for the report.</summary>
internal static class AttackStages
{
    public static IReadOnlyList<AttackStage> All { get; } =
    [
        AttackStage.PasswordSpray, AttackStage.ExchangeExploitation, AttackStage.WebShell, AttackStage.MailboxExport,
        AttackStage.ForwardingRules, AttackStage.BulkMailAccess, AttackStage.ImpossibleTravel, AttackStage.Phishing,
    ];

    public static string Id(AttackStage stage) => stage switch
    {
        AttackStage.PasswordSpray => "password-spray",
        AttackStage.ExchangeExploitation => "exchange-exploitation",
        AttackStage.WebShell => "web-shell",
        AttackStage.MailboxExport => "mailbox-export",
        AttackStage.ForwardingRules => "forwarding-rules",
        AttackStage.BulkMailAccess => "bulk-mail-access",
        AttackStage.ImpossibleTravel => "impossible-travel",
        AttackStage.Phishing => "phishing",
        _ => "benign",
    };

    public static string Describe(AttackStage stage) => stage switch
    {
        AttackStage.PasswordSpray => "Password spray on Entra ID, then sign-ins that succeed (foreign IP)",
        AttackStage.ExchangeExploitation => "ProxyShell requests to on-prem Exchange (autodiscover.json, /mapi/nspi, PowerShell)",
        AttackStage.WebShell => "Web shell under /aspnet_client/ used over POST",
        AttackStage.MailboxExport => "Mailbox Import Export role granted, mailboxes exported (MSExchange Management)",
        AttackStage.ForwardingRules => "Inbox rules forwarding to an outside address, marking read and deleting",
        AttackStage.BulkMailAccess => "Bulk MailItemsAccessed from the attacker's address",
        AttackStage.ImpossibleTravel => "Sign-in from Lagos minutes after one in Guernsey",
        AttackStage.Phishing => "Phishing burst from a compromised mailbox to patients",
        _ => "Background activity",
    };
}
