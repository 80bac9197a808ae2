namespace Vigil.Cli.Tests.ScanPhi;

/// <summary>A small mbox with identifiers planted in it, and the list of them to look for in anything Vigil writes.</summary>
internal static class PlantedMailbox
{
    /// <summary>Every planted value, in every form it could leak in (spaced and compact).</summary>
    public static readonly string[] Values =
    [
        "943 476 5919", "9434765919", "401 023 2137", "4010232137", "AB 12 34 56 C", "AB123456C", "Archibald Pemberton",
        "Pemberton", "Winifred Ashcombe", "Ashcombe", "archie.pemberton@example.org", "07700 900123", "07700900123",
        "GY1 2AB", "13/03/1969", "22/11/1948", "Ophelia Quenby", "Quenby",
    ];

    public static string Write(TempFolder temp)
    {
        const string Mbox = """
            From MAILER-DAEMON Thu Jan  1 00:00:00 2025
            From: Ophelia Quenby <ophelia.quenby@nhs.net>
            To: reception@practice.example.gg
            Subject: Patient update
            Date: Mon, 6 Apr 2025 16:59:00 +0100
            Message-ID: <1.1@practice.example.gg>

            Please see the patient below.

            Re patient Archibald Pemberton, DOB 13/03/1969.
            NHS number: 943 476 5919.
            Address: 12 High Street, St Peter Port, GY1 2AB.
            Tel: 07700 900123. Email: archie.pemberton@example.org
            Diagnosis: type 2 diabetes (E11.9). Current medication: metformin 500mg daily.

            Kind regards,
            Ophelia Quenby

            From MAILER-DAEMON Thu Jan  1 00:00:00 2025
            From: Ophelia Quenby <ophelia.quenby@nhs.net>
            To: reception@practice.example.gg
            Subject: Follow-up
            Date: Tue, 7 Apr 2025 09:00:00 +0100
            Message-ID: <2.2@practice.example.gg>

            Follow-up for NHS number 9434765919: HIV infection (B24), seen in clinic.

            Also Mrs Winifred Ashcombe, DOB 22/11/1948, NHS no. 401 023 2137, NI number AB 12 34 56 C.

            Kind regards,
            Ophelia Quenby

            """;
        return temp.File("mailbox.mbox", Mbox.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    /// <summary>A message whose PDF attachment (named after a patient) is not a PDF: a problem to report, by part, not by name.</summary>
    public static string WriteBroken(TempFolder temp) => temp.File("broken.eml", """
        From: Ophelia Quenby <ophelia.quenby@nhs.net>
        To: reception@practice.example.gg
        Subject: Letter
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="b1"

        --b1
        Content-Type: text/plain

        Letter attached.
        --b1
        Content-Type: application/pdf; name="Archibald Pemberton 9434765919.pdf"
        Content-Disposition: attachment; filename="Archibald Pemberton 9434765919.pdf"
        Content-Transfer-Encoding: base64

        bm90IGEgcGRmIGF0IGFsbA==
        --b1--

        """.Replace("\r\n", "\n", StringComparison.Ordinal));
}
