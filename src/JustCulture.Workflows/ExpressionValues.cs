using System.Text.Json;

namespace JustCulture.Workflows;

/// <summary>Reads the value shapes Elsa writes into <c>expression.value</c>.</summary>
internal static class ExpressionValues
{
    public static bool TryGetBoolean(JsonElement value, out bool result)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                result = true;
                return true;
            case JsonValueKind.False:
                result = false;
                return true;
            case JsonValueKind.String:
                return bool.TryParse(value.GetString(), out result);
            default:
                result = false;
                return false;
        }
    }

    /// <summary>A scalar as text: strings as-is, numbers and booleans by their JSON text; null otherwise.</summary>
    public static string? GetText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => null,
    };

    /// <summary>A list of strings: a JSON array, or a string holding a JSON-encoded array (as Elsa stores lists).</summary>
    public static List<string>? GetStringList(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!.Trim();
            if (!text.StartsWith('['))
            {
                return null;
            }

            try
            {
                using var document = JsonDocument.Parse(text);
                return GetStringList(document.RootElement);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var list = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            list.Add(item.GetString()!);
        }

        return list;
    }

    /// <summary>The variable a <c>Variable</c> expression names: a string, or an object with a <c>name</c> (or <c>id</c>).</summary>
    public static string? VariableName(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var key in new[] { "name", "id" })
            {
                if (value.TryGetProperty(key, out var part) && part.ValueKind == JsonValueKind.String)
                {
                    return part.GetString();
                }
            }
        }

        return null;
    }

    /// <summary>A value stored as text converted to the type Elsa names (<c>Int32</c>, <c>Boolean</c>…), as Elsa converts it; other values as they are.</summary>
    public static JsonElement Typed(JsonElement value, string? typeName)
    {
        if (value.ValueKind != JsonValueKind.String || typeName is null)
        {
            return value;
        }

        var text = value.GetString()!;
        switch (typeName)
        {
            case "Int32" or "Int64" or "Double" or "Decimal" or "Single" or "Int16" or "Byte" or "Number":
                return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number)
                    ? JsonSerializer.SerializeToElement(number % 1 == 0 && Math.Abs(number) < 9e15 ? (object)(long)number : number)
                    : value;
            case "Boolean":
                return bool.TryParse(text, out var flag) ? JsonSerializer.SerializeToElement(flag) : value;
            default:
                return value;
        }
    }
}
