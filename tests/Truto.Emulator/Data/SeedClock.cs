using System.Globalization;

namespace Truto.Emulator.Data;

/// <summary>
/// Hands out creation times for seeded rows: a fixed start and a steady step, so timestamps look real, sort in
/// creation order and are the same on every run. One per emulator; callers hold the store's lock.
/// </summary>
internal sealed class SeedClock
{
    private DateTime _next = new(2024, 1, 15, 10, 0, 0, DateTimeKind.Utc);

    public DateTime Next()
    {
        var now = _next;
        _next = _next.AddMinutes(7).AddSeconds(13);
        return now;
    }

    /// <summary>ISO 8601 in UTC with milliseconds, as the API prints it: <c>2024-01-15T10:00:00.000Z</c>.</summary>
    public static string Format(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
