namespace Dossier.Pipeline;

/// <summary>The built-in components, one line each, in their usual pipeline order.</summary>
internal static class Builtins
{
    public static void RegisterAll(Action<string, Func<IComponent>> register)
    {
        register("segment", () => new Dossier.Text.Segmenter());
    }
}
