namespace Vigil.Cli.Tests.Pack;

/// <summary>What the bundled rules must find, file by file: generated fixtures and the staged real samples.</summary>
internal static class PackExpectations
{
    /// <summary>
    /// Fixtures under Pack/Fixtures: every detection as "record: rule title" (IIS and HttpProxy records count the
    /// header lines; NDJSON and syslog records are lines).
    /// </summary>
    public static readonly Dictionary<string, string[]> Fixtures = new(StringComparer.Ordinal)
    {
        ["dovecot-attack.log"] = ["10: IMAP/POP3 Password Brute Force on Dovecot"],
        ["postfix-attack.log"] = ["10: SMTP Password Brute Force on Postfix"],
        ["httpproxy-attack.log"] =
        [
            "6: ProxyLogon Server-Side Request Forgery in the Exchange HttpProxy Log",
            "7: ProxyLogon Server-Side Request Forgery in the Exchange HttpProxy Log",
            "8: ProxyLogon Server-Side Request Forgery in the Exchange HttpProxy Log",
            "9: ProxyShell Autodiscover Path Confusion",
            "9: ProxyShell Reached the Exchange PowerShell Back End",
            "10: ProxyShell Autodiscover Path Confusion",
            "10: ProxyShell Reached the Exchange Address Book (NSPI) Back End",
            "11: ProxyToken Request to the Exchange Control Panel",
        ],
        ["iis-exchange-attack.log"] =
        [
            "5: ProxyShell Autodiscover Path Confusion", // raw '?@' and 'Email=autodiscover/autodiscover.json', no back end
            "6: ProxyShell Autodiscover Path Confusion",
            "6: ProxyShell Reached the Exchange Address Book (NSPI) Back End",
            "7: ProxyShell Autodiscover Path Confusion",
            "7: ProxyShell Reached the Exchange PowerShell Back End",
            "8: ProxyShell Autodiscover Path Confusion", // URL-encoded only: '%3F%40', '%3D', '%2F'
            "9: ProxyShell Reached the Exchange PowerShell Back End", // encoded '%2Fpowershell' and 'X-Rps-CAT%3D'
            "10: ProxyShell Autodiscover Path Confusion", // 401: an attempt, so not the back-end rule
            "11: Request to a Web Shell Location on Exchange",
            "12: Request to a Web Shell Location on Exchange",
            "13: ProxyLogon Exploitation Requests to OWA and ECP",
            "14: ProxyLogon Exploitation Requests to OWA and ECP",
            "15: ProxyLogon Exploitation Requests to OWA and ECP",
            "15: ProxyToken Request to the Exchange Control Panel",
            "16: OWASSRF Request to Remote PowerShell Through OWA",
            "18: ProxyLogon Back-End Cookie in a Web Request",
            "18: ProxyLogon Exploitation Requests to OWA and ECP",
            "19: ProxyLogon Back-End Cookie in a Web Request",
        ],
        ["m365-audit-attack.ndjson"] =
        [
            "1: Inbox Rule Deletes, Marks Read or Hides Mail",
            "1: Inbox Rule Filters Security Warnings",
            "2: Transport Rule Redirects or Copies Mail",
            "3: Transport Rule Redirects or Copies Mail",
            "4: Mailbox Folder Permission Granted",
            "5: eDiscovery Content Search Created",
            "6: eDiscovery Search Results Exported",
            "7: eDiscovery Search Results Exported",
            "8: Mailbox Auditing Disabled or Shortened",
            "9: Mailbox Auditing Disabled or Shortened",
            "10: Application Granted Access to Mail by Consent",
            "11: New Authentication Method Registered",
            "12: New Authentication Method Registered",
            "13: Mailbox Forwarding to an SMTP Address Set",
            "14: Inbox Rule Forwards or Redirects Mail",
            "14: Mail Forwarding Set Up on Several Mailboxes", // the second mailbox forwarded within a day
            "15: Inbox Rule Deletes, Marks Read or Hides Mail",
            "15: Inbox Rule Named With Punctuation Only",
        ],
        ["msexchange-management-attack.ndjson"] =
        [
            "1: Exchange Mailbox Import Export Role Granted",
            "2: Exchange Mailbox Exported Into a Web Folder",
            "3: Exchange Mailbox Export Request Removed",
            "4: Exchange Certificate Request Written as a Web Shell",
            "5: Exchange Transport Agent Installed",
            "6: Exchange Transport Agent Installed", // EventID 6: the cmdlet failed
            "7: Script Placed in the Exchange OAB Virtual Directory URL",
            "8: Exchange Mailbox Export Requested",
        ],
        // Benign fixtures: look-alikes of every attack above; nothing may fire.
        ["dovecot-benign.log"] = [],
        ["postfix-benign.log"] = [],
        ["httpproxy-benign.log"] = [],
        ["iis-exchange-benign.log"] = [],
        ["m365-audit-benign.ndjson"] = [],
        ["msexchange-management-benign.ndjson"] = [],
    };

