using System.Text.RegularExpressions;

namespace Interop.Worker.Tests.Dashboard;

/// <summary>
/// The cookies a browser would keep for one site, by name: taken from <c>Set-Cookie</c> (an empty or expired value
/// deletes), sent back as one <c>Cookie</c> header. Secure cookies are kept over http too (browsers do on 127.0.0.1).
/// </summary>
internal sealed partial class BrowserCookies
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public string? this[string name] => _values.GetValueOrDefault(name);

    public IReadOnlyCollection<string> Names => _values.Keys;

    public void Take(HttpResponseMessage answer)
    {
        if (!answer.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            return;
        }

        foreach (var cookie in cookies)
        {
            var pair = cookie.Split(';')[0];
            var (name, value) = (pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            if (value.Length == 0 || Expired().IsMatch(cookie))
            {
                _values.Remove(name);
            }
            else
            {
                _values[name] = value;
            }
        }
    }

    public void AddTo(HttpRequestMessage request)
    {
        if (_values.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _values.Select(c => $"{c.Key}={c.Value}")));
        }
    }

    [GeneratedRegex("expires=Thu, 01 Jan 1970", RegexOptions.IgnoreCase)]
    private static partial Regex Expired();
}
