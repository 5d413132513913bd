using Dossier.Text;

namespace Dossier.Tests.Text;

public sealed class CsvTests
{
    private static List<CsvRow> Read(string s) => Csv.Read(new StringReader(s)).ToList();

    [Fact]
    public void QuotedFieldsHoldCommasQuotesAndLineBreaks()
    {
        var rows = Read("\uFEFFa,\"b, c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x\r\n\r\nlast,row");
        Assert.Equal(3, rows.Count);
        Assert.Equal(["a", "b, c", "say \"hi\""], rows[0].Fields!);
        Assert.Equal(["two\nlines", "x"], rows[1].Fields!);
        Assert.Equal(2, rows[1].Line);
        Assert.Equal(5, rows[2].Line);
        Assert.Equal(["last", "row"], rows[2].Fields!);
    }

    [Fact]
    public void EmptyFieldsAreKept()
    {
        Assert.Equal(["", "b", ""], Read("\"\",b,\n")[0].Fields!);
    }

    [Fact]
    public void AnUnclosedQuoteStopsReadingWithAnError()
    {
        var rows = Read("a,b\n\"c,d\ne,f\n");
        Assert.Equal(2, rows.Count);
        Assert.Equal("DSR117", rows[1].Error!.Value.Code);
    }

    [Fact]
    public void BinaryRecordsAreReportedAndSkipped()
    {
        var rows = Read("a\0,b\nc,d\n");
        Assert.Equal("DSR118", rows[0].Error!.Value.Code);
        Assert.Equal(["c", "d"], rows[1].Fields!);
    }

    [Fact]
    public void FieldsAreQuotedOnlyWhenNeeded()
    {
        Assert.Equal("plain", Csv.Field("plain"));
        Assert.Equal("\"a, b\"", Csv.Field("a, b"));
        Assert.Equal("\"say \"\"x\"\"\"", Csv.Field("say \"x\""));
    }
}
