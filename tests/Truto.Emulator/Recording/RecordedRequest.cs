namespace Truto.Emulator;

/// <summary>
/// One request as the emulator received it. <see cref="Path"/> is decoded and has no query; <see cref="Query"/>
/// holds decoded values (a repeated key's values joined with a comma); <see cref="Headers"/> is case-insensitive
/// and holds every header as sent, <c>Authorization</c> included.
/// </summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body);
