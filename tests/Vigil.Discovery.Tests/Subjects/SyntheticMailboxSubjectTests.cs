using Vigil.Discovery.Extraction;
using Vigil.Discovery.Recognition;
using Vigil.Discovery.Scanning;
using Vigil.Discovery.Subjects;
using Vigil.Discovery.Tests.Accuracy;

namespace Vigil.Discovery.Tests.Subjects;

/// <summary>
/// Subject linking on the synthetic mailbox against its truth: every clinical message there is a new patient with one
/// national number (NHS, CHI or NI), written by one of a few dozen staff whose name and address are in From: and in the
/// signature of every message they send, to one practice address.
/// </summary>
public sealed class SyntheticMailboxSubjectTests
{
    /// <summary>The first messages only (about a quarter of the corpus), to keep the test fast.</summary>
    private const int Messages = 2_000;

    private static readonly Lazy<(IReadOnlyList<DataSubject> Subjects, Truth Truth)> Linked = new(Link);

    private sealed record Truth(int Patients, int StaffAddresses);

    private static (IReadOnlyList<DataSubject>, Truth) Link()
    {
        var mailbox = SyntheticMailbox.Instance;
        var texts = mailbox.MessageTexts()[..Messages];
        var items = texts.Select(static (text, i) => Item(i, text));
        using var scanner = new PhiScanner(PhiData.Vocabulary, RecogniserOptions.Default, new PhiScannerOptions { KeepValues = true });
        var linker = new SubjectLinker();
        foreach (var found in scanner.Scan(items))
        {
            linker.Add(found);
        }

        string Value(LabelledSpan s) => texts[s.Document][s.Start..s.End];
        var gold = mailbox.Gold.Where(static g => g.Document < Messages).ToList();
        var national = gold.Where(static g => g.Type is PhiTypes.UkNhs or PhiTypes.ScotChi or PhiTypes.UkNino)
            .Select(g => g.Type + ":" + new string([.. Value(g).Where(char.IsAsciiLetterOrDigit)])).Distinct().Count();
        var staff = gold.Where(static g => g.Type == PhiTypes.Email).Select(Value)
            .Where(static v => !v.EndsWith("@example.com", StringComparison.Ordinal)).Distinct().Count();
        return (linker.Build(reveal: false), new Truth(national, staff));
    }

    /// <summary>One message as the content reader gives it: the address and subject headers, then the body.</summary>
    private static ScanItem Item(int index, string text)
    {
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        var headers = string.Join('\n', text[..split].Split('\n').Where(static l => !l.StartsWith("Message-ID:", StringComparison.Ordinal)));
        return new ScanItem($"m{index + 1}", ScanItemKind.Message, "corpus.mbox", [new TextPart("headers", headers), new TextPart("body", text[(split + 2)..])]);
    }

    private static bool HasNational(DataSubject s) => s.Types.ContainsKey(PhiTypes.UkNhs) || s.Types.ContainsKey(PhiTypes.ScotChi)
        || s.Types.ContainsKey(PhiTypes.UkNino) || s.Types.ContainsKey(PhiTypes.NiHc);

    [Fact]
    public void Each_patient_national_number_is_one_subject_and_no_two_patients_merge()
    {
        var (subjects, truth) = Linked.Value;
        var patients = subjects.Where(HasNational).ToList();

        // One subject per distinct number (the recognisers' recall on these types is at least 0.98).
        Assert.InRange(patients.Count, truth.Patients * 0.98, truth.Patients * 1.01);
        // Every patient appears in one message only; a subject spanning two would be two patients merged.
        Assert.True(patients.Count(static p => p.Items.Count > 1) <= truth.Patients / 200, $"{patients.Count(static p => p.Items.Count > 1)} patients span several messages");
        Assert.All(patients, static p => Assert.False(p.Correspondent, $"{p.Id} is a patient merged with a sender"));
        Assert.True(patients.Count(static p => p.Categories.Contains(PhiCategory.Health)) >= patients.Count * 0.98);
    }

    [Fact]
    public void Staff_in_From_and_signatures_are_one_subject_each_and_take_no_patient()
    {
        var (subjects, truth) = Linked.Value;
        var correspondents = subjects.Where(static s => s.Correspondent).ToList();

        Assert.InRange(correspondents.Count, truth.StaffAddresses * 0.9, truth.StaffAddresses);
        Assert.All(correspondents, static c => Assert.DoesNotContain(PhiCategory.Health, c.Categories));
        Assert.All(correspondents, static c => Assert.False(HasNational(c)));
        // The practice's address is in To: of every message: one subject, with every message.
        Assert.Contains(correspondents, static c => c.Items.Count == Messages);
    }
}
