using MimeKit;
using Vigil.Discovery.Extraction;
using Vigil.Discovery.Recognition;
using Vigil.Discovery.Scanning;
using Vigil.Discovery.Subjects;

namespace Vigil.Response.Tests.Breach;

/// <summary>
/// A compromised mailbox generated as an mbox with MimeKit: three patients (name, NHS number, date of birth,
/// condition, e-mail), the first written about twice, every message signed by the same member of staff; scanned with
/// scan-phi's engine and linked into subjects once per test run.
/// </summary>
public sealed class PlantedMailbox : IDisposable
{
    public static readonly PlantedPatient[] Patients =
    [
        new("Margaret Bisson", "943 476 5919", "14/02/1951", "asthma", "margaret.bisson@example.com"),
        new("David Ogier", "401 023 2137", "03/07/1978", "diabetes", "d.ogier@example.org"),
        new("Susan Mahy", "999 000 0018", "22/11/1990", "depression", "susan.mahy@example.net"),
    ];

    public const string StaffName = "Alice Jones";
    public const string StaffEmail = "alice.jones@practice.example.gg";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "vigil-breach-" + Guid.NewGuid().ToString("N"));

    public PlantedMailbox()
    {
        Directory.CreateDirectory(_folder);
        MboxPath = Path.Combine(_folder, "mailbox.mbox");
        Write(MboxPath);
        var linker = new SubjectLinker();
        using var scanner = new PhiScanner(SharedVocabulary.Value, RecogniserOptions.Default, new PhiScannerOptions { KeepValues = true, Parallelism = 1 });
        var problems = new List<ScanProblem>();
        foreach (var item in scanner.Scan(new ContentReader(ContentLimits.Default).Read([MboxPath], problems.Add)))
        {
            linker.Add(item);
        }

        Assert.Empty(problems);
        Subjects = linker.Build(reveal: true);
    }

    public string MboxPath { get; }

    public IReadOnlyList<DataSubject> Subjects { get; }

    public static Lazy<PhiVocabulary> SharedVocabulary { get; } = new(() => PhiVocabulary.Load(PhiFolder()));

    /// <summary>Every planted patient value in the forms a document could show it.</summary>
    public static IEnumerable<string> Identifiers(PlantedPatient p) =>
        [p.Name, p.Nhs, p.Nhs.Replace(" ", "", StringComparison.Ordinal), p.Dob, p.Email, p.Condition];

    public static void Write(string path)
    {
        using var stream = File.Create(path);
        var messages = Patients.Select((p, i) => Message(i, p, "Please book a review for this patient.")).ToList();
        messages.Add(Message(3, Patients[0], "Follow-up: the patient called again about the review."));
        foreach (var message in messages)
        {
            var from = System.Text.Encoding.ASCII.GetBytes($"From MAILER-DAEMON Mon Mar  1 09:00:00 2021\n");
            stream.Write(from);
            message.WriteTo(FormatOptions.Default.Clone(), stream);
            stream.Write("\n"u8);
        }
    }

    private static MimeMessage Message(int n, PlantedPatient p, string opening)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(StaffName, StaffEmail));
        message.To.Add(new MailboxAddress("Reception", "reception@practice.example.gg"));
        message.Subject = "Patient review";
        message.MessageId = $"m{n}@practice.example.gg";
        message.Date = new DateTimeOffset(2021, 3, 1, 9, n, 0, TimeSpan.Zero);
        message.Body = new MimeKit.TextPart("plain")
        {
            Text = $"{opening}\n\nPatient: {p.Name}, DOB {p.Dob}.\nNHS number: {p.Nhs}.\nEmail: {p.Email}\nDiagnosis: {p.Condition}.\n\nKind regards,\n{StaffName}\nPractice Manager\n",
        };
        return message;
    }

    private static string PhiFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Vigil.slnx")))
        {
            dir = dir.Parent;
        }

        Assert.True(dir is not null, "Vigil.slnx not found above the test binaries: cannot locate ../shared/data/phi");
        var folder = Path.GetFullPath(Path.Combine(dir!.FullName, "..", "shared", "data", "phi"));
        Assert.True(Directory.Exists(folder), $"PHI test data missing: expected {folder} (see shared/data/phi/README.md)");
        return folder;
    }

    public static string RepoFile(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Vigil.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, relative);
    }

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
    }
}
