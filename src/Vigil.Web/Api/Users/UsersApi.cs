using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Storage;
using Vigil.Web.Access.Users;
using Vigil.Web.Auth;

namespace Vigil.Web.Api.Users;

/// <summary><c>/api/v1/users</c>: list, add (with a one-time set-up link), change role, disable, enable, unlock, reset TOTP, end sessions (admins).</summary>
internal static class UsersApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/v1/users").WithTags("Users").RequireAuthorization(Policies.Administer);
        users.MapGet("", ListAsync).WithSummary("Every user with role, second factor and status (never a password hash or secret).");
        users.MapPost("", AddAsync).WithSummary("Add a user {name, role}; the answer holds their one-time set-up link (shown only this once). Audited.");
        users.MapPatch("/{id:long}", PatchAsync).WithSummary("Change role and/or disabled {role, disabled}; the last active admin cannot be demoted or disabled (409). Audited.");
        users.MapPost("/{id:long}/{action}", ActAsync).WithSummary(
            $"One of: {string.Join(", ", UserActions.All)} (set-role takes {{role}}); setup-link answers a new one-time link. Audited; 409 for the last active admin.");
    }

    private static async Task<Ok<IReadOnlyList<UserRow>>> ListAsync(IVigilStore store, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return TypedResults.Ok<IReadOnlyList<UserRow>>([.. (await store.Users.ListAsync(ct).ConfigureAwait(false)).Select(u => UserRow.From(u, now))]);
    }

    private static async Task<Results<Ok<UserChangeAnswer>, ProblemHttpResult>> AddAsync(HttpContext http, UserAdministration admin, IVigilStore store, TimeProvider time, NewUserRequest body)
    {
        var change = await admin.AddAsync(http, body?.Name, body?.Role).ConfigureAwait(false);
        return await AnswerAsync(change, store, time, body?.Name, null, http.RequestAborted).ConfigureAwait(false);
    }

    private static async Task<Results<Ok<UserChangeAnswer>, ProblemHttpResult>> PatchAsync(HttpContext http, UserAdministration admin, IVigilStore store, TimeProvider time, long id, UserPatch body)
    {
        var change = new UserChange(400, "give role and/or disabled");
        if (body?.Role is { } role)
        {
            change = await admin.ApplyAsync(http, id, UserActions.SetRole, role).ConfigureAwait(false);
            if (!change.Done)
            {
                return await AnswerAsync(change, store, time, null, id, http.RequestAborted).ConfigureAwait(false);
            }
        }

        if (body?.Disabled is { } disabled)
        {
            change = await admin.ApplyAsync(http, id, disabled ? UserActions.Disable : UserActions.Enable).ConfigureAwait(false);
        }

        return await AnswerAsync(change, store, time, null, id, http.RequestAborted).ConfigureAwait(false);
    }

    private static async Task<Results<Ok<UserChangeAnswer>, ProblemHttpResult>> ActAsync(
        HttpContext http, UserAdministration admin, IVigilStore store, TimeProvider time, long id, string action, UserActionRequest? body)
    {
        var change = await admin.ApplyAsync(http, id, action, body?.Role).ConfigureAwait(false);
        return await AnswerAsync(change, store, time, null, id, http.RequestAborted).ConfigureAwait(false);
    }

    private static async Task<Results<Ok<UserChangeAnswer>, ProblemHttpResult>> AnswerAsync(UserChange change, IVigilStore store, TimeProvider time, string? name, long? id, CancellationToken ct)
    {
        if (!change.Done)
        {
            return TypedResults.Problem(change.Message, statusCode: change.Status);
        }

        var user = id is { } i ? await store.Users.GetAsync(i, ct).ConfigureAwait(false)
            : name is null ? null : await store.Users.FindAsync(name, ct).ConfigureAwait(false);
        return TypedResults.Ok(new UserChangeAnswer(change.Message, change.SetupLink, user is null ? null : UserRow.From(user, time.GetUtcNow())));
    }
}
