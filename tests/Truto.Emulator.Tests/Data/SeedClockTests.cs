using System.Globalization;
using Truto.Emulator.Data;

namespace Truto.Emulator.Tests.Data;

public sealed class SeedClockTests
{
    [Theory]
    [InlineData("2024-01-15T10:00:00.000")]
    [InlineData("0001-01-01T00:00:00.000")]
    [InlineData("9999-12-31T23:59:59.999")]
    [InlineData("2024-02-29T09:05:07.042")]
    public void Formats_a_time_as_the_api_prints_it_iso_8601_utc_with_milliseconds(string time)
    {
        var utc = DateTime.ParseExact(time, "yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

        SeedClock.Format(utc).ShouldBe(time + "Z");
    }

    [Fact]
    public void Every_seeded_time_formats_as_the_framework_formats_it()
    {
        var clock = new SeedClock();
        for (var i = 0; i < 20_000; i++)
        {
            var utc = clock.Next().AddMilliseconds(i % 1000);
            SeedClock.Format(utc).ShouldBe(utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        }
    }
}
