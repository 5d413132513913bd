using Dossier.Documents;

namespace Dossier.Tests.Actors;

public class ActorLinkerTests : ActorCaseBase
{
    public static TheoryData<ActorCase> Cases => new()
    {
        new("acronym in parentheses",
            "The Islamic Revolutionary Guard Corps (IRGC) fired missiles. Later the IRGC said the strikes were over.",
            "Islamic Revolutionary Guard Corps:ORG; IRGC:ORG#1",
            ["Islamic Revolutionary Guard Corps = IRGC", "same Islamic Revolutionary Guard Corps | IRGC#1", "count 1"]),
        new("acronym by initials with Arabic article",
            "Fighters loyal to al-Shabaab attacked the base. AS later claimed the attack.",
            "al-Shabaab:ORG; AS:ORG",
            ["al-Shabaab = AS"]),
        new("acronym by initials, unique candidate only",
            "The Syrian Democratic Forces took the town. The SDF said civilians had left.",
            "Syrian Democratic Forces:ORG; SDF:ORG",
            ["Syrian Democratic Forces = SDF", "Syrian Democratic Forces : ORG"]),
        new("acronym with two candidates stays apart",
            "The Democratic Party and the Development Programme met. The DP said nothing.",
            "Democratic Party:ORG; Development Programme:ORG; DP:ORG",
            ["apart Democratic Party | DP", "apart Development Programme | DP", "count 3"]),
        new("also known as",
            "Abu Bakr al-Baghdadi, also known as Ibrahim Awad al-Badri, led the group. Baghdadi was killed in 2019.",
            "Abu Bakr al-Baghdadi:PERSON; Ibrahim Awad al-Badri:PERSON; Baghdadi:PERSON#1",
            ["Abu Bakr al-Baghdadi = Ibrahim Awad al-Badri, Baghdadi", "count 1"]),
        new("nom de guerre",
            "Ahmed Hussein al-Shara, known by the nom de guerre Abu Mohammed al-Golani, addressed crowds. Golani promised elections.",
            "Ahmed Hussein al-Shara:PERSON; Abu Mohammed al-Golani:PERSON; Golani:PERSON#1",
            ["Ahmed Hussein al-Shara = Abu Mohammed al-Golani, Golani", "count 1"]),
        new("a.k.a.",
            "Joaquin Guzman, a.k.a. El Chapo, was extradited. Guzman denied the charges.",
            "Joaquin Guzman:PERSON; El Chapo:PERSON; Guzman:PERSON#1",
            ["Joaquin Guzman = El Chapo, Guzman", "count 1"]),
        new("whose real name is",
            "Carlos the Jackal, whose real name is Ilich Ramirez Sanchez, was jailed in France.",
            "Carlos the Jackal:PERSON; Ilich Ramirez Sanchez:PERSON; France:GPE",
            ["same Carlos the Jackal | Ilich Ramirez Sanchez", "count 2"]),
        new("a plain comma list does not join names",
            "Joe Biden, Emmanuel Macron and Olaf Scholz met in Berlin.",
            "Joe Biden:PERSON; Emmanuel Macron:PERSON; Olaf Scholz:PERSON; Berlin:GPE",
            ["apart Joe Biden | Emmanuel Macron", "apart Emmanuel Macron | Olaf Scholz"]),
        new("surname joins the unique full name",
            "Vladimir Putin met the governor. Later Putin's spokesman said Putin was satisfied.",
            "Vladimir Putin:PERSON; Putin:PERSON#1; Putin:PERSON#2",
            ["Vladimir Putin = Putin", "same Vladimir Putin | Putin#2", "count 1"]),
        new("shared surname stays apart",
            "Bashar al-Assad succeeded his father Hafez al-Assad in 2000. Assad said little.",
            "Bashar al-Assad:PERSON; Hafez al-Assad:PERSON; Assad:PERSON#2",
            ["apart Bashar al-Assad | Assad#2", "apart Hafez al-Assad | Assad#2", "Bashar al-Assad !~ Assad", "count 3"]),
        new("article spelling variants",
            "Ahmad al-Sharaa spoke. Al Sharaa then left, and al Sharaa's aides stayed.",
            "Ahmad al-Sharaa:PERSON; Al Sharaa:PERSON; al Sharaa:PERSON",
            ["Ahmad al-Sharaa = Al Sharaa", "count 1"]),
        new("slash pair of two names",
            "Abu Mohammad al-Jolani rose fast. The bounty on Jolani/Sharaa's head was dropped.",
            "Abu Mohammad al-Jolani:PERSON; Jolani:PERSON#1; Sharaa:PERSON",
            ["Abu Mohammad al-Jolani = Jolani, Sharaa", "count 1"]),
        new("family is a group, not the person",
            "Bashar al-Assad fled. The Assad family is in Moscow.",
            "Bashar al-Assad:PERSON; Assad:PERSON#1; Moscow:GPE",
            ["apart Bashar al-Assad | Assad#1", "Assad family : ORG"]),
        new("capital as agent and as place",
            "Beijing warned Washington on Tuesday. The summit was held in Beijing, and China agreed.",
            "Beijing:GPE; Washington:GPE; Beijing:GPE#1; China:GPE",
            ["China = Beijing", "United States = Washington", "metonym Beijing", "metonym Washington", "place Beijing#1",
             "apart Beijing | Beijing#1", "same Beijing | China"]),
        new("rulers in a capital and sanctions on it",
            "The new rulers in Kabul want aid, but Washington kept sanctions on Kabul. Refugees returned to Kabul.",
            "Kabul:GPE; Washington:GPE; Kabul:GPE#1; Kabul:GPE#2",
            ["Afghanistan = Kabul", "metonym Kabul", "metonym Kabul#1", "place Kabul#2", "apart Kabul | Kabul#2"]),
        new("diplomatic delegation to a capital goes to the government",
            "Washington dispatched a diplomatic delegation to Damascus. Fighting continued in Damascus.",
            "Washington:GPE; Damascus:GPE; Damascus:GPE#1",
            ["Syria = Damascus", "metonym Damascus", "place Damascus#1", "United States = Washington"]),
        new("a title taken for a name gives no surname alias",
            "The Industry Secretary said so.",
            "Industry Secretary:PERSON",
            ["Industry Secretary !~ Secretary"]),
        new("government named whole by the NER is the state",
            "The Syrian government rejected the plan, and the US administration said Syria must act.",
            "Syrian government:ORG; US administration:ORG; Syria:GPE",
            ["Syria = Syrian government", "United States = US administration", "count 2"]),
        new("apposition leader of an acronym organisation",
            "Hayat Tahrir al-Sham (HTS) grew. Abu Mohammed al-Golani, the leader of HTS, spoke.",
            "Hayat Tahrir al-Sham:ORG; HTS:ORG; Abu Mohammed al-Golani:PERSON; HTS:ORG#1",
            ["role Abu Mohammed al-Golani = Leader of Hayat Tahrir al-Sham"]),
        new("apposition with country possessive",
            "Sergei Shoigu, Russia's defence minister, arrived.",
            "Sergei Shoigu:PERSON; Russia:GPE",
            ["role Sergei Shoigu = Defence Minister of Russia"]),
        new("capital as possessive",
            "Moscow's position has not changed, a spokesman said.",
            "Moscow:GPE",
            ["Russia = Moscow", "metonym Moscow"]),
        new("country short forms resolve to one actor",
            "The U.S. and Britain signed. The United States and the United Kingdom will meet again in the UK.",
            "U.S.:GPE; Britain:GPE; United States:GPE; United Kingdom:GPE; UK:GPE",
            ["United States = U.S.", "United Kingdom = Britain, UK", "count 2", "code United States = USA", "code United Kingdom = GBR"]),
        new("demonym groups and adjectives",
            "The French government protested. French wine sales fell. The Germans said nothing.",
            "French:NORP; French:NORP#1; Germans:NORP",
            ["France = French", "Germany = Germans", "unlinked French#1"]),
        new("seats of power stay their own actor with the government code",
            "The White House said talks would go on. The Kremlin declined to comment.",
            "White House:ORG; Kremlin:ORG",
            ["White House : ORG", "code White House = USAGOV", "code Kremlin = RUSGOV", "count 2"]),
        new("title before the name with possessive country",
            "Russia's President Vladimir Putin met Turkey's President Recep Tayyip Erdogan.",
            "Russia:GPE; Vladimir Putin:PERSON; Turkey:GPE; Recep Tayyip Erdogan:PERSON",
            ["role Vladimir Putin = President of Russia", "role Recep Tayyip Erdogan = President of Turkey"]),
        new("demonym title and former",
            "Former British Prime Minister Boris Johnson visited Kyiv.",
            "British:NORP; Boris Johnson:PERSON; Kyiv:GPE",
            ["role Boris Johnson = Prime Minister of United Kingdom [former]"]),
        new("organisation before the title",
            "Hezbollah leader Hassan Nasrallah spoke on television.",
            "Hezbollah:ORG; Hassan Nasrallah:PERSON",
            ["role Hassan Nasrallah = Leader of Hezbollah"]),
        new("apposition with of",
            "Emmanuel Macron, the president of France, met Olaf Scholz, Germany's chancellor, in Paris.",
            "Emmanuel Macron:PERSON; France:GPE; Olaf Scholz:PERSON; Germany:GPE; Paris:GPE",
            ["role Emmanuel Macron = President of France", "role Olaf Scholz = Chancellor of Germany"]),
        new("title inside the entity",
            "On Monday, President Joe Biden told the United States Congress to act.",
            "President Joe Biden:PERSON; United States:GPE",
            ["Joe Biden", "role Joe Biden = President of United States"]),
        new("self-declared qualifier",
            "Libya's self-declared Prime Minister Abdul Hamid Dbeibah spoke.",
            "Libya:GPE; Abdul Hamid Dbeibah:PERSON",
            ["role Abdul Hamid Dbeibah = Prime Minister of Libya [self-declared]"]),
        new("minister without a stated country and two countries in view",
            "Russia and Iran met. Foreign Minister Ali Bagheri attended.",
            "Russia:GPE; Iran:GPE; Ali Bagheri:PERSON",
            ["role Ali Bagheri = Foreign Minister of -"]),
        new("dictionary resolves a bare surname near the date",
            "Lavrov said the talks were useful.",
            "Lavrov:PERSON",
            ["Sergey Lavrov = Lavrov", "code Sergey Lavrov = RUSGOV"]),
        new("no publication date, no dictionary guess",
            "Lavrov said the talks were useful.",
            "Lavrov:PERSON",
            ["Lavrov : PERSON", "count 1"], null),
        new("money stays unlinked",
            "Biden offered $10 million to Ukraine.",
            "Biden:PERSON; $10 million:MONEY; Ukraine:GPE",
            ["unlinked $10 million", "Ukraine"]),
    };

