using Dossier.Extraction.Events;

namespace Dossier.Tests.Events;

/// <summary>
/// Who acts on whom is read from the dependency tree (version 1.1): real news sentences, several of them the cases issue 13
/// lists as miscoded by the word-window coder. Renderings are "Source>Target:CAMEO-prefix [flags]", as in
/// <see cref="EventCoderTests"/>; "-" is an empty side.
/// </summary>
public class EventParseTests
{
    private static readonly EventCoder Coder = new();

    private static List<string> Code(string text, string[] entities)
    {
        var d = EventTestDocs.Build(text, entities);
        Coder.Process(d);
        return d.Events.Select(e => EventTestDocs.Render(d, e)).ToList();
    }

    public static TheoryData<string, string[], string> Coded => new()
    {
        // Passive: the by-phrase is the source, the passive subject the target (the 1.0 coder read it the other way).
        { "Netanyahu was criticized by the Obama administration for the settlement plan.",
          ["Netanyahu|PERSON|Netanyahu#ISRGOV", "Obama|PERSON|Obama#USAGOV"], "Obama>Netanyahu:11" },
        { "Two Ukrainian soldiers were killed by Russian forces near Bakhmut.",
          ["Ukrainian|NORP|Ukraine", "Russian|NORP|Russia", "Bakhmut|GPE|Bakhmut"], "Russia>Ukraine:19" },
        // Relative clause: the pronoun stands for the noun the clause hangs on.
        { "Hezbollah, which attacked Israel in October, denied the report.",
          ["Hezbollah|ORG|Hezbollah#LBNREB", "Israel|GPE|Israel"], "Hezbollah>Israel:19" },
        // Coordinated verbs share the first one's subject, and an object after both belongs to both.
        { "Russia attacked and occupied Crimea.", ["Russia|GPE|Russia", "Crimea|GPE|Crimea"], "Russia>Crimea:19" },
        { "Russia invaded Ukraine and annexed Crimea.", ["Russia|GPE|Russia", "Ukraine|GPE|Ukraine", "Crimea|GPE|Crimea"], "Russia>Crimea:17" },
        // Reported speech: the attacker is the subject of "attacked", not the one who says so.
        { "Russia said Ukraine attacked Russian border posts overnight.",
          ["Russia|GPE|Russia", "Ukraine|GPE|Ukraine", "Russian|NORP|Russia"], "Ukraine>Russia:19 ?reported" },
        // An infinitive takes the subject of the verb that governs it.
        { "China threatened to impose sanctions on Japan.", ["China|GPE|China", "Japan|GPE|Japan"], "China>Japan:1312" },
        // A verb the parser hung on its subject as a participle ("SAF blamed" read like "the SAF, blamed …") still has
        // that subject: a participle with an object of its own is active.
        { "The Sudanese Armed Forces (SAF) blamed the Rapid Support Forces (RSF) for the attack.",
          ["Sudanese Armed Forces|ORG|SAF#SDNMIL", "Rapid Support Forces|ORG|RSF"], "SAF>RSF:112" },
        // A description stands for the actor that modifies it: "the new rulers in Damascus" are Syria's.
        { "The new rulers in Damascus are demanding that Moscow hand over Assad.",
          ["Damascus|GPE|Syria", "Moscow|GPE|Russia", "Assad|PERSON|Assad"], "Syria>Russia:10" },
        // "it" in what someone said is the one who said it; the owner of what is welcomed is the target.
        { "A statement from the foreign ministry said Somalia would not accept the arrangement but welcomed Kenya's mediation.",
          ["Somalia|GPE|Somalia", "Kenya|GPE|Kenya"], "Somalia>Kenya:05 ?reported" },
        // A hyphenated participle made the head of the name it modifies: the name is the subject.
        { "The Russians have been packing up ever since al-Qaeda-linked Hayat Tahrir al-Sham (HTS) stormed Damascus.",
          ["Russians|NORP|Russia", "Hayat Tahrir al-Sham|ORG|HTS", "HTS|ORG|HTS", "Damascus|GPE|Syria"], "HTS>Syria:19" },
        // A preposition and its noun inverted by the parser ("to" as the oblique, "Syria" its object): still the target.
        { "Russia's President Vladimir Putin has spoken to Syria's self-declared President Ahmad al-Sharaa.",
          ["Russia|GPE|Russia", "Vladimir Putin|PERSON|Putin", "Syria|GPE|Syria", "Ahmad al-Sharaa|PERSON|Sharaa"], "Putin>Syria:04" },
        // An -ing clause opened by a preposition and hung on the object is the verb's adverbial: its subject acts.
        { "Russia had for years assisted the Syrian Army in bombarding HTS-held Idlib province.",
          ["Russia|GPE|Russia", "Syrian Army|ORG|Syrian Army", "HTS|ORG|HTS", "Idlib|GPE|Idlib"], "Russia>Idlib:19" },
        // A statement verb that takes an object, an infinitive or an oblique acts; one with a particle is another verb;
        // a warning that a named actor will act is a threat.
        { "Serbia and Croatia agreed to a ceasefire after two days of fighting.", ["Serbia|GPE|Serbia", "Croatia|GPE|Croatia"], "Serbia+Croatia>-:03" },
        { "The FDD insisted on an apology from Kenya.", ["FDD|ORG|FDD", "Kenya|GPE|Kenya"], "FDD>Kenya:10" },
        { "Britain has pledged to write off Zambia's debts.", ["Britain|GPE|United Kingdom", "Zambia|GPE|Zambia"], "United Kingdom>Zambia:033" },
        // An appeal is made of the one "from" whom help is sought.
        { "Chowdhury said Bangladesh would also seek support from the Asian Development Bank at a donor conference next week.",
          ["Bangladesh|GPE|Bangladesh", "Asian Development Bank|ORG|ADB"], "Bangladesh>ADB:02 ?reported" },
        // Material acts with a literal cue (events 1.3): a verb of bodily act, a state against a state, armed people.
        { "Azerbaijan shelled Armenia's border villages on Tuesday.",
          ["Azerbaijan|GPE|Azerbaijan", "Armenia|GPE|Armenia"], "Azerbaijan>Armenia:19" },
        { "Eritrea attacked Ethiopia in May.", ["Eritrea|GPE|Eritrea", "Ethiopia|GPE|Ethiopia"], "Eritrea>Ethiopia:19" },
        { "Nigerian troops attacked Boko Haram camps in the forest.", ["Nigerian|NORP|Nigeria", "Boko Haram|ORG|Boko Haram"], "Nigeria>Boko Haram:19" },
        // A denied act is coded as not done.
        { "Pakistan denied attacking India across the line of control.", ["Pakistan|GPE|Pakistan", "India|GPE|India"], "Pakistan>India:19 !neg" },
        // A refusal with no CAMEO refusal of its own is the act, not done.
        { "The premier declined to threaten Serbia with sanctions.", ["Serbia|GPE|Serbia", "premier|PERSON|Premier#ALBGOV"], "Premier>Serbia:13 !neg" },
        // A subject that denies ("Neither … nor anyone …") negates the act.
        { "Neither Canada nor anyone in its government has ever asked Peru for help.", ["Canada|GPE|Canada", "Peru|GPE|Peru"], "Canada>Peru:02 !neg" },
        // Avoiding an act withholds it.
        { "The premier avoided condemning Serbia's raid.", ["premier|PERSON|Premier#ALBGOV", "Serbia|GPE|Serbia"], "Premier>Serbia:11 !neg" },
    };

