using System.Collections.Concurrent;
using System.Reflection;

namespace Real.EventStore.Serialization;

/// <summary>Maps stable event type names to CLR types and back; filled from <see cref="EventTypeAttribute"/>s.</summary>
public sealed class EventTypeRegistry
{
    private readonly ConcurrentDictionary<string, Type> _byName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, string> _byType = new();

    public EventTypeRegistry Register(Type type)
    {
        var attribute = type.GetCustomAttribute<EventTypeAttribute>()
            ?? throw new InvalidOperationException($"{type.FullName} has no [EventType] attribute.");
        var existing = _byName.GetOrAdd(attribute.Name, type);
        if (existing != type)
        {
            throw new InvalidOperationException($"Event type name '{attribute.Name}' is used by both {existing.FullName} and {type.FullName}.");
        }

        _byType[type] = attribute.Name;
        return this;
    }

    /// <summary>Registers every type with an [EventType] attribute in the assembly.</summary>
    public EventTypeRegistry RegisterAssembly(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t.GetCustomAttribute<EventTypeAttribute>() is not null))
        {
            Register(type);
        }

        return this;
    }

    public string NameOf(Type type) =>
        _byType.TryGetValue(type, out var name) ? name : Register(type)._byType[type];

    public bool TryGetType(string name, out Type type) => _byName.TryGetValue(name, out type!);
}
