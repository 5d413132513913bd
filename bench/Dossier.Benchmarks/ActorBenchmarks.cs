using BenchmarkDotNet.Attributes;
using Dossier.Documents;
using Dossier.Extraction.Entities;
using Dossier.Actors;
using Dossier.Text;

namespace Dossier.Benchmarks;

/// <summary>
/// The actors component on one long document (synthetic: 5,000 sentences, ~85,000 words, thousands of person
/// mentions with shared surnames and "Mr X" references), entities tagged once in setup. Guards against work that grows
/// with the square of the mentions: before the group-member lists and name indexes, 20,000 such sentences took minutes.
/// </summary>
[BenchmarkCategory("actors")]
public class ActorBenchmarks
{
    private Document _doc = null!;
    private readonly ActorLinker _linker = new();

    [GlobalSetup]
    public void Setup()
    {
        string[] first = ["John", "Mary", "Ahmed", "Olga", "Pierre", "Li", "Carlos", "Fatima", "Hans", "Yuki", "Peter", "Anna", "Omar", "Ivan", "Sofia"];
        string[] last = ["Smith", "Jones", "Khan", "Petrov", "Dubois", "Wang", "Garcia", "Haddad", "Muller", "Sato", "Brown", "Novak", "Rossi", "Silva", "Kim"];
        var rng = new Random(1);
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < 5000; i++)
        {
            string a = first[rng.Next(first.Length)] + " " + last[rng.Next(last.Length)] + string.Concat(Enumerable.Repeat("son", i % 7));
            string b = last[rng.Next(last.Length)];
            sb.Append(a).Append(" met ").Append(b).Append(" in Paris on Monday and said the talks with Mr ").Append(b).Append(" went well. ");
        }
        _doc = new Document(sb.ToString()) { Published = new DateOnly(2025, 1, 1) };
        new Segmenter().Process(_doc);
        new EntityRecognizer().Process(_doc);
        Console.WriteLine($"// Actor sample: {_doc.Tokens.Length:N0} tokens, {_doc.Entities.Count:N0} entity mentions");
    }

    [Benchmark(Description = "actors, one long document")]
    public int LongDocument()
    {
        _linker.Process(_doc);
        return _doc.Actors.Count;
    }
}
