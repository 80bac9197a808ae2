namespace Vigil.Web.Api;

/// <summary>Body of <c>POST /api/v1/alerts/{id}/comments</c>.</summary>
internal sealed record CommentRequest(string Text);