    [Theory, MemberData(nameof(Coded))]
    public void CodesWhoDidWhatToWhom(string text, string[] entities, string expected)
    {
        var got = Code(text, entities);
        Assert.True(got.Any(g => Matches(g, expected)), $"expected {expected}; got [{string.Join("; ", got)}]");
    }

    // Issue 14, events 1.4: kinds of error found on GSR records and held-out news, checked on sentences of our own.
    public static TheoryData<string, string[], string> Coded14 => new()
    {
        // A conflictual act promised is a threat (CAMEO 13x), not the act.
        { "The rebel leaders said they would boycott all official contact with the government of Chad.",
          ["rebel leaders|ORG|Front", "Chad|GPE|Chad"], "Front>Chad:131 ?reported" },
        // Signing an agreement (057) is done together: several sources and no target.
        { "Peru and Chile signed a peace treaty in Lima on Tuesday.", ["Peru|GPE|Peru", "Chile|GPE|Chile", "Lima|GPE|Peru"], "Peru+Chile>-:057" },
        { "Both Peru and Chile signed the peace treaty in Lima.", ["Peru|GPE|Peru", "Chile|GPE|Chile", "Lima|GPE|Peru"], "Peru+Chile>-:057" },
        // Whoever made the call or proposal rejected is the target.
        { "Norway on Friday rejected calls by the Arctic Council to suspend the whaling quota.",
          ["Norway|GPE|Norway", "Arctic Council|ORG|Arctic Council"], "Norway>Arctic Council:12" },
        // A rule laid on a place: the place is the target.
        { "Armenia lifted the night curfew in Gyumri on Sunday.", ["Armenia|GPE|Armenia", "Gyumri|GPE|Gyumri"], "Armenia>Gyumri:08" },
        // "assailed Ukraine for holding exercises": the object of the judging verb does what it is judged for.
        { "Last year Moldova assailed Ukraine for holding joint naval exercises with NATO.",
          ["Moldova|GPE|Moldova", "Ukraine|GPE|Ukraine", "NATO|ORG|NATO"], "Ukraine>NATO:06" },
        // A threat is made to whom its condition names; a warning of what may come is no threat to anyone.
        { "Moldova has threatened to stop the negotiations if Ukraine goes ahead with the new border posts.",
          ["Moldova|GPE|Moldova", "Ukraine|GPE|Ukraine"], "Moldova>Ukraine:13" },
        // A verb listed twice in the dictionary is coded by the listing with its own code: "beat" is 182, not 190.
        { "Border guards of Ruritania beat Zembian refugees at the crossing.",
          ["Ruritania|GPE|Ruritania", "Zembian refugees|NORP|Zembian refugees#ZEMREF"], "Ruritania>Zembian refugees:182" },
        // A braced dictionary phrase is needed whole, and a noun of violence that is as often words is no literal cue;
        // an armed source is.
        { "Hezbollah launched an attack against Israeli troops on Tuesday.",
          ["Hezbollah|ORG|Hezbollah#LBNREB", "Israeli|NORP|Israel"], "Hezbollah>Israel:19" },
        { "The European Community gave the Ivory Coast 5.1 million dollars of aid on Monday.",
          ["European Community|ORG|European Community#IGOEEC", "Ivory Coast|GPE|Ivory Coast"], "European Community>Ivory Coast:07" },
        // "X-led forces" are X's, whatever place follows.
        { "U.S.-led forces in Afghanistan say they killed 15 militants during an overnight operation.",
          ["U.S.|GPE|United States", "Afghanistan|GPE|Afghanistan"], "United States>-:19 ?reported" },
    };

