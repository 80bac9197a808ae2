using Vigil.Response.Breach;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Vigil.Cli.Notify;

/// <summary>The breach facts as a YAML file (snake_case keys, the <see cref="BreachFacts"/> properties); absent keys keep their defaults.</summary>
internal sealed class FactsFile
{
    public string? Nature { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset? OccurredAt { get; set; }
    public DateTimeOffset? ContainedAt { get; set; }
    public string? DiscoveredHow { get; set; }
    public bool? Cyber { get; set; }
    public bool Encrypted { get; set; }
    public bool PhishingObserved { get; set; }
    public bool VulnerableGroups { get; set; }
    public bool LowProbabilityOfCompromise { get; set; }
    public List<string> MeasuresTaken { get; set; } = [];
    public List<string> MeasuresProposed { get; set; } = [];
    public string? Organisation { get; set; }
    public string? ContactPoint { get; set; }
    public string? DelayReason { get; set; }
    public string? CaseReference { get; set; }
    public DateTimeOffset? RegulatorNotifiedAt { get; set; }
    public string? IndividualsNotified { get; set; }
    public List<string> OtherBodiesTold { get; set; } = [];
    public string? StaffInvolved { get; set; }
    public string? LessonsLearned { get; set; }

    /// <summary>Reads the file; an error names the file and the reason, never its content.</summary>
    public static BreachFacts? Read(string path, out string? error)
    {
        error = null;
        try
        {
            var f = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build().Deserialize<FactsFile?>(File.ReadAllText(path)) ?? new FactsFile();
            var d = new BreachFacts();
            return new BreachFacts
            {
                Nature = f.Nature ?? d.Nature,
                Description = f.Description ?? d.Description,
                OccurredAt = f.OccurredAt,
                ContainedAt = f.ContainedAt,
                DiscoveredHow = f.DiscoveredHow ?? d.DiscoveredHow,
                Cyber = f.Cyber ?? d.Cyber,
                Encrypted = f.Encrypted,
                PhishingObserved = f.PhishingObserved,
                VulnerableGroups = f.VulnerableGroups,
                LowProbabilityOfCompromise = f.LowProbabilityOfCompromise,
                MeasuresTaken = f.MeasuresTaken,
                MeasuresProposed = f.MeasuresProposed,
                Organisation = f.Organisation ?? d.Organisation,
                ContactPoint = f.ContactPoint ?? d.ContactPoint,
                DelayReason = f.DelayReason,
                CaseReference = f.CaseReference,
                RegulatorNotifiedAt = f.RegulatorNotifiedAt,
                IndividualsNotified = f.IndividualsNotified,
                OtherBodiesTold = f.OtherBodiesTold,
                StaffInvolved = f.StaffInvolved,
                LessonsLearned = f.LessonsLearned,
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or YamlDotNet.Core.YamlException)
        {
            error = $"{path}: cannot read the facts ({e.GetType().Name})";
            return null;
        }
    }
}
