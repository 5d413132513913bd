namespace Dossier;

// Messages of manual actor decisions (DSR430-DSR439).
public static partial class Errors
{
    public static DossierError AlreadySplit(string alias, string id, string name, string into) =>
        new("DSR430", $"'{alias}' was already split off {id} {name} (it is {into}); nothing to do");
}
