using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Truto.Cli.Plugins;

/// <summary>
/// Reads a candidate plugin's metadata without loading it, so garbage files and plugins built for another SDK are
/// turned away before anything is loaded into the process.
/// </summary>
internal static class AssemblyInspector
{
    public const string SdkAssemblyName = "Truto.Cli.Sdk";

    /// <summary>The SDK version the assembly was compiled against, or null when it does not reference the SDK.</summary>
    /// <exception cref="BadImageFormatException">The file is not a .NET assembly.</exception>
    public static Version? ReadSdkReference(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
        {
            throw new BadImageFormatException("the file has no .NET metadata");
        }

        var metadata = pe.GetMetadataReader();
        if (!metadata.IsAssembly)
        {
            throw new BadImageFormatException("the file is a .NET module, not an assembly");
        }

        foreach (var handle in metadata.AssemblyReferences)
        {
            var reference = metadata.GetAssemblyReference(handle);
            if (metadata.StringComparer.Equals(reference.Name, SdkAssemblyName))
            {
                return reference.Version;
            }
        }

        return null;
    }
}
