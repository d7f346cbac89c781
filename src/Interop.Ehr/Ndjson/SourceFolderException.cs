namespace Interop.Ehr.Ndjson;

/// <summary>
/// The NDJSON source folder is missing or cannot be read: a configuration problem (exit code 2), not a
/// per-record failure. The message names the folder as the user gave it.
/// </summary>
public sealed class SourceFolderException : Exception
{
    public SourceFolderException()
    {
    }

    public SourceFolderException(string message)
        : base(message)
    {
    }

    public SourceFolderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SourceFolderException(string folder, string message, Exception? innerException)
        : base(message, innerException)
    {
        Folder = folder;
    }

    /// <summary>The folder as given in <c>--source</c> or configuration.</summary>
    public string? Folder { get; }

    internal static SourceFolderException Missing(string folder) =>
        new(folder, $"The NDJSON source folder '{folder}' (--source) does not exist or is not a folder.", null);

    internal static SourceFolderException Unreadable(string folder, Exception cause) =>
        new(folder, $"The NDJSON source folder '{folder}' (--source) cannot be read: {cause.Message}", cause);
}