    [Theory, MemberData(nameof(Coded14))]
    public void CodesTheKindsOfEvents14(string text, string[] entities, string expected) => CodesWhoDidWhatToWhom(text, entities, expected);

    public static TheoryData<string, string[], string> NotCoded14 => new()
    {
        // A reaction to an act is aimed at whoever did it, not at whom it befell.
        { "Iran condemned the bombing of the Danish embassy in Nairobi.", ["Iran|GPE|Iran", "Danish|NORP|Denmark", "Nairobi|GPE|Kenya"], "Iran>Denmark" },
        // A cooperative act on a measure is not done to whom the measure is on.
        { "The senator is supporting an indefinite ban on Yemeni refugees.", ["senator|PERSON|Kell#USALEG", "Yemeni refugees|NORP|Yemeni refugees#YEMREF"], "Kell>Yemeni" },
        // What is discussed is no counterpart.
        { "Kell went on to discuss his opposition to the resettlement of refugees in Canada.", ["Kell|PERSON|Kell#USALEG", "Canada|GPE|Canada"], "Kell>Canada" },
        // An open question and an act called for are not acts.
        { "The parliament of Norway called a debate on whether to ban Kell.", ["Norway|GPE|Norway", "Kell|PERSON|Kell#USALEG"], ">Kell:17" },
        { "Peru and Chile also called for developing the stagnant relations between the two countries.", ["Peru|GPE|Peru", "Chile|GPE|Chile"], ":05" },
        // A condition is not an act.
        { "The Gulf states are powerless if Kell decides the supply route to the rebels in Syria must be closed.", ["Kell|PERSON|Kell#TURGOV", "Syria|GPE|Syria"], "Kell>Syria" },
        // Words, not arms; the subject alone does not choose a pattern of another verb; efforts are not acts.
        { "Kell launched an attack against Obama on Tuesday.", ["Kell|PERSON|Kell#USALEG", "Obama|PERSON|Obama#USAGOV"], ":19" },
        { "The Army continues to investigate the deaths of the prisoners.", ["Army|ORG|Army#USAMIL"], ":19" },
        { "Officials in Ottawa said they would increase their efforts at home.", ["Ottawa|GPE|Canada"], ":15" },
        { "Peres warned of a world arms race if Iran builds a nuclear weapon.", ["Peres|PERSON|Peres#ISRGOV", "Iran|GPE|Iran"], "Peres>Iran" },
        // Several sources that acted each on its own did not act with each other.
        { "Peru and Chile have both signed the treaty banning nuclear tests.", ["Peru|GPE|Peru", "Chile|GPE|Chile"], ":057" },
        // A place is not the armed men in it, nor is the one who reports the fighting the one who fights.
        { "Insurgents in Iraq killed at least nine people in attacks on Sunday.", ["Iraq|GPE|Iraq"], "Iraq>" },
        { "The U.S. military in Afghanistan says fighting in two provinces has left four militants dead.",
          ["U.S.|GPE|United States", "Afghanistan|GPE|Afghanistan"], "United States>" },
    };

