using Dossier.Documents;
using Dossier.Pipeline;

namespace Dossier.Tests.Events;

/// <summary>
/// Events through the whole pipeline (segmenter, parser, NER, actors, events) on sentences of our own, where what is
/// checked depends on the real entity and actor layers: descriptions made actors and the verb dictionary as compiled.
/// </summary>
public class EventPipelineTests
{
    private static readonly DocumentPipeline Pipeline = DocumentPipeline.FromConfig("segment+syntax+ner+actors+timex+events");

    private static List<(string Code, string Sources, string Targets, bool Negated)> Events(string text)
    {
        var d = Pipeline.Process(new Document(text));
        string names(List<int> l) => string.Join("+", l.Select(a => d.Actors[a].Name));
        return d.Events.Select(e => (e.Cameo, names(e.Source), names(e.Target), e.Negated)).ToList();
    }

    [Fact]
    public void FightingArmedMenIsFightingNotMilitaryCooperation()
    {
        // CAMEO.2.0 lists "battle … insurgents" under 062 (military cooperation); events-verbs.tsv corrects it.
        var got = Events("NATO troops were battling Taleban insurgents near the border on Sunday.");
        Assert.Contains(got, e => e.Code.StartsWith("19", StringComparison.Ordinal) && e.Sources == "NATO");
        Assert.DoesNotContain(got, e => e.Code.StartsWith("06", StringComparison.Ordinal));
    }

    [Fact]
    public void ADescribedGroupActsAsItsOwnActor()
    {
        var got = Events("Afghan rebels kidnapped sixteen Russian civilians near Kabul on Monday.");
        Assert.Contains(got, e => e.Code.StartsWith("18", StringComparison.Ordinal) && e.Sources == "Afghan rebels");
        Assert.DoesNotContain(got, e => e.Sources == "Afghanistan");
    }

    [Theory]
    // What a call asks someone to do is asked for, not done.
    [InlineData("Donald Trump called for a special prosecutor to investigate Hillary Clinton's use of a private email server.")]
    // A weapon that modifies another noun says nothing of the act.
    [InlineData("President Barack Obama is opening his announcement on new gun actions by honoring the victims of the Charleston shooting in South Carolina.")]
    // An act weighed is not done.
    [InlineData("Security Council members are also considering sending peacekeepers to Sudan.")]
    public void CodesNothing(string text) => Assert.Empty(Events(text));

    [Fact]
    public void AReducedPassiveHasNoSourceFromEarlierInTheText()
    {
        // "parishioners killed at a church": the noun is who it befell; "He" (Obama) did not kill them.
        var got = Events("President Barack Obama spoke at the White House on Tuesday. He mentioned freedom of religion taken from parishioners killed at a South Carolina church and freedom of assembly taken from others.");
        Assert.DoesNotContain(got, e => e.Code.StartsWith("19", StringComparison.Ordinal));
    }

    [Fact]
    public void AVisitMadeIsAVisitAndAVisitPlannedAPromise()
    {
        // CAMEO.2.0 codes "make … visit" 036 (intent to meet); events-verbs.tsv makes it 042, and the future gives 036.
        Assert.Contains(Events("British Prime Minister Gordon Brown has made an unannounced visit to Afghanistan."),
            e => e.Code == "042" && e.Sources == "Gordon Brown" && e.Targets == "Afghanistan");
        Assert.Contains(Events("British Prime Minister Gordon Brown will make a visit to Afghanistan next week."),
            e => e.Code == "036" && e.Sources == "Gordon Brown");
    }

    [Fact]
    public void ABracedDictionaryPhraseIsNeededWhole()
    {
        // "{EARLY WARNING SYSTEM}" (150) is not any "system".
        var got = Events("Venezuela has begun using a new currency system in an effort to slow inflation.");
        Assert.Empty(got);
    }

