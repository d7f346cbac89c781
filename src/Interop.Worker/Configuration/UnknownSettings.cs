using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Interop.Worker.Configuration;

/// <summary>
/// Finds settings that no options class has, each named by its full path (<c>Ehrs:hospital:Auth:Mod</c>), by walking each
/// known section against the type it binds to, as the configuration binder does (names are case-insensitive).
/// </summary>
internal static class UnknownSettings
{
    /// <summary>One message per unknown setting under the known sections of <paramref name="configuration"/>.</summary>
    public static IReadOnlyList<string> Find(IConfiguration configuration)
    {
        var errors = new List<string>();
        foreach (var (name, type) in KnownSections.All)
        {
            if (type is not null)
            {
                Walk(configuration.GetSection(name), type, errors);
            }
        }

        return errors;
    }

    private static void Walk(IConfigurationSection section, Type type, List<string> errors)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var children = section.GetChildren().ToList();
        if (children.Count == 0)
        {
            return;
        }

        if (IsValue(type))
        {
            errors.AddRange(children.Select(c => $"{c.Path} is not a known setting ({section.Path} is a single value)"));
            return;
        }

        if (ItemType(type) is { } itemType)
        {
            // Dictionary keys and list indexes are the caller's names: what is under each is checked.
            children.ForEach(c => Walk(c, itemType, errors));
            return;
        }

        var settings = Settings(type);
        foreach (var child in children)
        {
            if (settings.TryGetValue(child.Key, out var property))
            {
                Walk(child, property.PropertyType, errors);
            }
            else
            {
                errors.Add($"{child.Path} is not a known setting (known in {section.Path}: {string.Join(", ", settings.Keys.Order(StringComparer.Ordinal))})");
            }
        }
    }

    /// <summary>The properties the binder can set: public with a public setter, or a get-only object or collection it binds into.</summary>
    private static Dictionary<string, PropertyInfo> Settings(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && (p.SetMethod?.IsPublic == true || !IsValue(p.PropertyType)))
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    private static bool IsValue(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)
            || TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string));
    }

    /// <summary>The value type of a dictionary or the element type of a collection, else null.</summary>
    private static Type? ItemType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var interfaces = type.IsInterface ? [type, .. type.GetInterfaces()] : type.GetInterfaces();
        var dictionary = interfaces.FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>))
            ?? interfaces.FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));
        if (dictionary is not null)
        {
            return dictionary.GetGenericArguments()[1];
        }

        return interfaces.FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
    }
}
