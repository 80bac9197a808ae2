using System.Globalization;
using System.Text;
using MimeKit;

namespace Vigil.Cli.Tests.Breach;

/// <summary>Writes the compromised account's mailbox as an mbox: one clinical message per patient, a follow-up for the first, and staff mail.</summary>
internal static class CompromisedMailbox
{
    /// <summary>The messages holding patient data: one per patient plus the first patient's follow-up.</summary>
    public static int PatientMessages(IReadOnlyList<BreachPatient> patients) => patients.Count + 1;

    public static string Write(string path, string account, string ownerName, IReadOnlyList<BreachPatient> patients)
    {
        var domain = account.Split('@')[1];
        var colleague = new MailboxAddress("Ophelia Quenby", $"o.quenby@{domain}");
        var owner = new MailboxAddress(ownerName, account);
        var signature = $"Kind regards,\n{ownerName}\nPractice Manager, Sarnia Health\nTel: 01481 700100";
        var date = new DateTimeOffset(2021, 6, 3, 9, 0, 0, TimeSpan.FromHours(1));
        var messages = new List<MimeMessage>();
        foreach (var p in patients)
        {
            var body = new StringBuilder("Please see the patient below.\n\n");
            body.Append(CultureInfo.InvariantCulture, $"Re patient {p.Name}, DOB {p.BirthDate:dd/MM/yyyy}.\n");
            body.Append(CultureInfo.InvariantCulture, $"NHS number: {p.SpacedNhs}.\n");
            if (p.Address is not null)
            {
                body.Append(CultureInfo.InvariantCulture, $"Address: {p.Address}.\n");
            }

            if (p.Email is not null)
            {
                body.Append(CultureInfo.InvariantCulture, $"Email: {p.Email}\n");
            }

            if (p.Condition is not null)
            {
                body.Append(CultureInfo.InvariantCulture, $"Diagnosis: {p.Condition} ({p.Icd10}).\n");
            }

            body.Append('\n').Append(signature).Append('\n');
            date = date.AddHours(3);
            messages.Add(Message(owner, colleague, "Patient update", body.ToString(), date));
        }

        var first = patients[0];
        messages.Add(Message(colleague, owner, "Follow-up", $"Follow-up for NHS number {first.NhsNumber}: reviewed in clinic, no change.\n\nThanks,\nOphelia Quenby\n", date.AddHours(1)));
        messages.Add(Message(owner, colleague, "Rota", $"Could you cover reception on Friday morning? The locum starts at 9.\n\n{signature}\n", date.AddHours(2)));
        messages.Add(Message(colleague, owner, "Re: Rota", "Yes, happy to.\n\nThanks,\nOphelia Quenby\n", date.AddHours(3)));

        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Unix;
        using var file = File.Create(path);
        foreach (var message in messages)
        {
            var envelope = Encoding.ASCII.GetBytes($"From {message.From.Mailboxes.First().Address} {message.Date.UtcDateTime.ToString("ddd MMM d HH:mm:ss yyyy", CultureInfo.InvariantCulture)}\n");
            file.Write(envelope);
            message.WriteTo(options, file);
            file.Write("\n"u8);
        }

        return path;
    }

    private static MimeMessage Message(MailboxAddress from, MailboxAddress to, string subject, string text, DateTimeOffset date)
    {
        var message = new MimeMessage { Subject = subject, Date = date, MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("sarniahealth.example") };
        message.From.Add(from);
        message.To.Add(to);
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }
}