    [Theory]
    // The parser makes "killed" the verb of "Americans"; the sentence's verb follows with no subject: a reduced relative.
    [InlineData("He said the four Americans killed in the attack might have been saved.")]
    [InlineData("Several other Palestinians charged with collaborating with Israel are currently on death row.")]
    // The one who dies is who the act befell (CAMEO's DIE block codes 190).
    [InlineData("An American soldier and two Israeli troops died in southern Lebanon on Sunday.")]
    // A counted noun joined to others, with its participle read as a clause of its own.
    [InlineData("Officials say at least two Americans were among the group of eight foreigners and two Afghans killed.")]
    [InlineData("Taleban militants have freed one German and four Afghans held hostage in Afghanistan since July.")]
    // The place of an act of force is not who did it ("granted asylum in Moscow" is Russia's grant; a hostage-taking is not).
    [InlineData("Two French journalists who were held hostage in Iraq for four months have arrived back in France.")]
    // A participle joined to a passive verb shares its voice.
    [InlineData("Afghan rebels were held for three years, accused of links to al-Qaeda.")]
    public void TheOneItBefellDidNotDoIt(string text) =>
        Assert.DoesNotContain(Events(text), e => e.Sources is "Americans" or "Palestinians" or "United States" or "Israel" or "Afghans" or "Afghanistan" or "Iraq" or "Afghan rebels");

    [Fact]
    public void PeopleNamedByTheirNationalityAreTargets()
    {
        Assert.Contains(Events("Ghanaian authorities have deported 168 Liberians for traveling without documents."),
            e => e.Code.StartsWith("17", StringComparison.Ordinal) && e.Sources == "Ghana" && e.Targets == "Liberians");
        // Words to a country's own public are no event between actors.
        Assert.DoesNotContain(Events("Donald Trump encouraged Americans to watch the debate."), e => e.Targets == "Americans");
    }

    [Fact]
    public void AStatesCrewedArmsAreTheState()
    {
        Assert.Contains(Events("Israeli helicopters and tanks shelled positions of the Palestinian security forces near Rafah."),
            e => e.Code.StartsWith("19", StringComparison.Ordinal) && e.Sources == "Israel");
    }

    [Fact]
    public void AnInfinitiveOfPurposeIsNoPrepositionOfThePattern()
    {
        // CAMEO's "fly to" (036) is a trip to a place, not "flew to visit" whoever is named next.
        Assert.DoesNotContain(Events("Defense Secretary Ash Carter flew to visit U.S. service members at Qayyarah Airfield West."),
            e => e.Code == "036");
        Assert.Contains(Events("President Donald Trump and Russian President Vladimir Putin agreed to meet again in the coming weeks."), e => e.Code.StartsWith("03", StringComparison.Ordinal));
    }

    [Fact]
    public void ACommitmentToAnActIsNotSupport()
    {
        Assert.DoesNotContain(Events("Al-Qaida remains committed to carrying out terrorist attacks against the United States."),
            e => e.Code.StartsWith("05", StringComparison.Ordinal));
    }

    [Fact]
    public void APatternOfAnotherVerbDoesNotMoveTheVerbIntoAnotherFamily()
    {
        // "convict … of violations" (173) belongs to "convict"; an accusation stays one.
        var got = Events("Cuban President Fidel Castro spoke for hours, accusing Washington of human rights violations in Iraq and Afghanistan.");
        Assert.Contains(got, e => e.Code.StartsWith("11", StringComparison.Ordinal) && e.Sources == "Fidel Castro");
        Assert.DoesNotContain(got, e => e.Code.StartsWith("17", StringComparison.Ordinal));
    }

    [Fact]
    public void APlaceAfterAPrepositionIsWhereNotWho()
    {
        Assert.DoesNotContain(Events("In Turkey Minister Ellwood met with the Syrian National Coalition."), e => e.Sources == "Türkiye");
        // A portfolio's word taken alone for a person is no one.
        Assert.DoesNotContain(Events("Foreign Minister Julie Bishop met with the Minister of Foreign Affairs of Iraq."), e => e.Targets == "Affairs");
    }

    [Fact]
    public void AVerbJoinedToARefusedActIsRefusedToo()
    {
        var got = Events("The United States cut off aid after Hamas refused to renounce violence and recognize Israel.");
        Assert.DoesNotContain(got, e => e.Code.StartsWith("05", StringComparison.Ordinal) && !e.Negated);
    }

    [Fact]
    public void AMissionIsAimedAtTheCountryItIsSentTo()
    {
        Assert.Contains(Events("President Hugo Chavez withdrew Venezuela's ambassador to Israel on Tuesday."),
            e => e.Code.StartsWith("16", StringComparison.Ordinal) && e.Targets == "Israel");
    }

    [Fact]
    public void AThreatenedAttackIsAThreat()
    {
        var got = Events("Somali insurgents threatened to attack Uganda for its role in the peacekeeping mission.");
        Assert.Contains(got, e => e.Code.StartsWith("13", StringComparison.Ordinal) && e.Targets == "Uganda");
        Assert.DoesNotContain(got, e => e.Code.StartsWith("19", StringComparison.Ordinal));
    }

