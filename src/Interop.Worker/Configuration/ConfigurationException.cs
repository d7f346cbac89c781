namespace Interop.Worker.Configuration;

/// <summary>A setting the host cannot use (an unknown key, a value of the wrong type); the message names it.</summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException()
    {
    }

    public ConfigurationException(string message)
        : base(message)
    {
    }

    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
