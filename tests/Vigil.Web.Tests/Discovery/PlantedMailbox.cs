using MimeKit;

namespace Vigil.Web.Tests.Discovery;

/// <summary>A small mbox written with MimeKit, with identifiers planted in known messages (synthetic people only).</summary>
internal static class PlantedMailbox
{
    /// <summary>A valid NHS number (checksum holds); the masked form keeps its last four digits.</summary>
    public const string NhsNumber = "943 476 5919";

    public const string MaskedNhsNumber = "*** *** 5919";

    public const string DateOfBirth = "14/03/1969";

    public const string Phone = "07700 900123";

    /// <summary>Writes the mbox (three messages: the second holds the patient's identifiers and a diagnosis) and returns its path.</summary>
    public static string Write(string folder, string name = "export.mbox")
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        using var stream = File.Create(path);
        var messages = new[]
        {
            Message(1, "Rota for next week", "Hello all,\n\nThe rota is attached to the staff room board.\n\nThanks"),
            Message(2, "Referral", $"Dear colleague,\n\nPlease see patient NHS number {NhsNumber}, date of birth {DateOfBirth}, mobile {Phone}.\nDiagnosis: ICD-10 E11.9, type 2 diabetes.\n\nRegards"),
            Message(3, "Parking", "The car park is closed on Friday.\n"),
        };
        foreach (var message in messages)
        {
            var from = $"From reception@example.org Mon Mar  2 09:0{message.Item1}:00 2026\n";
            var fromBytes = System.Text.Encoding.ASCII.GetBytes(from);
            stream.Write(fromBytes);
            message.Item2.WriteTo(FormatOptions.Default, stream);
            stream.Write("\n"u8);
        }

        return path;
    }

    private static (int, MimeMessage) Message(int n, string subject, string body)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Reception", "reception@example.org"));
        message.To.Add(new MailboxAddress("Clinic", "clinic@example.org"));
        message.Subject = subject;
        message.MessageId = $"planted-{n}@example.org";
        message.Date = new DateTimeOffset(2026, 3, 2, 9, n, 0, TimeSpan.Zero);
        message.Body = new TextPart("plain") { Text = body };
        return (n, message);
    }
}