    [Fact]
    public void AStateProtestsOfficially()
    {
        // CAMEO 14 is dissent in the street; a state's protest is an official complaint (114).
        Assert.Contains(Events("Syria protested to the United Nations about the incident on Monday."),
            e => e.Code == "114" && e.Sources == "Syria" && e.Targets == "United Nations");
    }

    [Fact]
    public void ARegionIsNoOneActedOnButMayBeVisited()
    {
        Assert.DoesNotContain(Events("Russia has staunchly opposed the western alliance's expansion into Eastern Europe."),
            e => e.Targets == "Eastern Europe");
        Assert.Contains(Events("Secretary of State Condoleezza Rice leaves Sunday on a five-day trip to the Middle East."),
            e => e.Targets == "Middle East");
    }

    [Fact]
    public void ThePlaceOfAnAttackIsNotItsTarget()
    {
        // The parser hangs "of" on "Nablus"; the case word nearest the noun ("in") marks it.
        Assert.DoesNotContain(Events("Israeli troops killed a member of the Al-Aqsa Martyrs Brigades in a refugee camp in Nablus."),
            e => e.Targets == "Nablus");
    }

    [Fact]
    public void AStatesPeopleDoNotActOnTheirOwnCountry()
    {
        // "Britain's growing compensation culture" names the UK as a thing's owner; Blair (GBRELI) pledges nothing to it.
        Assert.DoesNotContain(Events("Prime Minister Tony Blair pledged to clamp down on Britain's growing compensation culture."),
            e => e.Targets == "United Kingdom");
        // A person is of the country a current role of theirs is of ("Britain's Defense Secretary").
        Assert.DoesNotContain(Events("Britain's Defense Secretary Geoff Hoon arrived in the southern city of Basra to visit British troops."),
            e => e.Targets == "United Kingdom");
        // A group of the country that is not its state does.
        Assert.Contains(Events("Iranian opposition leader Mir Hossein Mousavi has accused Iran's government of persecuting opponents."),
            e => e.Code.StartsWith("11", StringComparison.Ordinal) && e.Targets == "Iran");
    }

    [Fact]
    public void OneSpeaksWithAPersonButAddressesACommittee()
    {
        // The parser hangs the name under "German"; the first actor under the preposition is its noun.
        Assert.Contains(Events("Tony Blair spoke to German Chancellor Gerhard Schroeder on Tuesday."),
            e => e.Code.StartsWith("04", StringComparison.Ordinal) && e.Targets == "Gerhard Schroeder");
        Assert.DoesNotContain(Events("Speaking to the Treasury Select Committee, Gordon Brown said the economy was strong."),
            e => e.Targets == "Treasury Select Committee");
    }

    [Fact]
    public void APlaceNameBeforeAStateOfAffairsSaysWhereNotWhose()
    {
        Assert.DoesNotContain(Events("Donald Trump lambasted the Iran nuclear deal negotiated by President Obama."), e => e.Targets == "Iran");
        // A body's name before its own act does say whose: "U.N. sanctions".
        Assert.Contains(Events("Russia and China oppose U.N. sanctions on Iran."), e => e.Targets.Contains("U.N.") || e.Targets.Contains("United Nations"));
    }

    [Fact]
    public void AnActJudgedNeedfulIsNotDone()
    {
        Assert.DoesNotContain(Events("Iran said it is important for Iran to continue cooperating with the International Atomic Energy Agency."),
            e => e.Code.StartsWith("05", StringComparison.Ordinal));
        // A fact judged is done: "it is good that Labour has rejected …".
        Assert.Contains(Events("Mark Oaten said it is good that Labour has rejected the Conservative Party's idea of quotas on asylum."),
            e => e.Code.StartsWith("12", StringComparison.Ordinal));
    }

    [Fact]
    public void AnActOnTheCalendarIsItsIntent()
    {
        // CAMEO codes a meeting or visit announced as an intent (036), not as held; an attack expected is no one's act.
        Assert.Contains(Events("Indonesian President Susilo Bambang Yudhoyono is scheduled to visit Moscow."), e => e.Code == "036");
        Assert.DoesNotContain(Events("Burma's army is set to attack a refugee camp near the border with Thailand."),
            e => e.Code.StartsWith("19", StringComparison.Ordinal));
    }

