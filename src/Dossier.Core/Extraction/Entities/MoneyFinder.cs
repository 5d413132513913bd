using System.Globalization;
using Dossier.Documents;

namespace Dossier.Extraction.Entities;

/// <summary>Finds amounts of money with their value in units and ISO 4217 currency:
/// "$70,000", "$10 million", "£5bn", "€3.5m", "US$2", "Rs 500", "5 million dollars", "10 billion euros".</summary>
/// <remarks>Stateless; dispatches on the token kinds the segmenter gives, no regular expressions.</remarks>
internal static class MoneyFinder
{
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    { ["$"] = "USD", ["£"] = "GBP", ["€"] = "EUR", ["¥"] = "JPY", ["₹"] = "INR", ["₽"] = "RUB", ["₩"] = "KRW", ["₺"] = "TRY", ["₪"] = "ILS", ["₦"] = "NGN" };

    // Letters glued before "$" that name a dollar: US$, A$, C$, HK$, NZ$, S$; R$ is the Brazilian real.
    private static readonly Dictionary<string, string> DollarPrefixes = new(StringComparer.Ordinal)
    { ["US"] = "USD", ["U.S."] = "USD", ["A"] = "AUD", ["AU"] = "AUD", ["C"] = "CAD", ["CA"] = "CAD", ["HK"] = "HKD", ["NZ"] = "NZD", ["S"] = "SGD", ["R"] = "BRL" };

    // Words before the number: ISO codes and abbreviations.
    private static readonly Dictionary<string, string> CodesBefore = new(StringComparer.Ordinal)
    {
        ["USD"] = "USD", ["EUR"] = "EUR", ["GBP"] = "GBP", ["JPY"] = "JPY", ["CNY"] = "CNY", ["RMB"] = "CNY", ["INR"] = "INR", ["Rs"] = "INR",
        ["Rs."] = "INR", ["RUB"] = "RUB", ["CHF"] = "CHF", ["AUD"] = "AUD", ["CAD"] = "CAD", ["PKR"] = "PKR", ["NGN"] = "NGN", ["ZAR"] = "ZAR",
        ["TRY"] = "TRY", ["SAR"] = "SAR", ["AED"] = "AED", ["ILS"] = "ILS", ["EGP"] = "EGP", ["KES"] = "KES", ["BRL"] = "BRL", ["MXN"] = "MXN",
    };

