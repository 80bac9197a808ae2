namespace Vigil.Web.Access;

/// <summary>Sign-in, lockout and session settings (configuration section <c>http:access</c>).</summary>
public sealed class AccessOptions
{
    /// <summary>Failed sign-ins in a row that lock an account. Default 5.</summary>
    public int LockoutThreshold { get; set; } = 5;

    /// <summary>How long a locked account refuses sign-in. Default 15 minutes.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A session unused this long ends. Default 30 minutes.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after sign-in, however busy. Default 12 hours.</summary>
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// Failed sign-ins allowed per client address per minute (successful ones do not count, so a practice behind one
    /// address is not locked out at the start of a shift), and POSTs to the set-up page per address per minute. Default 10.
    /// </summary>
    public int SignInPerAddressPerMinute { get; set; } = 10;

    /// <summary>Failed sign-ins allowed per account name per minute, from anywhere (successful ones do not count). Default 5.</summary>
    public int SignInPerAccountPerMinute { get; set; } = 5;

    /// <summary>How long a validated session is trusted before the store is asked again (other processes' revocations). Default 5 s.</summary>
    public TimeSpan SessionCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the set-up link printed by <c>vigil serve</c> stays valid. Default 24 hours.</summary>
    public TimeSpan SetupLinkLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Every problem, one line each naming the setting.</summary>
    public IEnumerable<string> Validate(string prefix)
    {
        if (LockoutThreshold is < 1 or > 100)
        {
            yield return $"{prefix}:lockoutThreshold: must be between 1 and 100";
        }

        if (LockoutDuration <= TimeSpan.Zero || IdleTimeout <= TimeSpan.Zero || AbsoluteTimeout < IdleTimeout || SessionCheckInterval < TimeSpan.Zero || SetupLinkLifetime <= TimeSpan.Zero)
        {
            yield return $"{prefix}: lockoutDuration, idleTimeout and setupLinkLifetime must be positive, absoluteTimeout at least idleTimeout";
        }

        if (SignInPerAddressPerMinute < 1 || SignInPerAccountPerMinute < 1)
        {
            yield return $"{prefix}: signInPerAddressPerMinute and signInPerAccountPerMinute must be at least 1";
        }
    }
}
