using Dossier.Store.Postgres;
using Dossier.Store.ReadModels;

namespace Dossier.Tests;

// The PostgreSQL engine's translation of FtsQuery's expression into tsquery text: phrases, prefixes, the three operators
// with FTS5's precedence, quoting, and the query it ranks by (without NOT terms) and the words it highlights.
public class PgTsQueryTests
{
    public static TheoryData<string, string, string, string> Cases => new()
    {
        { "blair", "('blair')", "('blair')", "'blair'" },
        { "tony blair", "('tony') & ('blair')", "('tony') & ('blair')", "'tony' | 'blair'" },
        { "\"tony blair\" elect*", "('tony' <-> 'blair') & ('elect':*)", "('tony' <-> 'blair') & ('elect':*)", "'tony' | 'blair' | 'elect':*" },
        { "al-Assad*", "('al' <-> 'Assad':*)", "('al' <-> 'Assad':*)", "'al' | 'Assad':*" },
        { "blair OR brown NOT labour", "('blair') | ('brown') & !('labour')", "('blair') | ('brown')", "'blair' | 'brown'" },
        { "x NOT y OR z", "('x') & !('y') | ('z')", "('x') | ('z')", "'x' | 'z'" },
        // tsquery syntax in user text is only ever words: FtsQuery keeps letters and digits.
        { "a'b & !c:* <-> d\\", "('a' <-> 'b') & ('c':*) & ('d')", "('a' <-> 'b') & ('c':*) & ('d')", "'a' | 'b' | 'c':* | 'd'" },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Translates(string input, string query, string rank, string highlight) =>
        Assert.Equal((query, rank, highlight), PgTsQuery.From(FtsQuery.Build(input)));

    [Fact]
    public void QuotesAndBackslashesInATermAreEscaped() =>
        Assert.Equal("('it''s' <-> 'a\\\\b')", PgTsQuery.From("\"it's a\\b\"").Query);

    [Fact]
    public void RefusesWhatFtsQueryNeverWrites() => Assert.Throws<FormatException>(() => PgTsQuery.From("\"a\" NEAR \"b\""));
}
