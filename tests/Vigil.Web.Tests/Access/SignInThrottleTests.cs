using Microsoft.Extensions.Time.Testing;
using Vigil.Web.Access;

namespace Vigil.Web.Tests.Access;

public sealed class SignInThrottleTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Attempts_given_back_after_success_do_not_use_up_the_limit()
    {
        var throttle = new SignInThrottle(2, Minute, _time);
        for (var i = 0; i < 10; i++)
        {
            Assert.True(throttle.TryTake("10.0.0.1"));
            throttle.GiveBack("10.0.0.1");
        }

        Assert.True(throttle.TryTake("10.0.0.1"));
        Assert.True(throttle.TryTake("10.0.0.1"));
        Assert.False(throttle.TryTake("10.0.0.1"));
        Assert.True(throttle.TryTake("10.0.0.2"));
    }

    [Fact]
    public void A_new_window_starts_the_count_again_and_a_give_back_from_an_old_window_is_ignored()
    {
        var throttle = new SignInThrottle(1, Minute, _time);
        Assert.True(throttle.TryTake("ana"));
        Assert.False(throttle.TryTake("ana"));

        _time.Advance(Minute);
        throttle.GiveBack("ana");
        Assert.True(throttle.TryTake("ana"));
        Assert.False(throttle.TryTake("ana"));
    }

    [Fact]
    public void Many_keys_in_one_window_are_dropped_rather_than_kept_without_bound()
    {
        var throttle = new SignInThrottle(1, Minute, _time);
        Assert.True(throttle.TryTake("first"));
        for (var i = 1; i < SignInThrottle.MaxKeys; i++)
        {
            Assert.True(throttle.TryTake($"name-{i}"));
        }

        Assert.False(throttle.TryTake("first"));
        Assert.True(throttle.TryTake("one-too-many"));
        Assert.True(throttle.TryTake("first"));
    }

    [Fact]
    public void A_spray_of_single_guesses_at_many_names_keeps_the_count_of_the_account_guessed_at_repeatedly()
    {
        var throttle = new SignInThrottle(3, Minute, _time);
        Assert.True(throttle.TryTake("target"));
        Assert.True(throttle.TryTake("target"));
        for (var i = 1; i < SignInThrottle.MaxKeys; i++)
        {
            Assert.True(throttle.TryTake($"sprayed-{i}"));
        }

        Assert.True(throttle.TryTake("one-too-many"));
        Assert.True(throttle.TryTake("target"));
        Assert.False(throttle.TryTake("target"));
    }
}