    [Theory, MemberData(nameof(Cases))]
    public void Case(ActorCase c) => Check(c);

    [Fact]
    public void SocialHandleJoinsTheAuthor()
    {
        var c = new ActorCase("handle", "Great day. pic.twitter.com/x — Jane Roe (@janeroe) May 1, 2024", "Jane Roe:PERSON", ["Jane Roe = @janeroe"]);
        Check(c, d => d.Posts.Add(new SocialPost
        {
            Start = 0, End = d.Text.Length, TextStart = 0, TextEnd = 10, AttributionStart = d.Text.IndexOf('—'), AttributionEnd = d.Text.Length,
            Handle = "@janeroe", AuthorName = "Jane Roe",
        }));
    }

    [Fact]
    public void SocialAuthorWithoutEntityStillGetsAnActor()
    {
        var c = new ActorCase("handle", "Great day. — Jane Roe (@janeroe) May 1, 2024", "", ["Jane Roe = @janeroe"]);
        Check(c, d => d.Posts.Add(new SocialPost
        {
            Start = 0, End = d.Text.Length, AttributionStart = d.Text.IndexOf('—'), AttributionEnd = d.Text.Length,
            Handle = "@janeroe", AuthorName = "Jane Roe",
        }));
    }

    [Fact]
    public void RerunIsIdempotent()
    {
        var c = new ActorCase("rerun", "Vladimir Putin spoke. Putin left.", "Vladimir Putin:PERSON; Putin:PERSON#1", []);
        var d = Run(c);
        string first = Dump(d);
        new Dossier.Actors.ActorLinker().Process(d);
        Assert.Equal(first, Dump(d));
    }
}