    [Fact]
    public void ANationalitysGroupActsWhateverItsNoun()
    {
        // The actor layer names "Zambian militiamen" a group (ZMBUAF); the event coder takes the phrase for it.
        Assert.Contains(Events("Zambian militiamen attacked a convoy of Angolan soldiers on Friday."),
            e => e.Code.StartsWith("19", StringComparison.Ordinal) && e.Sources == "Zambian militiamen");
        // "anti-Chilean" is what they are against, not theirs.
        Assert.DoesNotContain(Events("Bolivian police detained forty anti-Chilean protesters in La Paz on Friday."), e => e.Targets.Contains("Chile"));
    }

    [Fact]
    public void SeveralMeetingTogetherAreEachOthersCounterparts()
    {
        Assert.Contains(Events("Macron and Scholz met in Paris on Tuesday."),
            e => e.Code.StartsWith("04", StringComparison.Ordinal) && e.Sources == "Macron+Scholz" && e.Targets == "");
        // Visiting is each one's own act toward a third: with no one visited named, nothing.
        Assert.Empty(Events("Macron and Scholz visited the ruins on Tuesday."));
    }

    [Fact]
    public void APlanIsNoActAndWhatItPlansIsAnIntent()
    {
        // "planning to return children to Albania": no intent to cooperate with Albania.
        Assert.DoesNotContain(Events("The Danish government is planning to return unaccompanied children to Albania."),
            e => e.Code == "030");
        // A planned visit is the intent of a visit.
        Assert.Contains(Events("Danish Prime Minister Mette Frederiksen is planning to visit Albania next month."),
            e => e.Code == "036" && e.Targets == "Albania");
    }

    [Fact]
    public void APersonNamedAfterTheirTitleActsNotTheirBody()
    {
        var got = Events("Labor Party leader Amir Peretz held talks with Palestinian Cabinet Minister Saeb Erekat in Jericho on Monday.");
        Assert.Contains(got, e => e.Code.StartsWith("04", StringComparison.Ordinal) && e.Sources.EndsWith("Peretz", StringComparison.Ordinal) && e.Targets == "Saeb Erekat");
    }

    [Fact]
    public void AQuestionIsNoRequest()
    {
        Assert.Empty(Events("Senator Mark Hale asked Governor Tom Reed on Monday if the project was still in his plans."));
        Assert.Contains(Events("Chile asked Peru to extradite the former minister."),
            e => e.Code.StartsWith("02", StringComparison.Ordinal) && e.Sources == "Chile" && e.Targets == "Peru");
        Assert.Contains(Events("The Kenyan government asked the World Bank for emergency funds on Monday."),
            e => e.Code.StartsWith("02", StringComparison.Ordinal) && e.Targets == "World Bank");
    }

    [Fact]
    public void TheEndOfAVisitIsTheVisitMade()
    {
        var got = Events("Prime Minister Narendra Modi ended a two-day visit to Japan on Friday.");
        Assert.Contains(got, e => e.Code == "042" && e.Targets == "Japan");
        Assert.DoesNotContain(got, e => e.Code.StartsWith("16", StringComparison.Ordinal));
    }

    [Fact]
    public void AnIndefiniteTitleIsNoOneNamedBefore()
    {
        // "a union leader" is not the leader the text named before.
        var got = Events("Labour leader Keir Starmer spoke in Leeds. Chancellor Rachel Reeves has criticised a union leader for the strike threat.");
        Assert.DoesNotContain(got, e => e.Targets == "Keir Starmer");
    }

    [Fact]
    public void AFeelingIsNoAct()
    {
        Assert.Empty(Events("President Macron still admires Chancellor Merkel."));
    }

    [Fact]
    public void ACountOfPeopleIsThePeopleCountedAndTheTownIsWhere()
    {
        var got = Events("Thousands of Chileans demonstrated in Valparaiso on Sunday against the pension reform.");
        Assert.Contains(got, e => e.Code.StartsWith("14", StringComparison.Ordinal) && e.Sources == "Chileans" && e.Targets == "");
    }

    [Fact]
    public void AProfessionNamedByItsNationalityIsAGroup()
    {
        Assert.Contains(Events("Hundreds of Kenyan doctors went on strike to protest against the government's pay cuts."),
            e => e.Code.StartsWith("14", StringComparison.Ordinal) && e.Sources == "Kenyan doctors");
    }