    // Words after the number (and its scale word).
    private static readonly Dictionary<string, string> CurrencyWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["dollar"] = "USD", ["dollars"] = "USD", ["euro"] = "EUR", ["euros"] = "EUR", ["pound"] = "GBP", ["pounds"] = "GBP", ["sterling"] = "GBP",
        ["yen"] = "JPY", ["yuan"] = "CNY", ["renminbi"] = "CNY", ["rupee"] = "INR", ["rupees"] = "INR", ["rouble"] = "RUB", ["roubles"] = "RUB",
        ["ruble"] = "RUB", ["rubles"] = "RUB", ["franc"] = "CHF", ["francs"] = "CHF", ["shekel"] = "ILS", ["shekels"] = "ILS", ["lira"] = "TRY",
        ["liras"] = "TRY", ["riyal"] = "SAR", ["riyals"] = "SAR", ["dirham"] = "AED", ["dirhams"] = "AED", ["naira"] = "NGN", ["pesos"] = "MXN",
        ["reais"] = "BRL", ["hryvnia"] = "UAH", ["hryvnias"] = "UAH", ["dinars"] = "IQD", ["rials"] = "IRR", ["ringgit"] = "MYR", ["baht"] = "THB",
    };

    // Adjectives that change which dollar or pound: "Australian dollars", "Egyptian pounds".
    private static readonly Dictionary<string, string> DollarAdjectives = new(StringComparer.Ordinal)
    {
        ["US"] = "USD", ["U.S."] = "USD", ["American"] = "USD", ["Australian"] = "AUD", ["Canadian"] = "CAD", ["Singapore"] = "SGD",
        ["Taiwan"] = "TWD", ["Zimbabwe"] = "ZWL", ["Zimbabwean"] = "ZWL", ["Egyptian"] = "EGP", ["Syrian"] = "SYP", ["Lebanese"] = "LBP",
        ["Sudanese"] = "SDG", ["Pakistani"] = "PKR", ["Indian"] = "INR", ["Iraqi"] = "IQD", ["Jordanian"] = "JOD", ["Kuwaiti"] = "KWD",
        ["Libyan"] = "LYD", ["Tunisian"] = "TND", ["Algerian"] = "DZD", ["Serbian"] = "RSD", ["Swiss"] = "CHF", ["Hong"] = "HKD",
    };

    private static decimal? ScaleOf(ReadOnlySpan<char> w) => w switch
    {
        "thousand" or "k" or "K" => 1_000m,
        "million" or "m" or "mn" or "M" or "mln" => 1_000_000m,
        "billion" or "bn" or "b" or "B" or "bln" => 1_000_000_000m,
        "trillion" or "tn" or "trn" or "T" => 1_000_000_000_000m,
        "lakh" => 100_000m,
        "crore" => 10_000_000m,
        _ => null,
    };

    /// <summary>Appends the money mentions of the document.</summary>
    public static void Find(Document doc, string by, List<EntityMention> into)
    {
        var toks = doc.Tokens;
        for (int i = 0; i < toks.Length; i++)
        {
            var w = doc.TokenText(i);
            string? cur = null;
            int start = toks[i].Start, numAt = -1;
            if (Symbols.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(w, out cur))
            {
                numAt = i + 1;
                if (cur == "USD" && i > 0 && !toks[i].Has(TokenFlags.SpaceBefore)
                    && DollarPrefixes.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(doc.TokenText(i - 1), out var pre))
                { cur = pre; start = toks[i - 1].Start; }
            }
            else if (toks[i].Kind == TokenKind.Word && CodesBefore.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(w, out cur))
                numAt = i + 1;
            else if (toks[i].Kind == TokenKind.Number)
            {
                // number [scale] currency-word
                if (!ParseNumber(doc.TokenText(i), out var v0, out var glued0)) continue;
                int k = i + 1;
                decimal scale = glued0;
                if (k < toks.Length && ScaleOf(doc.TokenText(k)) is { } s0) { scale *= s0; k++; }
                string? adj = null;
                if (k + 1 < toks.Length && DollarAdjectives.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(doc.TokenText(k), out var a0)) { adj = a0; k++; }
                if (k < toks.Length && CurrencyWords.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(doc.TokenText(k), out var cw))
                {
                    // "Australian dollars", "Egyptian pounds": the adjective names the currency of that name.
                    if (adj != null && (cw is "USD" or "GBP" || doc.TokenText(k).StartsWith("dinar") || doc.TokenText(k).StartsWith("franc"))) cw = adj;
                    into.Add(new EntityMention { Start = toks[i].Start, End = toks[k].End, Type = EntityType.MONEY, Value = Times(v0, scale), Currency = cw, By = by, Score = 0.9f });
                    i = k;
                }
                continue;
            }
            if (numAt < 0 || numAt >= toks.Length || toks[numAt].Kind != TokenKind.Number) continue;
            if (!ParseNumber(doc.TokenText(numAt), out var v, out var glued)) continue;
            int end = numAt;
            decimal sc = glued;
            if (end + 1 < toks.Length && ScaleOf(doc.TokenText(end + 1)) is { } s)
            { sc *= s; end++; }
            into.Add(new EntityMention { Start = start, End = toks[end].End, Type = EntityType.MONEY, Value = Times(v, sc), Currency = cur, By = by, Score = 0.95f });
            i = end;
        }
    }

    // "70,000" → 70000; "3.5m" → 3.5 with scale 1e6; "5bn" → 5 with 1e9. False for ordinals and dates ("8th", "2024-12-08").
    // An amount past what a decimal holds ("$92233720368547758082b", found by the fuzz harness) has no value; the mention
    // stays, since the text does name money.
    private static decimal? Times(decimal v, decimal scale) => scale != 0 && Math.Abs(v) > decimal.MaxValue / scale ? null : v * scale;

    private static bool ParseNumber(ReadOnlySpan<char> t, out decimal value, out decimal scale)
    {
        value = 0; scale = 1;
        int k = 0;
        Span<char> digits = stackalloc char[Math.Min(t.Length, 40)];
        int n = 0;
        bool dot = false;
        while (k < t.Length && n < digits.Length)
        {
            char c = t[k];
            if (char.IsAsciiDigit(c)) digits[n++] = c;
            else if (c == ',' ) { }
            else if (c == '.' && !dot) { dot = true; digits[n++] = '.'; }
            else break;
            k++;
        }
        if (n == 0) return false;
        if (k < t.Length)
        {
            if (ScaleOf(t[k..]) is { } s) scale = s;
            else return false;
        }
        return decimal.TryParse(digits[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }
}
