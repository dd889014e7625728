namespace Truto.Emulator.Tests.Resources;

/// <summary>What realistic values look like: ISO-8601 UTC timestamps with a Z, and uuids.</summary>
internal static class Realistic
{
    public const string Timestamp = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$";

    public static void ShouldBeUuid(this JToken? value) => Guid.TryParse((string?)value, out _).ShouldBeTrue($"'{value}' is not a uuid");

    public static void ShouldBeTimestamp(this JToken? value) => ((string?)value).ShouldNotBeNull().ShouldMatch(Timestamp);
}