    /// <summary>
    /// Real samples under ../shared/data/logs: every detection's rule title, repeated as often as it fires. Files with
    /// none hold techniques left to the C# analytics (sprays, sign-ins) or outside the pack, or benign traffic.
    /// </summary>
    public static readonly Dictionary<string, string[]> Samples = new(StringComparer.Ordinal)
    {
        ["azure-sentinel/office_activity_inbox_rule.csv"] =
        [
            "Inbox Rule Deletes, Marks Read or Hides Mail",
            "Inbox Rule Deletes, Marks Read or Hides Mail",
            "Inbox Rule Filters Security Warnings",
        ],
        ["det-eng-samples/t1098.001_Add_a_user_to_company_administrator_role.csv"] =
        [
            "Global Administrator Role Granted",
        ],
        ["det-eng-samples/t1098.002_ApplicationImpersonation.csv"] =
        [
            "ApplicationImpersonation Role Granted",
        ],
        ["det-eng-samples/t1098.002_Mail_Account_Delegation_full_access_permissions.csv"] =
        [
            "Full Access to a Mailbox Granted",
        ],
        ["det-eng-samples/t1098.002_Mail_Account_Delegation_full_access_permissions.json"] =
        [
            "Full Access to a Mailbox Granted",
        ],
        ["det-eng-samples/t1098.002_Mail_account_delegation-SendAs_permission.csv"] =
        [
            "Send As Permission Granted",
        ],
        ["det-eng-samples/t1098.002_user-reset_mailbox_full_access.json"] =
        [
            "Full Access to a Mailbox Granted",
        ],
        ["det-eng-samples/t1098.003_add_role_global_admin.json"] =
        [
            "Global Administrator Role Granted",
        ],
        ["det-eng-samples/t1098_Add_a_user_to_company_administrator_role.json"] =
        [
            "Global Administrator Role Granted",
        ],
        ["det-eng-samples/t1110.003_msolspray-powershell.json"] = [],
        ["det-eng-samples/t1110.003_msolspray-python.json"] = [],
        ["det-eng-samples/t1110.003_msolspraywithsuccess_1.csv"] = [],
        ["det-eng-samples/t1110.003_o365spray_default.json"] = [],
        ["det-eng-samples/t1110.003_o365spray_reporting.csv"] = [],
        ["det-eng-samples/t1110.003_o365spray_reporting.json"] = [],
        ["det-eng-samples/t1114.002_Enable_POP_IMAP_OWA.csv"] =
        [
            "POP or IMAP Enabled on a Mailbox",
            "POP or IMAP Enabled on a Mailbox",
        ],
        ["det-eng-samples/t1114.002_Enable_POP_IMAP_OWA.json"] =
        [
            "POP or IMAP Enabled on a Mailbox",
        ],
        ["det-eng-samples/t1114.003_Forward_Rule_Multi_Users_Same_Forward_dest.json"] =
        [
            "Mail Forwarding Set Up on Several Mailboxes",
            "Mailbox Forwarding to an SMTP Address Set",
            "Mailbox Forwarding to an SMTP Address Set",
            "Mailbox Forwarding to an SMTP Address Set",
            "Mailbox Forwarding to an SMTP Address Set",
            "Mailbox Forwarding to an SMTP Address Set",
        ],
        ["det-eng-samples/t1114.003_rule_mail_forward_same_dest.json"] =
        [
            "Inbox Rule Forwards or Redirects Mail",
            "Inbox Rule Forwards or Redirects Mail",
            "Mail Forwarding Set Up on Several Mailboxes",
        ],
        ["det-eng-samples/t1114_Set-Mailbox-ForwardSMTPAddress.csv"] =
        [
            "Mailbox Forwarding to an SMTP Address Set",
        ],
        ["det-eng-samples/t1482_azurehound_list.csv"] = [],
        ["det-eng-samples/t1531_Remove-Admin_members_from_a_group.csv"] = [],
        ["det-eng-samples/t1531_mass_delete_users.json"] = [],
        ["det-eng-samples/t1550.001_Allusers_consent_to_grant_permission_granted.json"] =
        [
            "Users Allowed to Consent to Any Application",
        ],
        ["det-eng-samples/t1550.001_default_rclone_app_registration.json"] = [],
        ["det-eng-samples/t1556.006_Disable_Strong_Authentication.csv"] =
        [
            "Multi-Factor Authentication Disabled for a User",
        ],
        ["det-eng-samples/t1556_Disable_Strong_Authentication.json"] =
        [
            "Multi-Factor Authentication Disabled for a User",
        ],
        ["det-eng-samples/t1562-Set-MailboxAuditBypassAssociation.json"] =
        [
            "Mailbox Audit Bypass Enabled",
        ],
        ["det-eng-samples/t1562-UnifiedAuditlogIngestion-Stopped.json"] =
        [
            "Unified Audit Log Ingestion Disabled",
        ],
        ["det-eng-samples/t1562.001_Remove-DlpCompliancePolicy.csv"] =
        [
            "Data Loss Prevention Policy Removed",
        ],
        ["det-eng-samples/t1562.001_Set-Mailbox-AuditLogAgeLimitoZero.csv"] =
        [
            "Mailbox Auditing Disabled or Shortened",
        ],
        ["det-eng-samples/t1562.008_Advanced_Auditing_policy_removed_from_a_user.csv"] =
        [
            "Advanced Auditing Disabled for a User",
        ],
        ["det-eng-samples/t1562.008_Disable_UAL_ingestion.csv"] =
        [
            "Unified Audit Log Ingestion Disabled",
        ],
        ["det-eng-samples/t1562.008_Set-MailboxAuditBypassAssociation.csv"] =
        [
            "Mailbox Audit Bypass Enabled",
        ],
        ["det-eng-samples/t1562_Set-Mailbox-AuditLogAgeLimitoZero.json"] =
        [
            "Mailbox Auditing Disabled or Shortened",
        ],
        ["det-eng-samples/t1564.008_New_inbox_rule_to_delete_email.csv"] =
        [
            "Inbox Rule Deletes, Marks Read or Hides Mail",
        ],
        ["det-eng-samples/t1564.008_Update_existing_mailbox_rule_using_Set-InboxRule.csv"] =
        [
            "Inbox Rule Deletes, Marks Read or Hides Mail",
        ],
        ["det-eng-samples/t1564.008_markasread_delete_all_email.json"] =
        [
            "Inbox Rule Deletes, Marks Read or Hides Mail",
            "Inbox Rule Named With Punctuation Only",
        ],
        ["det-eng-samples/t1564.008_rule_mark_as_read_move.json"] =
        [
            "Inbox Rule Deletes, Marks Read or Hides Mail",
            "Inbox Rule Named With Punctuation Only",
        ],
        ["det-eng-samples/t1592.004_mfa_sweep.csv"] = [],
        ["elastic-integrations/exchange-messagetracking.log"] = [],
        ["elastic-integrations/iis10-access-exchange.log"] = [],
        ["fail2ban/dovecot.log"] = [],
        ["fail2ban/postfix.log"] = [],
    };
}
