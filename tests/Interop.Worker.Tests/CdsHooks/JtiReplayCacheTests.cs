using Interop.Worker.CdsHooks.ClientAuthentication;
using Microsoft.Extensions.Time.Testing;

namespace Interop.Worker.Tests.CdsHooks;

public sealed class JtiReplayCacheTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryRemember_SameJtiOfTheSameIssuer_IsReplayedUntilItsTimeRunsOut()
    {
        var cache = new JtiReplayCache(_time);
        var until = _time.GetUtcNow().AddMinutes(5);

        Assert.Equal(JtiReplayCache.Outcome.Remembered, cache.TryRemember("iss-a", "j1", until));
        Assert.Equal(JtiReplayCache.Outcome.Replayed, cache.TryRemember("iss-a", "j1", until));
        Assert.Equal(JtiReplayCache.Outcome.Remembered, cache.TryRemember("iss-b", "j1", until));
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(JtiReplayCache.Outcome.Remembered, cache.TryRemember("iss-a", "j1", until.AddMinutes(5)));
    }

    [Fact]
    public void TryRemember_Full_RefusesUntilEntriesExpire()
    {
        var cache = new JtiReplayCache(_time, capacity: 2);
        var now = _time.GetUtcNow();
        cache.TryRemember("iss", "j1", now.AddMinutes(1));
        cache.TryRemember("iss", "j2", now.AddMinutes(3));

        Assert.Equal(JtiReplayCache.Outcome.Full, cache.TryRemember("iss", "j3", now.AddMinutes(3)));
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(JtiReplayCache.Outcome.Remembered, cache.TryRemember("iss", "j3", now.AddMinutes(3)));
        Assert.Equal(2, cache.Count);
    }
}
