using MimeKit;

namespace Vigil.Monitoring.Tests.Delivery;

/// <summary>A message the test SMTP server accepted: parsed, its envelope recipients, and its raw text.</summary>
internal sealed record ReceivedMail(MimeMessage Message, IReadOnlyList<string> EnvelopeTo, string Raw);
