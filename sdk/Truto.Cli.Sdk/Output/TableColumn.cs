namespace Truto.Cli.Sdk.Output;

/// <summary>One column of a table: its header and the field it shows (a dotted path such as <c>integration.name</c>).</summary>
/// <param name="Header">The header, conventionally upper case.</param>
/// <param name="Path">The field's dotted path in each record.</param>
public sealed record TableColumn(string Header, string Path);
