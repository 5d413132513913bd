using Dossier.Documents;
using Dossier.Extraction.Entities;

namespace Dossier.Tests.Entities;

/// <summary>The document- and context-level evidence of the "ner" component (NameEvidence): lists of people, given
/// names before surnames, nouns that make a name an organisation, common words opening a sentence. Each text is ours;
/// "TYPE:surface" must be found, "-surface" must not be an entity of that exact span, "!TYPE:surface" not of that type.</summary>
public class NameEvidenceTests
{
    // The parse is part of the evidence (a noun is no verb; an apposition), as in the default pipeline.
    private static readonly Dossier.Pipeline.DocumentPipeline Pipeline = Dossier.Pipeline.DocumentPipeline.FromConfig("segment+syntax+ner");

    private static Document Run(string text)
    {
        var d = new Document(text);
        Pipeline.Process(d);
        return d;
    }

    public static TheoryData<string, string, string[]> Cases => new()
    {
        {
            "a list of companies tagged as one name is its companies; a department named with a list stays whole",
            "Manufacturing firms, including DaimlerChrysler, Siemens and Volkswagen, have been negotiating. "
            + "The Department for Culture, Media and Sport said no.",
            ["ORG:DaimlerChrysler", "ORG:Siemens", "ORG:Volkswagen", "-DaimlerChrysler, Siemens and Volkswagen",
             "ORG:Department for Culture, Media and Sport"]
        },
        {
            "a town after a result or a player's move is its club, and so are its other mentions; a country stays",
            "Mido scored twice on his debut against Portsmouth. He signed for Fulham last summer. Portsmouth fans were angry. "
            + "England beat France in the league match, and a win over Germany followed.",
            ["ORG:Portsmouth", "ORG:Fulham", "!ORG:France", "!ORG:Germany"]
        },
        {
            "a name typed as a place that no list knows and the article does not place is no place: a company by its shares, else nothing",
            "Zorvik said it would cut 500 jobs, and shares in Zorvik fell.\n\n"
            + "Hughes watched the match at Quillhampton with Brenshaw, and Brenshaw said he enjoyed it.",
            ["ORG:Zorvik", "!GPE:Zorvik", "-Quillhampton"]
        },
        {
            "an unknown place the article places stays a place: an apposition, a place noun, a known place after a comma",
            "Fighting spread to Kharzabad, a village near the border, and the Orvani tribal region was sealed off. "
            + "Police said Belmoor, Oxfordshire, was calm. Shops in Wantage and Lairg closed.",
            ["GPE:Kharzabad", "GPE:Orvani", "GPE:Oxfordshire", "GPE:Wantage"]
        },
        {
            "a name the article calls a settlement is a place, not one whose settlement noun describes a person",
            "Hibhib (Arabic: Hibhib Village) is a village in northern Iraq, located 8 km northwest of Baquba. Zarqawi was killed in Hibhib. "
            + "Police reached the village of Tal Marak on Friday, and Tal Marak residents fled. The Amirli district was cut off.\n\n"
            + "Sam Ward, a town councillor, said the plan was wrong.",
            ["GPE:Hibhib", "GPE:Hibhib Village", "GPE:Tal Marak", "GPE:Amirli", "PERSON:Sam Ward"]
        },
        {
            "a nation's people without a state in the country list is a group; a listed executive stays whole",
            "Welsh patients waited longer. The Scottish Executive said Scots would not pay, and Maori leaders agreed.",
            ["NORP:Welsh", "ORG:Scottish Executive", "NORP:Scots", "NORP:Maori"]
        },
        {
            "a name set off by commas after a titled phrase is the holder; an other name given with 'also known as' gives its type",
            "The session was attended by the Executive Secretary of the Intergovernmental Authority on Development (IGAD), Hawa Abdi Farah. "
            + "Fighters loyal to Seydou Kané, also known as \"Abou Hamza\", attacked an army post near Ménaka.",
            ["PERSON:Hawa Abdi Farah", "PERSON:Seydou Kané", "PERSON:Abou Hamza", "!GPE:Seydou Kané"]
        },
        {
            "an organisation cut at 'in' before a place and its bracketed acronym is the whole name",
            "The European Union Mission in Armenia (EUMA), which patrols the frontier, said it had recorded no incidents.",
            ["ORG:European Union Mission in Armenia", "-European Union Mission"]
        },
        {
            "no name ends with 'and', 'of' or 'for'; a title's holder cut free is a person",
            "Boeing sacked Michael Sears last year. Boeing sacked Mr Sears and Ms Druyun in November after the inquiry, "
            + "and the University of California and Dan Gillmor agreed.",
            ["!ORG:Mr Sears and", "-Mr Sears and", "ORG:University of California", "-University of California and"]
        },
        {
            "names listed after a plural noun of works and 'such as' are works; a writer before a lower-case noun is not",
            "Last year's festival provided a platform for hits such as Open Water, Napoleon Dynamite, Garden State and Super-Size Me. "
            + "Other hits include Street Life and the 1981 John Lennon cover, Jealous Guy.",
            ["WORK_OF_ART:Open Water", "WORK_OF_ART:Napoleon Dynamite", "WORK_OF_ART:Garden State", "!WORK_OF_ART:John Lennon"]
        },
        {
            "an ordinal opening a natural feature's name is part of it",
            "The coast guard protested the use of water cannon near Second Thomas Shoal on Sunday.",
            ["LOC:Second Thomas Shoal", "-Thomas Shoal"]
        },
        {
            "outside a sports report a result word before a town leaves it a town",
            "Russian forces launched a new offensive against Kharkiv on Friday, officials said.",
            ["GPE:Kharkiv"]
        },
        {
            "a club's letters before its town make it the club",
            "Kaka scored for AC Milan on Sunday. Mido then played for his club AS Roma, and AJ Venter watched.",
            ["ORG:AC Milan", "ORG:AS Roma", "!ORG:AJ Venter"]
        },
        {
            "awards are works and their ceremonies events, whatever the tagger made of them",
            "Hilary Swank won an Oscar for the role. The Oscars will be held in Los Angeles, and the Academy Awards are watched worldwide.",
            ["WORK_OF_ART:Oscar", "EVENT:Oscars", "EVENT:Academy Awards", "PERSON:Hilary Swank"]
        },
        {
            "a title word opening an organisation's or an event's name is no title",
            "Fiat will buy engines from General Motors. The Conservatives would win the General Election, they said.",
            ["ORG:General Motors", "EVENT:General Election", "-Motors", "-Election"]
        },
        {
            "an initial and a surname is how a team sheet names a person",
            "Leinster beat Ulster on Friday. Leinster: G Easterby; S Horgan, L Cullen. The X Files star watched.",
            ["PERSON:G Easterby", "PERSON:S Horgan", "PERSON:L Cullen", "!PERSON:X Files"]
        },
        {
            "a word describing the person is no part of the name",
            "Flanker Jason White was injured on Saturday. Treasurer Peter Costello said rates would hold. Lib Dem Norman Baker "
            + "accused ministers of delay.",
            ["PERSON:Jason White", "-Flanker Jason White", "PERSON:Peter Costello", "-Treasurer Peter Costello", "PERSON:Norman Baker",
             "-Lib Dem Norman Baker"]
        },
        {
            "a possessive ends the owner's name: the club, person or film after it is another name",
            "Arsenal's Thierry Henry scored twice. The gallery sold Roy Lichtenstein's Blue Nude for a record price. "
            + "Mr Brown's Budget was criticised.",
            ["PERSON:Thierry Henry", "-Arsenal's Thierry Henry", "PERSON:Roy Lichtenstein", "-Roy Lichtenstein's Blue Nude",
             "!PERSON:Blue Nude", "PERSON:Brown", "-Brown's Budget"]
        },
        {
            "a possessive inside an organisation's or place's name ends its owner: a place's company, a body's committee",
            "Shares in the UK's Royal Bank of Scotland rose, while India's Bombay Stock Exchange fell. The Bank of England's "
            + "Monetary Policy Committee kept rates on hold, Iraq's Oil Ministry said nothing and Iran’s Foreign Ministry objected.",
            ["GPE:UK", "ORG:Royal Bank of Scotland", "GPE:India", "ORG:Bombay Stock Exchange", "ORG:Bank of England",
             "ORG:Monetary Policy Committee", "ORG:Oil Ministry", "ORG:Foreign Ministry", "-'s Oil Ministry", "-’s Foreign Ministry",
             "-India's Bombay Stock Exchange", "-UK's Royal Bank of Scotland"]
        },
        {
            "a one-word name with a company's shares or officers is the company, in all its mentions",
            "Kelvaro said sales rose in the last quarter. Kelvaro shares fell 3% in early trading, and Kelvaro chairman Brian "
            + "Finn said more jobs would go. Analysts at Tressida expect more cuts, Tressida said.",
            ["ORG:Kelvaro", "!PERSON:Kelvaro", "ORG:Tressida", "!PERSON:Tressida", "PERSON:Brian Finn"]
        },
        {
            "a verb or a title keeps a person",
            "Mr Hollis said the plan would fail. Hollis shares the view of the union, and Hollis told reporters so.",
            ["PERSON:Hollis", "!ORG:Hollis"]
        },
        {
            "a long listed name wins over the model's pieces; an organisation of something and a common word is one",
            "Fighters of the Islamic State of Iraq and the Levant attacked the town. The Academy of Motion Picture Arts and "
            + "Sciences met on Tuesday, and the campaign against Da’esh went on.",
            ["ORG:Islamic State of Iraq and the Levant", "-Levant", "ORG:Academy of Motion Picture Arts and Sciences", "-Sciences",
             "ORG:Da’esh"]
        },
        {
            "an organisation of a place and a second organisation are two",
            "The Bank of England and Barclays said rates would rise. The Ministry of Defence and Treasury officials met.",
            ["ORG:Bank of England", "ORG:Barclays"]
        },
        {
            "the words finishing a title after 'of' name nobody; a surname there is still a person",
            "Julie Bishop met the Minister of Foreign Affairs of Iraq in Canberra. Secretary of State Rice arrived later.",
            ["-Affairs", "-Foreign Affairs", "GPE:Iraq", "PERSON:Rice"]
        },
        {
            "a name given to both sexes is a given name; a firm's noun before one keeps the firm",
            "Double Olympic champion Kelly Holmes and Charlie Hodgson were honoured. The mortgage firm Freddie Mac restated its "
            + "earnings, and property firm Quinlan Private bought the hotel. Tory Liam Fox said so.",
            ["PERSON:Kelly Holmes", "PERSON:Charlie Hodgson", "ORG:Freddie Mac", "ORG:Quinlan Private", "PERSON:Liam Fox", "-Tory Liam Fox"]
        },
        {
            "the words of a longer title stay out of the organisation before it; a particle after a title opens the surname",
            "The talks will be led by the UN Special Envoy de Mistura in Geneva. NATO Secretary-General de Hoop Scheffer spoke.",
            ["ORG:UN", "-UN Special", "PERSON:de Mistura", "PERSON:de Hoop Scheffer", "ORG:NATO"]
        },
        {
            "listed products are products, not the companies that make them",
            "Sony said PlayStation sales rose while Microsoft cut the price of the Xbox. Windows XP users can download Firefox.",
            ["ORG:Sony", "PRODUCT:PlayStation", "ORG:Microsoft", "PRODUCT:Xbox", "PRODUCT:Windows XP", "PRODUCT:Firefox"]
        },
        {
            "titles of films are works: a year in brackets, a performance in one, common words in an article about films",
            "The 47-year-old actor, whose credits include an Oscar-winning performance in My Left Foot, will be honoured at the "
            + "festival. The documentary A Different Story will be screened, and the film's director told Screen Daily the cast was happy.",
            ["WORK_OF_ART:My Left Foot", "WORK_OF_ART:Different Story", "!WORK_OF_ART:Screen Daily"]
        },
        {
            "a group named with common words in an article about a film stays a group",
            "The film portrays the final days of a member of the White Rose movement. The director said the film festival loved it, "
            + "and the actress thanked the cast. Members of the White Rose resistance group were arrested in 1943.",
            ["!WORK_OF_ART:White Rose"]
        },
        {
            "a double-barrelled surname is the person's; an organisation or a description run over a person are apart",
            "Actor Daniel Day-Lewis is to be honoured. Party sources told the BBC Michael Howard had always backed the cards, "
            + "and MEP Nigel Farage disagreed. The anti-Nazi film was praised.",
            ["PERSON:Daniel Day-Lewis", "ORG:BBC", "PERSON:Michael Howard", "PERSON:Nigel Farage", "-MEP Nigel Farage",
             "-BBC Michael Howard", "!GPE:Nazi"]
        },
        {
            "a company's performance in a region is no film",
            "Nestle said sales were helped by a strong performance in the Americas and China.",
            ["!WORK_OF_ART:Americas"]
        },
        {
            "an owner that is no name of its own leaves the name whole",
            "The People's Choice Awards were held in Los Angeles. She starred in Ocean's Eleven and went to Sadler's Wells.",
            ["-People", "-Ocean", "-Sadler"]
        },
        {
            "a line-up of surnames is a list of people, named players of the report among them",
            "Gareth Morton kicked a penalty and Calum MacRae scored before Mark Blair was sin-binned.\n\n"
            + "Morton, Moffat, MacRae, Hore, Warnock, Moore, Thomson, Ford, Douglas, Blair, Stewart, Frost.",
            ["PERSON:Moore", "PERSON:Thomson", "PERSON:Frost", "PERSON:Stewart", "!GPE:Moore"]
        },
        {
            "a substitution in a line-up is a player",
            "Didier Drogba and Mateja Kezman scored.\n\nCech, Ferreira, Carvalho, Terry, Gallas (Kezman 74), Lampard, Drogba, Duff.",
            ["PERSON:Kezman", "PERSON:Gallas", "PERSON:Duff"]
        },
        {
            "a list of companies is no list of people",
            "Car makers including BMW, General Motors, Toyota and Volkswagen reported higher sales.",
            ["!PERSON:BMW", "!PERSON:Toyota"]
        },
        {
            "a town among people in a list stays a town",
            "Moazzam Begg, from Birmingham, and Martin Mubanga, Richard Belmar and Feroz Abbasi, from London, were freed.",
            ["GPE:Birmingham", "PERSON:Martin Mubanga", "GPE:London"]
        },
        {
            "a noun such as firm or giant makes the next name an organisation",
            "In a monthly report anti-virus firm Sophos said two e-mails were fake. Oil giant Shell cut its reserves again.",
            ["ORG:Sophos", "ORG:Shell"]
        },
        {
            "the other mentions of that organisation follow it",
            "Australian airline Qantas raised fares. Qantas said fuel cost more, and Qantas shares fell.",
            ["!PERSON:Qantas", "!GPE:Qantas"]
        },
        {
            "a given name after such a noun is a person's role",
            "Documentary maker Michael Cockerell filmed the minister for a year.",
            ["PERSON:Michael Cockerell"]
        },
        {
            "a noun such as musical or album makes the title a work",
            "The producer who wrote the award-winning musical Spend Spend Spend is back. Their latest album, Absolution, sold well.",
            ["WORK_OF_ART:Spend Spend Spend", "WORK_OF_ART:Absolution"]
        },
        {
            "after a plural noun the coordinated names share the kind",
            "The group bought two cosmetics brands, Hard Candy and Urban Decay, in 2003.",
            ["PRODUCT:Hard Candy", "PRODUCT:Urban Decay"]
        },
        {
            "the same noun used as a verb makes nothing",
            "The director persuaded DiCaprio to play Howard Hughes in the film.",
            ["PERSON:Howard Hughes"]
        },
        {
            "a comma after the noun starts a clause, not a title, unless the title stands apart",
            "The Producers was named best musical, Victoria Hamilton was best actress.",
            ["!WORK_OF_ART:Victoria Hamilton"]
        },
        {
            "a town before a noun such as boss or defender is its club, wherever the article names it",
            "Bolton boss Sam Allardyce has signed a Roma defender. \"I have signed a contract with Bolton,\" he said.",
            ["ORG:Bolton", "ORG:Roma", "!GPE:Bolton"]
        },
        {
            "a place before champion is a tournament",
            "She will face fellow former Wimbledon champion Conchita Martinez on Friday.",
            ["EVENT:Wimbledon"]
        },
        {
            "a country before such a noun stays the country",
            "England captain Michael Vaughan said England would bat first.",
            ["GPE:England"]
        },
        {
            "an organisation's name is whole across and, of, for and on",
            "The firm faces a Securities and Exchange Commission inquiry. The Transport and General Workers Union agreed. "
            + "The chairman of the Police Federation of England and Wales spoke. A report by the Committee for a Responsible "
            + "Federal Budget came out, and the Intergovernmental Authority on Development met.",
            ["ORG:Securities and Exchange Commission", "ORG:Transport and General Workers Union", "ORG:Police Federation of England and Wales",
             "ORG:Committee for a Responsible Federal Budget", "ORG:Intergovernmental Authority on Development"]
        },
        {
            "two organisations joined by and stay two",
            "Deposits moved between Citizens Bank and Canal Bank, and between Continental and American Airlines.",
            ["!ORG:Citizens Bank and Canal Bank", "!ORG:Continental and American Airlines"]
        },
        {
            "a company described by its country keeps its own name",
            "LG Electronics of South Korea sold more phones. LG Electronics said demand rose.",
            ["ORG:LG Electronics", "GPE:South Korea"]
        },
        {
            "a title right after a work noun may look like a name, and the article's other mentions follow it",
            "Mike Leigh's abortion drama Vera Drake won three awards. Critics praised Vera Drake for its restraint.",
            ["WORK_OF_ART:Vera Drake", "!PERSON:Vera Drake"]
        },
        {
            "a name before 'ceremony' or 'awards' is the event, an organisation's name is not",
            "The clash with last Sunday's Golden Globes ceremony kept stars away. He won at the Screen Actors Guild awards.",
            ["EVENT:Golden Globes", "!EVENT:Screen Actors Guild"]
        },
        {
            "a technology, format or disease acronym is no organisation",
            "Sales of DVD players and PCs rose, while the HIV programme at the WHO was cut. BT sells ADSL lines.",
            ["-DVD", "-PCs", "-HIV", "ORG:WHO", "ORG:BT", "-ADSL"]
        },
        {
            "a common word opening a sentence is no name",
            "Colleagues said that the chairman was proud of his humble beginnings.",
            ["-Colleagues"]
        },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Case(string label, string text, string[] expect)
    {
        var d = Run(text);
        var found = d.Entities.Select(e => (Type: e.Type.ToString(), Text: d.Slice(e.Start, e.End))).ToList();
        string all = string.Join("; ", found.Select(f => $"{f.Type}:{f.Text}"));
        foreach (var x in expect)
        {
            if (x.StartsWith('-')) Assert.False(found.Any(f => f.Text == x[1..]), $"{label}: '{x[1..]}' should be no entity; got {all}");
            else if (x.StartsWith('!'))
            {
                var (type, text2) = (x[1..x.IndexOf(':')], x[(x.IndexOf(':') + 1)..]);
                Assert.False(found.Any(f => f.Type == type && f.Text == text2), $"{label}: '{text2}' should not be {type}; got {all}");
            }
            else Assert.True(found.Any(f => $"{f.Type}:{f.Text}" == x), $"{label}: expected {x}; got {all}");
        }
    }
}
