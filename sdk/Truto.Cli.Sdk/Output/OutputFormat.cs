namespace Truto.Cli.Sdk.Output;

/// <summary>The formats <c>-o/--output</c> accepts.</summary>
public enum OutputFormat
{
    /// <summary>Aligned columns for people; tab-separated when piped.</summary>
    Table,
    /// <summary>One indented JSON document.</summary>
    Json,
    /// <summary>One compact JSON object per line, streamed.</summary>
    Ndjson,
    /// <summary>RFC 4180 CSV with a header row.</summary>
    Csv,
    /// <summary>YAML.</summary>
    Yaml,
}
