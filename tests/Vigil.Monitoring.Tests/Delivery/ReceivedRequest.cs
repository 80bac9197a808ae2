using Vigil.Monitoring.Delivery;

namespace Vigil.Monitoring.Tests.Delivery;

/// <summary>What the webhook receiver saw, with the outcome of verifying the signature.</summary>
internal sealed record ReceivedRequest(string Method, string? ContentType, byte[] Body, WebhookVerification Verification);