    [Theory, MemberData(nameof(NotCoded14))]
    public void DoesNotCodeTheKindsOfErrors14(string text, string[] entities, string forbidden) => DoesNotCodeWhatTheTreeRulesOut(text, entities, forbidden);

    public static TheoryData<string, string[], string> NotCoded => new()
    {
        // Figurative and everyday uses of attack and seizure verbs (issue 13): the object is a thing, and the verb's
        // dictionary default (190, 171 …) means acting on an actor.
        { "Netanyahu broke a lot of crockery with his speech to Congress, one diplomat said.",
          ["Netanyahu|PERSON|Netanyahu", "Congress|ORG|Congress"], ":" },
        { "\"I took the kids to Walmart,\" she said.", ["Walmart|ORG|Walmart"], ":17" },
        { "The European Central Bank says it has a toolbox to combat downturns.", ["European Central Bank|ORG|ECB"], ":19" },
        { "Protesters gathered outside the heavily guarded parliament in Tbilisi.", ["Tbilisi|GPE|Georgia"], ":07" },
        // "play down" is not "hunt down": a particle belongs to its own verb.
        { "Netanyahu will seek to play down the friction with Washington during his visit.",
          ["Netanyahu|PERSON|Netanyahu", "Washington|GPE|United States"], ":17" },
        // The inverted passive of version 1.0.
        { "Netanyahu was criticized by the Obama administration for the settlement plan.",
          ["Netanyahu|PERSON|Netanyahu", "Obama|PERSON|Obama"], "Netanyahu>" },
        // The one who reports is not the attacker.
        { "Russia said Ukraine attacked Russian border posts overnight.",
          ["Russia|GPE|Russia", "Ukraine|GPE|Ukraine", "Russian|NORP|Russia"], "Russia>Ukraine" },
        // A thing that breaks out is no actor, and the sentence's first actor did not do it (the demo's "Kenya → ? 190").
        { "Kenya hosted talks between Ethiopia and Somalia in Nairobi on Thursday, the first direct meeting between the two "
          + "governments since a dispute over sea access broke out last year.",
          ["Kenya|GPE|Kenya", "Ethiopia|GPE|Ethiopia", "Somalia|GPE|Somalia", "Nairobi|GPE|Kenya"], ":19" },
        // A place behind "around" is where, not whom.
        { "The chairperson of the African Union Commission demanded an immediate ceasefire around El Fasher.",
          ["African Union Commission|ORG|AUC", "El Fasher|GPE|El Fasher"], ">El Fasher" },
        // Saying, arguing, thinking and wanting are statements, left to quotes and claims (issue 14's judged sample: a
        // quarter of its wrong events). Our own sentences, in the shapes the sample showed.
        { "The Bundesbank warned that the budget deficit posed a growing risk to the recovery.", ["Bundesbank|ORG|Bundesbank"], ":" },
        { "Labour claimed the Conservatives would cut public services after the election.",
          ["Labour|ORG|Labour", "Conservatives|ORG|Conservatives"], ":" },
        { "The Treasury argued that the European Commission had misread the figures.",
          ["Treasury|ORG|Treasury", "European Commission|ORG|European Commission"], ":" },
        { "We will need to study the ruling of the Supreme Court very carefully, the prime minister said.",
          ["Supreme Court|ORG|Supreme Court"], ":" },
        { "The chancellor insisted that Germany had kept to the rules.", ["Germany|GPE|Germany"], ":" },
        // What she warns of is not whom she threatens.
        { "In Moscow, Russian foreign ministry spokeswoman Yelena Markova condemned the measures and warned that Russia would respond.",
          ["Moscow|GPE|Russia", "Yelena Markova|PERSON|Markova", "Russia|GPE|Russia|1"], ">Russia:13" },
        // An owner of a thing does not act through it: the newspapers claimed, not Russia.
        { "Russia's newspapers claimed that Baikal was a front for Gazprom.",
          ["Russia|GPE|Russia", "Baikal|ORG|Baikal", "Gazprom|ORG|Gazprom"], "Russia>" },
        // A verb has one direct object: a name after the relative clause ("…, met Erdogan", with "met" read as a modifier)
        // is not a second place visited. (The meeting itself is lost with that parse.)
        { "The Syrian foreign minister, who visited Ankara in March, met Erdogan.",
          ["Syrian|NORP|Syria", "Ankara|GPE|Turkey", "Erdogan|PERSON|Erdogan"], "Erdogan:042" },
        // A campaign that takes place seizes nothing.
        { "It is thought that Mr Jacobsen's hacking campaign took place over at least seven months.",
          ["Jacobsen|PERSON|Jacobsen"], ":" },
        // Across a semicolon the parser's control and coordination are not trusted: Russia sent the team.
        { "The Ukrainian delegation was led by Deputy Infrastructure Minister Oksana Hrytsenko; Russia sent a team from its defence ministry.",
          ["Ukrainian|NORP|Ukraine", "Oksana Hrytsenko|PERSON|Hrytsenko", "Russia|GPE|Russia"], "Ukraine>-:03" },
        // "she" in what the envoy said is the envoy, who is not named as an actor here; not the last person named before.
        { "Fighters loyal to Seydou Kane attacked an army post. The United Nations envoy for West Africa urged restraint and said "
          + "she would travel to Bamako next month.",
          ["Seydou Kane|PERSON|Kane", "United Nations|ORG|UN", "Bamako|GPE|Mali"], "Kane>Mali" },
        // The same with the envoy named in apposition, which the parser reads as a list with "urged" hung on it: the tree
        // shows no one above "said", and "she" is still not the last person named before (data/samples, the demo, where the
        // entity tagger typed the envoy a place, as here, so no person stands between Kane and "she").
        { "Fighters loyal to Seydou Kane attacked an army post. The United Nations envoy for West Africa, Adaeze Okonkwo, urged "
          + "restraint and said she would travel to Bamako next month.",
          ["Seydou Kane|PERSON|Kane", "United Nations|ORG|UN", "Adaeze Okonkwo|GPE|Okonkwo", "Bamako|GPE|Mali"], "Kane>Mali" },
        // A complementizer the parser made a second object ("that" … "orders") does not displace the real object, a thing:
        // taking orders is no seizure (data/samples, the demo).
        { "Its spokesman, Colonel Ousmane Traoré Diallo, said in a statement read on state television that Bamako \"will not "
          + "take orders from Abuja.\"",
          ["Ousmane Traoré Diallo|PERSON|Diallo", "Bamako|GPE|Mali", "Abuja|GPE|Nigeria"], ":17" },
        // "it" is not a person: Mr Jobs is not the one who would appeal.
        { "Mr Jobs said it would appeal to people thinking of changing operating systems.", ["Jobs|PERSON|Jobs"], "Jobs>" },
        // Figures of material verbs in political prose (events 1.3): no literal cue, no event. Our own sentences, in the
        // shapes the judged samples showed.
        { "The minister will defend the party's record in the northern seats.", ["minister|PERSON|Minister#GBRGOV"], ":07" },
        { "The opposition leader attacked Mr Dalton's budget as reckless.",
          ["opposition leader|PERSON|Leader#GBROPP", "Dalton|PERSON|Dalton#GBRGOV"], ":19" },
        { "The senator vowed to seize on the report when the committee meets.", ["senator|PERSON|Senator#USALEG"], ":18" },
        { "Sweden clashed with Brussels over the fishing quotas.", ["Sweden|GPE|Sweden", "Brussels|GPE|Belgium"], ":19" },
        { "The governor's attacks on the senator were personal.",
          ["governor|PERSON|Governor#USAGOV", "senator|PERSON|Senator#USALEG"], ":19" },
        // What a request or plan asks for has not happened; the request is the event.
        { "Canada urged Norway and Iceland to lift the whaling ban.", ["Canada|GPE|Canada", "Norway|GPE|Norway", "Iceland|GPE|Iceland"], "Norway+Iceland>" },
        // A question put is a statement, not an appeal.
        { "Senator Ames asked the secretary whether Peru had been consulted.",
          ["Senator Ames|PERSON|Ames#USALEG", "secretary|PERSON|Secretary#USAGOV", "Peru|GPE|Peru"], ":02" },
        // Under a negated verb of saying, no one says the act happened.
        { "The minister did not say that Chile had cut its ties with Peru.", ["Chile|GPE|Chile", "Peru|GPE|Peru"], "Chile>Peru" },
        // Two people in view: "he" is left unresolved rather than given to the wrong one.
        { "Mr Varga criticised Mr Lund on Monday. He accused Norway of hiding the figures.",
          ["Varga|PERSON|Varga#HUNGOV", "Lund|PERSON|Lund#NORGOV", "Norway|GPE|Norway"], ">Norway:11" },
        // A trip at home, or its plan, is no visit: "heading to Denver for a campaign swing".
        { "Governor Hale is heading to Denver for a campaign swing.", ["Governor Hale|PERSON|Hale#USAGOV", "Denver|GPE|Denver#USA"], ":03" },
        // Attacks in words, even through a pattern's noun, are no assault.
        { "The opposition leader unleashed withering attacks on the premier in the debate.",
          ["opposition leader|PERSON|Leader#GBROPP", "premier|PERSON|Premier#GBRGOV"], ":19" },
        // A question put, with a wh-word too, is a statement.
        { "The moderator asked Senator Ames why Peru had been ignored.",
          ["Senator Ames|PERSON|Ames#USALEG", "Peru|GPE|Peru"], ":02" },
        // One person "holding a rally" campaigns; a protest is collective or against someone.
        { "Senator Hale will be holding a rally in Dayton on Friday.", ["Senator Hale|PERSON|Hale#USALEG", "Dayton|GPE|Dayton"], ":14" },
        // A person of no public role facing only a place is private.
        { "The singer apologised to Lisbon for the cancelled concert.", ["Lisbon|GPE|Portugal", "singer|PERSON|Mara Lind"], ":" },
        // A subject that is a thing ("the plans") is no source, and no other actor stands in for it.
        { "A spokesman for Commissioner Franco Frattini said the plans would contravene EU asylum policy.",
          ["Franco Frattini|PERSON|Frattini", "EU|ORG|EU"], ":" },
    };

