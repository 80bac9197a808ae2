using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Storage.Audit;
using Vigil.Web.Auth;

namespace Vigil.Web.Access;

/// <summary>Audit entries for what a request's user did: the actor and client address come from the request.</summary>
public static class HttpAudit
{
    /// <summary>The actor of a request: <c>user:NAME</c> for a person, <c>token:ID</c> for an API token, <c>anonymous</c>.</summary>
    public static string Actor(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity is not { IsAuthenticated: true } identity)
        {
            return "anonymous";
        }

        return identity.AuthenticationType == AccessSchemes.Bearer
            ? $"token:{user.FindFirstValue(ClaimTypes.NameIdentifier)}"
            : $"user:{user.FindFirstValue(ClaimTypes.Name)}";
    }

    /// <summary>An entry for <paramref name="action"/> on <paramref name="target"/> by the request's user.</summary>
    public static AuditEntry Entry(HttpContext context, string action, string? target = null, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new AuditEntry(Actor(context.User), action, target, context.Connection.RemoteIpAddress?.ToString(), detail);
    }

    /// <summary>Appends an entry for the request's user (for example <see cref="AuditActions.PhiRevealed"/> with the finding's id).</summary>
    public static Task AuditAsync(this HttpContext context, string action, string? target = null, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequestServices.GetRequiredService<IAuditLog>().AppendAsync(Entry(context, action, target, detail), context.RequestAborted);
    }
}