    [Fact]
    public void AMeetingHeldIsAMeetingAndOneToComeItsIntent()
    {
        Assert.Contains(Events("Chancellor Olaf Scholz met with Narendra Modi at the chancellery on Monday."),
            e => e.Code == "040" && e.Targets == "Narendra Modi");
        Assert.Contains(Events("Chancellor Olaf Scholz is to meet Indian Prime Minister Narendra Modi in Berlin next week."),
            e => e.Code == "036" && e.Targets == "Narendra Modi");
        // An aim that "is to" be done is no act on the calendar.
        Assert.Empty(Events("The shield's only aim is to defend Poland against missiles."));
    }

    [Theory]
    // Stirring a feeling is no protest (CAMEO's DISTURB and PROVOKE blocks).
    [InlineData("Senator Elizabeth Warren seemed irritated by the question.")]
    [InlineData("Governor Ron DeSantis provoked fury among teachers.")]
    // One person marching in a parade is no protest.
    [InlineData("Mayor Eric Adams marched in the Pride parade on Sunday.")]
    public void NoProtest(string text) => Assert.DoesNotContain(Events(text), e => e.Code.StartsWith("14", StringComparison.Ordinal));

    [Fact]
    public void OnePersonsHungerStrikeIsAProtest()
    {
        Assert.Contains(Events("Opposition leader Alexei Navalny began a hunger strike on Wednesday to protest his treatment."),
            e => e.Code.StartsWith("14", StringComparison.Ordinal));
    }

    [Fact]
    public void ANationalityBeforeAThingIsItsCountryWhenTheCountryIsNamed()
    {
        Assert.Contains(Events("Russia seized four Japanese fishing boats on Monday, Japan said."),
            e => e.Code.StartsWith("17", StringComparison.Ordinal) && e.Sources == "Russia" && e.Targets == "Japan");
        // With no country of that nationality named, the adjective stays the actor layer's: no target is made up.
        Assert.DoesNotContain(Events("Russia seized four Japanese fishing boats on Monday."), e => e.Targets == "Japan");
        // No state owns a language or a newspaper.
        Assert.DoesNotContain(Events("Latvia lifted restrictions on the Russian language in schools. Russia welcomed the move."),
            e => e.Targets == "Russia" && e.Code.StartsWith("08", StringComparison.Ordinal));
    }

    [Fact]
    public void MeetingADeadlineIsNoMeetingAndTheOneHeldHostageIsNoHostageTaker()
    {
        Assert.DoesNotContain(Events("Serbia has failed to meet a European Union deadline to hand over the suspect."),
            e => e.Code.StartsWith("04", StringComparison.Ordinal));
        Assert.DoesNotContain(Events("The footage shows a U.S. citizen held hostage by gunmen in Mali."),
            e => e.Sources.Contains("United States", StringComparison.Ordinal));
    }

    [Theory]
    // Sharing a view is no agreement to act.
    [InlineData("Former minister Norman Tebbit said he agreed with Liam Fox's view.")]
    // Running for office is no act toward anyone.
    [InlineData("Opposition leader Ayman Nour said he will seek the Egyptian presidency.")]
    // A retort is no shooting.
    [InlineData("Clinton attacked Trump on Monday. Trump shot back in a statement on Tuesday.")]
    public void NoActBetweenActors(string text) =>
        Assert.DoesNotContain(Events(text), e => e.Code.StartsWith("03", StringComparison.Ordinal) || e.Code.StartsWith("19", StringComparison.Ordinal));

    [Fact]
    public void AgreeingWithSomeoneToActIsAnAgreement()
    {
        Assert.Contains(Events("Gordon Brown had agreed with Domenico Siniscalco to push forward with plans."),
            e => e.Code.StartsWith("03", StringComparison.Ordinal) && e.Targets == "Domenico Siniscalco");
    }

    [Fact]
    public void APlaceAfterAPrepositionIsNoSecondSubject()
    {
        // The parser makes "Pakistan" a second subject of "killed"; it is where the attack was.
        Assert.DoesNotContain(Events("A suicide bomb attack in northwestern Pakistan has killed at least four Pakistani soldiers in a military convoy."),
            e => e.Sources == "Pakistan");
    }

    [Theory]
    [InlineData("Israel and Iran traded threats. Analysts voiced speculation of an Israeli attack on Iran.")]
    [InlineData("Turkey warned Iraq on Monday. Officials fear a possible Turkish incursion into Iraq.")]
    public void AnActSpokenOfAsPossibleIsNoEvent(string text) =>
        Assert.DoesNotContain(Events(text), e => e.Code.StartsWith("19", StringComparison.Ordinal));
}