    [Theory, MemberData(nameof(NotCoded))]
    public void DoesNotCodeWhatTheTreeRulesOut(string text, string[] entities, string forbidden)
    {
        var got = Code(text, entities);
        Assert.False(got.Any(g => g.Contains(forbidden, StringComparison.Ordinal)), $"none may contain '{forbidden}'; got [{string.Join("; ", got)}]");
    }

    [Fact]
    public void RefusesADocumentThatWasNotParsed()
    {
        var d = Dossier.Testing.DocBuilder.Segmented("Russia attacked Iran.");
        var e = Assert.Throws<DossierException>(() => Coder.Process(d));
        Assert.Equal("DSR202", e.Error.Code);
    }

    [Fact]
    public void DeclaresTheSyntaxLayer() => Assert.Contains(Dossier.Documents.Layers.Syntax, EventCoder.Component.Requires);

    // Actors and flags exactly, the CAMEO code by prefix.
    private static bool Matches(string got, string expected)
    {
        int g = got.IndexOf(':'), x = expected.IndexOf(':');
        if (got[..g] != expected[..x]) return false;
        string gRest = got[(g + 1)..], xRest = expected[(x + 1)..];
        int gs = gRest.IndexOf(' '), xs = xRest.IndexOf(' ');
        string gCode = gs < 0 ? gRest : gRest[..gs], xCode = xs < 0 ? xRest : xRest[..xs];
        return gCode.StartsWith(xCode, StringComparison.Ordinal) && (gs < 0 ? "" : gRest[gs..]) == (xs < 0 ? "" : xRest[xs..]);
    }
}
