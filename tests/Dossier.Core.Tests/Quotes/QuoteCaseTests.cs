using Dossier.Extraction.Quotes;

namespace Dossier.Tests.Quotes;

/// <summary>Table of quote cases: text, entities ("surface|TYPE|Actor"), and every quote expected, as
/// "Kind|content|speaker text|speaker actor|cue" ("" for none). The list must match exactly, so spurious quotes fail too.</summary>
public class QuoteCaseTests
{
    public static TheoryData<string, string[], string[]> Cases => new()
    {
        // "…," SPEAKER CUE
        { "\"We will not back down,\" Smith said on Monday.", ["Smith|PERSON|John Smith"],
          ["Direct|We will not back down|Smith|John Smith|said"] },
        // "…," CUE SPEAKER
        { "\"The talks were useful,\" said Foreign Minister Sergei Lavrov.", ["Sergei Lavrov|PERSON"],
          ["Direct|The talks were useful|Foreign Minister Sergei Lavrov|Sergei Lavrov|said"] },
        // SPEAKER CUE: "…"
        { "Merkel told reporters: “This is a sad day for Europe.”", ["Merkel|PERSON|Angela Merkel"],
          ["Direct|This is a sad day for Europe.|Merkel|Angela Merkel|told"] },
        // a speaker phrase whose entity is the speaker
        { "\"Our position has not changed,\" a Kremlin readout said.", ["Kremlin|ORG"],
          ["Direct|Our position has not changed|a Kremlin readout|Kremlin|said"] },
        // A statement from X emphasized "…"; the statement also confirmed "…" (anaphoric)
        { "A statement from Sharaa emphasized \"the strong ties between the two countries.\" The statement also confirmed \"an invitation to visit Moscow.\"",
          ["Sharaa|PERSON|Ahmad al-Sharaa", "Moscow|GPE|Russia"],
          ["Direct|the strong ties between the two countries.|Sharaa|Ahmad al-Sharaa|emphasized",
           "Direct|an invitation to visit Moscow.|The statement|Ahmad al-Sharaa|confirmed"] },
        // pronoun speaker: the last person named before
        { "Jones met the envoy on Friday. \"It went well,\" he said.", ["Jones|PERSON|Alan Jones"],
          ["Direct|It went well|he|Alan Jones|said"] },
        // … the last one the pronoun can stand for: "she" is no man by name or title, "he" no woman (issue 16)
        { "Hillary Clinton met Tim Kaine in Virginia. \"We are ready,\" she said.", ["Hillary Clinton|PERSON", "Tim Kaine|PERSON", "Virginia|GPE"],
          ["Direct|We are ready|she|Hillary Clinton|said"] },
        { "Mr Smith met Mrs Jones on Friday. \"It went well,\" he said.", ["Smith|PERSON", "Jones|PERSON"],
          ["Direct|It went well|he|Smith|said"] },
        // an unnamed spokeswoman quoted after a named person is who "she" goes on quoting: no actor rather than the wrong one
        { "Ruth Kelly was not available. A spokeswoman said: \"We are not going into any details.\" She added: \"The minister has said enough.\"",
          ["Ruth Kelly|PERSON"],
          ["Direct|We are not going into any details.|A spokeswoman||said", "Direct|The minister has said enough.|She||added"] },
        // scare quotes are not quotes; a two-word quote with a cue is
        { "The so-called \"peace plan\" was rejected. \"Never again,\" Smith said.", ["Smith|PERSON"],
          ["Direct|Never again|Smith|Smith|said"] },
        // a quote interrupted by its frame: both parts have the speaker
        { "\"We are ready,\" the minister said, \"to talk to anyone who wants peace.\"", [],
          ["Direct|We are ready|the minister||said", "Direct|to talk to anyone who wants peace.|the minister||said"] },
        // guillemets and nested single quotes
        { "Le Pen declared: «They call it 'reform' but it is theft.»", ["Le Pen|PERSON"],
          ["Direct|They call it 'reform' but it is theft.|Le Pen|Le Pen|declared"] },
        // a quote over two paragraphs: the first is left open and the second reopens it
        { "Smith said: \"The first part of the statement goes here.\n\n\"And the second part ends here.\" Then he left.", ["Smith|PERSON"],
          ["Direct|The first part of the statement goes here.\n\n\"And the second part ends here.|Smith|Smith|said"] },
        // an uncued quote takes the speaker named in the previous sentence of the paragraph
        { "Ms. Warren spoke for an hour at the rally. \"This country belongs to all of us.\"", ["Warren|PERSON|Elizabeth Warren"],
          ["Direct|This country belongs to all of us.|Warren|Elizabeth Warren|"] },
        // a paragraph that opens with an uncued quote continues the speaker of the paragraph before
        { "\"We are not leaving,\" Smith said.\n\n\"This is our home and we will defend it.\"", ["Smith|PERSON|John Smith"],
          ["Direct|We are not leaving|Smith|John Smith|said", "Direct|This is our home and we will defend it.|Smith|John Smith|"] },
        // quotes signed after a dash on their line (readers' reactions, epigraphs): the name after the dash, not the last speaker
        { "\"We are not leaving,\" Smith said.\n\n“Maybe we can build a wall around him.” ― Sonya Herridge\n\n\"Fear, I am afraid.\" -- Edwin Monroy, a teacher in Ohio\n",
          ["Smith|PERSON|John Smith", "Sonya Herridge|PERSON", "Edwin Monroy|PERSON"],
          ["Direct|We are not leaving|Smith|John Smith|said", "Direct|Maybe we can build a wall around him.|Sonya Herridge|Sonya Herridge|―",
           "Direct|Fear, I am afraid.|Edwin Monroy|Edwin Monroy|--"] },
        // a dash inside a sentence is no signature
        { "\"We are not leaving\" — Smith said it twice.", ["Smith|PERSON|John Smith"],
          ["Direct|We are not leaving|Smith|John Smith|said"] },
        // "he" passes over a name that only modifies a noun ("spokesman for Vodafone", which the tagger may type a person)
        { "Mike Caudwell, spokesman for Vodafone, said that phones were once the size of a briefcase.\n\n\"They were hugely popular,\" he said.",
          ["Mike Caudwell|PERSON", "Vodafone|PERSON"],
          ["Indirect|phones were once the size of a briefcase|Mike Caudwell|Mike Caudwell|said", "Direct|They were hugely popular|he|Mike Caudwell|said"] },
        // "they" stands for the unnamed opponents just before, not for a person quoted later in the text
        { "Opponents say the cost could not be met. They said this is illegal under current rules. Lord Smith told the BBC: \"We are going to the High Court.\"",
          ["Smith|PERSON|Lord Smith"],
          ["Indirect|the cost could not be met|Opponents||say", "Indirect|this is illegal under current rules|They||said",
           "Direct|We are going to the High Court.|Lord Smith|Lord Smith|told"] },
        // cues from the lexicon's data: "underlined" frames like "said"; "hailed … as" names across its object like "called"
        { "\"This is a pilot project,\" underlined Mr Saldarriaga.", ["Saldarriaga|PERSON|Carlos Saldarriaga"],
          ["Direct|This is a pilot project|Mr Saldarriaga|Carlos Saldarriaga|underlined"] },
        { "Welsh legend Mervyn Davies hailed it as \"one of the great performances of the past three decades\".", ["Mervyn Davies|PERSON"],
          ["Direct|one of the great performances of the past three decades|Welsh legend Mervyn Davies|Mervyn Davies|hailed"] },
        // "underlined" reports speech only with a "that" clause: an object is no content
        { "French prodigy Gael Monfils underlined his huge promise by beating the champion in the first round.", ["Gael Monfils|PERSON"], [] },
        // a speaker past the patterns' reach: the parse's subject of the cue
        { "David Kamin, an outside adviser to the campaign on tax and budget issues and an associate professor at New York University School of Law, said that the campaign was looking closely at provisions benefiting people like him.",
          ["David Kamin|PERSON", "New York University School of Law|ORG"],
          ["Indirect|the campaign was looking closely at provisions benefiting people like him|David Kamin|David Kamin|said"] },
        // "the company" is no person: not the wholesaler quoted by name before it
        { "\"Prices will rise,\" said John Smith, a wholesaler in Leeds. The company claims its jars are the cheapest in Britain.",
          ["John Smith|PERSON", "Leeds|GPE", "Britain|GPE|United Kingdom"],
          ["Direct|Prices will rise|John Smith|John Smith|said", "Indirect|its jars are the cheapest in Britain|The company||claims"] },
        // a parenthesis between the name and the cue, with a stop inside ("(D-Wis.)"), is passed over
        { "Obama spoke at the dinner.\n\n\"It is a dog whistle to all,\" Rep. Gwen Moore (D-Wis.) said.", ["Obama|PERSON|Barack Obama", "Gwen Moore|PERSON"],
          ["Direct|It is a dog whistle to all|Rep. Gwen Moore|Gwen Moore|said"] },
        // indirect: X said (that) …
        { "Peskov said that the Kremlin had no plans to meet the envoy.", ["Peskov|PERSON|Dmitry Peskov", "Kremlin|ORG"],
          ["Indirect|the Kremlin had no plans to meet the envoy|Peskov|Dmitry Peskov|said"] },
        // indirect: X told reporters …
        { "The mayor told reporters the bridge would reopen in May.", [],
          ["Indirect|the bridge would reopen in May|The mayor||told"] },
        // indirect: according to X, …
        { "According to the ministry, 40 people were killed in the strike.", [],
          ["Indirect|40 people were killed in the strike|the ministry||According to"] },
        // indirect: …, X said
        { "The ceasefire will hold until Friday, officials said.", [],
          ["Indirect|The ceasefire will hold until Friday|officials||said"] },
        // indirect: X has indicated that …, cut before the author's own ", but" clause
        { "Trump met donors. He has indicated that he would like the troops home, but there has been little movement.", ["Trump|PERSON|Donald Trump"],
          ["Indirect|he would like the troops home|He|Donald Trump|indicated"] },
        // a parenthesis or an appositive between the subject and the cue
        { "Sen. Bernie Sanders (I-Vt.) said he will release his health records.", ["Bernie Sanders|PERSON"],
          ["Indirect|he will release his health records|Sen. Bernie Sanders|Bernie Sanders|said"] },
        { "Christopher Harvey, a delegate from Houston, said the turmoil was part of the circus.", ["Christopher Harvey|PERSON"],
          ["Indirect|the turmoil was part of the circus|Christopher Harvey|Christopher Harvey|said"] },
        // the antecedent of a relative pronoun is the speaker
        { "The poll counts voters who said they would vote in the primary.", [],
          ["Indirect|they would vote in the primary|voters||said"] },
        // reported speech in a subordinate clause ends with the clause
        { "While she says she will not vote for him, she admires his energy.", [],
          ["Indirect|she will not vote for him|she||says"] },
        // two apostrophes as a quotation mark (newspaper archives)
        { "''It is bad for the party,'' Mr. Romney said.", ["Romney|PERSON|Mitt Romney"],
          ["Direct|It is bad for the party|Mr. Romney|Mitt Romney|said"] },
        // "…, according to X, …"
        { "Trump has won 758 delegates, according to the Associated Press, far ahead of Cruz.", ["Associated Press|ORG"],
          ["Indirect|Trump has won 758 delegates|the Associated Press|Associated Press|according to"] },
        // a stance verb without "that" before a subject pronoun; not before a plain object
        { "Analysts believe it will take years to rebuild.", [],
          ["Indirect|it will take years to rebuild|Analysts||believe"] },
        { "Analysts believe the president on this point.", [], [] },
        // a participle frame takes the subject of the sentence
        { "Sanders defended the plan, saying it would cut costs for families.", ["Sanders|PERSON|Bernie Sanders"],
          ["Indirect|it would cut costs for families|Sanders|Bernie Sanders|saying"] },
        // a quoted name after "known as" / "dubbed" is not a quotation, even in a sentence with a cue
        { "The commander, also known as \"Abou Hamza al-Masri\", said nothing. The plan, dubbed \"Operation Northern Shield\", began.", [], [] },
        // no quote: "said to be", nouns that look like cues
        { "The house is said to be haunted. There have been unverified reports of shelling.", [], [] },

        // ---- speakers from the parse (issue 13)
        // a naming verb frames a quote across its object: the speaker is the verb's subject (the quote lost its speaker);
        // a pronoun object adds nothing, so the quoted words stay a direct quote
        { "Mitch McConnell opposed the bill. McConnell called it \"the transcendent issue of our era\" in a speech on the Senate floor.",
          ["Mitch McConnell|PERSON", "McConnell|PERSON|Mitch McConnell", "Senate|ORG"],
          ["Direct|the transcendent issue of our era|McConnell|Mitch McConnell|called"] },
        { "Bob Crow walked out of the talks on Tuesday. He described the offer as \"an insult to every worker on the network\".",
          ["Bob Crow|PERSON"],
          ["Indirect|the offer as \"an insult to every worker on the network\"|He|Bob Crow|described"] },
        // "called for" is a demand, not a naming frame; its quote is still the union's, through the parse's subject
        { "The union called for \"an immediate end to the cuts in every region\".", [],
          ["Direct|an immediate end to the cuts in every region|The union||called"] },
        // the name that ends the subject is the speaker, whatever type the NER gave the words before it (the party
        // "Ennahda" typed as a person took the leader's statement)
        { "Ennahda leader Rachid Ghannouchi said in a statement: \"We will not take part in a government of national unity.\"",
          ["Ennahda|PERSON", "Rachid Ghannouchi|ORG"],
          ["Direct|We will not take part in a government of national unity.|Ennahda leader Rachid Ghannouchi|Rachid Ghannouchi|said"] },
        // a name that only qualifies the subject's noun is not the speaker: no actor rather than the court
        { "\"Now it's hard to see how the talks can resume,\" the International Criminal Court's former adviser Martin Indyk said.",
          ["International Criminal Court|ORG"],
          ["Direct|Now it's hard to see how the talks can resume|the International Criminal Court's former adviser Martin Indyk||said"] },
        { "Critics of Vladimir Putin said the election had been rigged. Putin's critics said the vote was a sham.",
          ["Vladimir Putin|PERSON", "Putin|PERSON|Vladimir Putin"],
          ["Indirect|the election had been rigged|Critics of Vladimir Putin||said", "Indirect|the vote was a sham|Putin's critics||said"] },
        // a spokesman speaks for the name he is of; an organisation noun is the organisation named before it
        { "Mr Blair's official spokesman said the prime minister was confident. The Labour party said it would not comment.",
          ["Blair|PERSON|Tony Blair", "Labour|ORG|Labour Party"],
          ["Indirect|the prime minister was confident|Mr Blair's official spokesman|Tony Blair|said",
           "Indirect|it would not comment|The Labour party|Labour Party|said"] },
        // the parse's subject before the cue beats a pattern phrase after it that is no noun phrase
        { "Richard Revesz, director of the Institute for Policy Integrity, said the suing states were exaggerating the reach of the agency.",
          ["Richard Revesz|PERSON", "Institute for Policy Integrity|ORG"],
          ["Indirect|the suing states were exaggerating the reach of the agency|Richard Revesz|Richard Revesz|said"] },
        // the pattern's subject right before the cue beats the parse's, which took the fronted content's subject; the quoted
        // phrase is part of the reported speech that holds it (issue 16), not a quote of its own
        { "The summit accomplished \"too little,\" Mr Hague added on Monday.", ["Hague|PERSON|William Hague"],
          ["Indirect|The summit accomplished \"too little,\"|Mr Hague|William Hague|added"] },
        // a pattern phrase that runs over a verb is cut to the subject the parse finds in it
        { "Mr Brown also dismissed the figures insisting that the typical family was much better off under Labour.",
          ["Brown|PERSON|Gordon Brown", "Labour|ORG"],
          ["Indirect|the typical family was much better off under Labour|Mr Brown|Gordon Brown|insisting"] },
        // a pattern phrase over a verb whose cue has no subject in the parse keeps the words after its last verb
        { "Leaked documents have suggested ex-Home Secretary David Blunkett branded new opening hours as a \"leap in the dark\".",
          ["David Blunkett|PERSON"],
          ["Indirect|new opening hours as a \"leap in the dark\"|ex-Home Secretary David Blunkett|David Blunkett|branded"] },
        // a document speaks for its possessor however long the phrase after its head
        { "Lord Butler's report earlier this year into Iraq intelligence said the government's weapons dossier did not make clear the limits.",
          ["Lord Butler|PERSON|Robin Butler", "Iraq|GPE"],
          ["Indirect|the government's weapons dossier did not make clear the limits|Lord Butler's report earlier this year into Iraq intelligence|Robin Butler|said"] },
        // the parse heads "Culture Secretary Tessa Jowell" with the title: the name still speaks, and the day is no part of the speaker
        { "Culture Secretary Tessa Jowell on Tuesday said it was not her job to bow to the campaign against the changes.",
          ["Tessa Jowell|PERSON"],
          ["Indirect|it was not her job to bow to the campaign against the changes|Culture Secretary Tessa Jowell|Tessa Jowell|said"] },
        // a verb joined to reported content borrows no subject from it ("prosecutions" did not promise)
        { "Mr Clarke said prosecutions were the government's first preference and promised the powers would only be used in \"serious\" cases.",
          ["Clarke|PERSON|Charles Clarke"],
          ["Indirect|prosecutions were the government's first preference and promised the powers would only be used in \"serious\" cases|Mr Clarke|Charles Clarke|said"] },
        // sources, figures and manifestos speak for the name they are of
        { "A Department for Education and Skills source said: \"Every day in school counts.\"", ["Department for Education and Skills|ORG"],
          ["Direct|Every day in school counts.|A Department for Education and Skills source|Department for Education and Skills|said"] },
        { "According to Labor Department figures, US firms added only 146,000 jobs in January.", ["Labor Department|ORG", "US|GPE|United States"],
          ["Indirect|US firms added only 146,000 jobs in January|Labor Department figures|Labor Department|According to"] },
        // a passive cue: the agent speaks
        { "\"We will rebuild every school,\" it was said by the mayor of Kharkiv, Ihor Terekhov.", ["Kharkiv|GPE", "Ihor Terekhov|PERSON"],
          ["Direct|We will rebuild every school|the mayor of Kharkiv||said"] },

        // ---- issue 16: every reporting verb the parse gives a clause, lists of quoted words, signatures
        // two reporting verbs in one sentence: two attributions, the second borrowing the subject of the first
        { "Donald Trump is telling a veterans group that the United States’ military is “depleted” and says he will expand the nation’s armed forces.",
          ["Donald Trump|PERSON"],
          ["Indirect|the United States’ military is “depleted”|Donald Trump|Donald Trump|telling", "Indirect|he will expand the nation’s armed forces|Donald Trump|Donald Trump|says"] },
        // a reporting verb after the patterns' one, with its own subject
        { "The minister said the talks had failed, while the opposition leader argued that the talks never began.",
          [],
          ["Indirect|the talks had failed|The minister||said", "Indirect|the talks never began|the opposition leader||argued"] },
        // a quoted phrase inside reported speech is part of it
        { "Donald Trump said he thought that drugs were a \"very, very big factor\" in the violence.", ["Donald Trump|PERSON"],
          ["Indirect|drugs were a \"very, very big factor\" in the violence|Donald Trump|Donald Trump|said"] },
        // a list of quoted words after a naming verb is one attribution with what it names
        { "Cruz called the senator a \"nasty guy,\" an \"anchor baby,\" \"unstable\" and \"sick.\"", ["Cruz|PERSON"],
          ["Indirect|the senator a \"nasty guy,\" an \"anchor baby,\" \"unstable\" and \"sick.\"|Cruz|Cruz|called"] },
        // verbs of judgement frame a quote only with "as"
        { "The council condemned the test as \"provocative and destabilizing\" on Friday.", ["council|ORG"],
          ["Indirect|the test as \"provocative and destabilizing\"|The council|council|condemned"] },
        { "The council condemned the \"Juche\" doctrine again.", [], [] },
        // speech acts whose content is no clause (quotes-frames.tsv): the object with its "of" phrase, the infinitive, "for"
        { "The RSF accused the army of shelling a market in the city's south on Sunday.", ["RSF|ORG"],
          ["Indirect|the army of shelling a market in the city's south on Sunday|The RSF|RSF|accused"] },
        { "Senator Warren called for compensation to be clawed back from the executives.", ["Warren|PERSON"],
          ["Indirect|compensation to be clawed back from the executives|Senator Warren|Warren|called"] },
        { "The governor vowed to veto the spending bill next week.", [],
          ["Indirect|to veto the spending bill next week|The governor||vowed"] },
        // fewer than three words of content, or a negated act, attribute nothing
        { "The governor criticized Clinton. The mayor did not accuse the police of lying to the public.", [], [] },
        // a frame that names its speaker beats a nearer one that does not
        { "In a statement, Peabody said: \"Patriot Coal was highly successful when it became an independent company,\" adding that its value grew.", ["Peabody|ORG"],
          ["Direct|Patriot Coal was highly successful when it became an independent company|Peabody|Peabody|said"] },
        // a name, then an apposition longer than the window, then the cue
        { "“It’s an invasion, in our estimation, of the state regulatory domain,” Scott Pruitt, the Republican attorney general of Oklahoma, one of the states suing the EPA, said at a Washington event this month.",
          ["Scott Pruitt|PERSON", "Oklahoma|GPE", "EPA|ORG", "Washington|GPE"],
          ["Direct|It’s an invasion, in our estimation, of the state regulatory domain|Scott Pruitt|Scott Pruitt|said"] },
        // a prepositional phrase is no speaker, and "that" as a relative pronoun opens no content
        { "In a Facebook message posted Friday, Cruz said he has had serious disagreements with Trump.", ["Cruz|PERSON", "Trump|PERSON"],
          ["Indirect|he has had serious disagreements with Trump|Cruz|Cruz|said"] },
        { "O'Neill said officials are in possession of video that shows the explosion.", ["O'Neill|PERSON"],
          ["Indirect|officials are in possession of video that shows the explosion|O'Neill|O'Neill|said"] },
        // content first, its comma closing it, a long apposition after the speaker
        { "Its first national television ad could start this week, said Brian Baker, a longtime adviser to the family who oversees the campaign to stop Clinton.",
          ["Brian Baker|PERSON", "Clinton|PERSON"],
          ["Indirect|Its first national television ad could start this week|Brian Baker|Brian Baker|said"] },
        // a quote framed inside another speaker's reported clause is part of that speaker's report
        { "Elchin Rustamov led the delegation. Rustamov said Baku expected the next stage to be completed \"before the winter.\"",
          ["Elchin Rustamov|PERSON", "Rustamov|PERSON|Elchin Rustamov", "Baku|GPE"],
          ["Indirect|Baku expected the next stage to be completed \"before the winter.\"|Rustamov|Elchin Rustamov|said"] },
        { "Mr. Obama said a majority of Americans have come to believe \"that climate change is real, that it is important and we should do something about it.\"",
          ["Obama|PERSON"],
          ["Indirect|a majority of Americans have come to believe \"that climate change is real, that it is important and we should do something about it.\"|Mr. Obama|Obama|said"] },
        // a verb ends a speaker phrase after the cue, and the quote that continues it keeps the speaker
        { "\"Free downloading has killed opportunities for new bands,\" said one musician quoted by the report. \"It's hard to keep making records if they don't pay for themselves.\"",
          [],
          ["Direct|Free downloading has killed opportunities for new bands|one musician||said", "Direct|It's hard to keep making records if they don't pay for themselves.|one musician||"] },
        // a relative clause between commas is no speaker
        { "The United States Treasury's Office of Foreign Assets Control (OFAC), which sanctioned several of the same companies in January, said it welcomed the European decision.",
          ["United States Treasury|ORG", "Office of Foreign Assets Control|ORG", "OFAC|ORG|Office of Foreign Assets Control"],
          ["Indirect|it welcomed the European decision|The United States Treasury's Office of Foreign Assets Control|Office of Foreign Assets Control|said"] },
        // no quote: an impersonal passive, a cue's form used as a noun, a possessive taken for a subject
        { "The cost is not yet known but it is thought block bookings will be taken at the major hotels after the announcement.", [], [] },
        { "To become law both the European Parliament and a qualified majority of EU states have to approve of the draft wording of the bill.", ["European Parliament|ORG", "EU|ORG"], [] },
        { "His declared interests include £20,000 from newspaper articles and fees of up to £35,000 for four speeches.", [], [] },
        // a person, then the organisation they come from: the person speaks
        { "Colin Asplin, Blackpool Hotel Association said: \"We have tried very hard to make sure they come back to Blackpool.\"",
          ["Colin Asplin|PERSON", "Blackpool Hotel Association|ORG", "Blackpool|GPE"],
          ["Direct|We have tried very hard to make sure they come back to Blackpool.|Colin Asplin|Colin Asplin|said"] },
        // the person quoted last goes on speaking when those named since are no subject
        { "Mr Neeson said there was one figure he would love to portray on the big screen - Ian Paisley. He said the preacher was a very dynamic, extraordinary figure.",
          ["Neeson|PERSON|Liam Neeson", "Ian Paisley|PERSON"],
          ["Indirect|there was one figure he would love to portray on the big screen - Ian Paisley|Mr Neeson|Liam Neeson|said",
           "Indirect|the preacher was a very dynamic, extraordinary figure|He|Liam Neeson|said"] },
        // a pronoun after reported speech continues its speaker, not a name inside what was reported
        { "Former foreign secretary Robin Cook said Lord Goldsmith's admission suggested Parliament may have been misled. \"The attorney general may never have presented his answer as a summary,\" he said.",
          ["Robin Cook|PERSON", "Goldsmith|PERSON|Lord Goldsmith", "Parliament|ORG"],
          ["Indirect|Lord Goldsmith's admission suggested Parliament may have been misled|Former foreign secretary Robin Cook|Robin Cook|said",
           "Direct|The attorney general may never have presented his answer as a summary|he|Robin Cook|said"] },
        // a refused or negated report attributes nothing
        { "He refused to say if there was specific information about the risk of an attack.", [], [] },
        { "The amount of spam was still growing, but he did not think that the trick would mean e-mail meltdown.", [], [] },
        // a negated report after the content frames nothing; the speaker before the content does
        { "Houthi negotiator Abdulmalik al-Hamdani said the group had released 16 Saudi prisoners as a goodwill gesture, a claim that Riyadh did not immediately confirm.",
          ["Abdulmalik al-Hamdani|PERSON", "Riyadh|GPE"],
          ["Indirect|the group had released 16 Saudi prisoners as a goodwill gesture, a claim that Riyadh did not immediately confirm|Houthi negotiator Abdulmalik al-Hamdani|Abdulmalik al-Hamdani|said"] },
        // a quotation framed inside reported speech is part of it, whatever the parse makes of its participle
        { "Turkish Deputy Foreign Minister Murat Aksoy said the two sides had agreed to exchange lists of ports that would be kept off-limits to attacks, calling it \"a modest but real step\".",
          ["Murat Aksoy|PERSON"],
          ["Indirect|the two sides had agreed to exchange lists of ports that would be kept off-limits to attacks, calling it \"a modest but real step\"|Turkish Deputy Foreign Minister Murat Aksoy|Murat Aksoy|said"] },
        // a cue's form that modifies a noun is no cue ("state television")
        { "Its spokesman said in a statement read on state television that Bamako \"will not take orders from Abuja.\"", ["Bamako|GPE", "Abuja|GPE"],
          ["Direct|will not take orders from Abuja.|Its spokesman||said"] },
        // a signature after a dash: a name the tagger missed, a full stop after the name
        { "\"Mr. Trump embodies the legacy of racism.\" ― Sonya Herridge\n\"Trump must stop portraying Latinos as gangsters.\"― Carla Sanchez.\n\"The most unqualified child to ever run for president.\" ― Francisco Herrero\n",
          ["Sonya Herridge|PERSON", "Carla Sanchez|PERSON"],
          ["Direct|Mr. Trump embodies the legacy of racism.|Sonya Herridge|Sonya Herridge|―", "Direct|Trump must stop portraying Latinos as gangsters.|Carla Sanchez|Carla Sanchez|―",
           "Direct|The most unqualified child to ever run for president.|Francisco Herrero||―"] },
        // a complement clause the parse read as a relative clause on an adjunct of the cue; the quote reported inside it stays too
        { "Trump said during a Friday evening rally in Michigan that Clinton once described the so-called Trans-Pacific Partnership as \"the gold standard\" of trade deals.",
          ["Trump|PERSON", "Michigan|GPE", "Clinton|PERSON"],
          ["Indirect|Clinton once described the so-called Trans-Pacific Partnership as \"the gold standard\" of trade deals|Trump|Trump|said",
           "Indirect|the so-called Trans-Pacific Partnership as \"the gold standard\" of trade deals|Clinton|Clinton|described"] },
        // what a naming verb still governs after the quote is part of it; a time adjunct or a participle after a comma is not
        { "The Association of Flight Attendants called Clinton a \"champion\" for its constituency on Friday, citing her work after the attacks.",
          ["Association of Flight Attendants|ORG", "Clinton|PERSON"],
          ["Indirect|Clinton a \"champion\" for its constituency|The Association of Flight Attendants|Association of Flight Attendants|called"] },
        // "…, adding that …": the participle frames what follows, with the speaker of the verb it hangs on, not words in a quote
        { "\"He stands for the middle-class,\" Anderson said, adding that Sanders is \"definitely the most trustworthy of the candidates.\"",
          ["Anderson|PERSON", "Sanders|PERSON"],
          ["Direct|He stands for the middle-class|Anderson|Anderson|said", "Direct|definitely the most trustworthy of the candidates.|Anderson|Anderson|adding"] },
        // a clause joined after the frame with "but" is the author's
        { "Ms. Brainard is \"not a backslapper,\" said Mr. Sperling, but she has developed a reputation as an advocate for her goals.",
          ["Brainard|PERSON", "Sperling|PERSON"],
          ["Direct|not a backslapper|Mr. Sperling|Sperling|said"] },
        // "according to X" wherever it stands, with a source that can speak or publish; a manner is no source
        { "According to recent polls, Trump holds only 14 percent of the Latino vote.", ["Trump|PERSON"],
          ["Indirect|Trump holds only 14 percent of the Latino vote|recent polls||According to"] },
        { "Clinton leads Sanders by 271 pledged delegates according to a count by The Associated Press, but Sanders has vowed to fight on.",
          ["Clinton|PERSON", "Sanders|PERSON", "The Associated Press|ORG"],
          ["Indirect|Clinton leads Sanders by 271 pledged delegates|a count by The Associated Press||according to", "Indirect|to fight on|Sanders|Sanders|vowed"] },
        { "Spore generates and displays the creatures according to rules devised by the programmers.", [], [] },
        // an adverbial clause before a reporting verb is not what it reports; nor is an impersonal passive anyone's
        { "And if she lost, people would say her career was over.", [], ["Indirect|her career was over|people||say"] },
        { "Although it has been widely predicted that Mr Gates would be showcasing the new Xbox, some reports have cast doubt on it.", ["Gates|PERSON"], [] },
        // a participle's speaker is the clause's subject, not its addressee after it
        { "But Mr Forgeard has denied this, telling French media that there is no current overrun in the budget.", ["Forgeard|PERSON"],
          ["Indirect|there is no current overrun in the budget|Mr Forgeard|Forgeard|denied"] },
        // a clause before the cue closed by the quote's own mark
        { "Trump's misinformation may be \"strategic,\" said Jeffery Hemsley, an assistant professor at Syracuse University.",
          ["Trump|PERSON", "Jeffery Hemsley|PERSON", "Syracuse University|ORG"],
          ["Indirect|Trump's misinformation may be \"strategic,\"|Jeffery Hemsley|Jeffery Hemsley|said"] },
        // a quoted name that modifies a noun, in a sentence with no frame, is nobody's quote
        { "Trump spoke for 77 minutes. Several waved their mangled-Spanish \"Hispanics para Trump\" signs from their seats.", ["Trump|PERSON"], [] },
        // a clause joined after a quotation by "while" or "but" is no frame for it
        { "Linkin Park singer Chester Bennington described their prize for best rock band as \"quite an honour\" while Muse said their win was \"a real surprise for us\".",
          ["Linkin Park|ORG", "Chester Bennington|PERSON", "Muse|ORG"],
          ["Indirect|their prize for best rock band as \"quite an honour\"|Linkin Park singer Chester Bennington|Chester Bennington|described",
           "Indirect|their win was \"a real surprise for us\"|Muse|Muse|said"] },
        // reporting verbs used for actions, with an object and no clause, report nothing
        { "Fly-half Stephen Jones added four conversions as Wales maintained their superb start to this year's tournament.",
          ["Stephen Jones|PERSON", "Wales|GPE"], [] },
        // a person named by a naming verb is part of the attribution ("called him a "…""); "it" adds nothing
        { "Bush also attacked Donald Trump, calling him a \"loser.\"", ["Bush|PERSON", "Donald Trump|PERSON"],
          ["Indirect|him a \"loser.\"|Bush|Bush|calling"] },
        // a dateline is no speaker, nor is a participle opening the sentence
        { "NEW YORK — Former Secretary of State Hillary Clinton is calling for the United States to step up military efforts.",
          ["NEW YORK|GPE", "Hillary Clinton|PERSON", "United States|GPE"], [] },
        { "Washington (AFP) – Democrat Hillary Clinton has taken a swipe at Donald Trump, saying that bombastic comments do more harm than good.",
          ["Washington|GPE", "AFP|ORG", "Hillary Clinton|PERSON", "Donald Trump|PERSON"], [] },
        // an opening adjunct is no subject ("Inside the hotel conference center, Trump …")
        { "Inside the hotel conference center, Trump on Tuesday dismissed Scott Walker as an ineffective leader, arguing that the governor has been a poor steward of the economy.",
          ["Trump|PERSON", "Scott Walker|PERSON"],
          ["Indirect|the governor has been a poor steward of the economy|Trump|Trump|arguing"] },
        // "X quoted Y as saying": Y speaks
        { "\"Yuganskneftegas has been sold in the best traditions of the 90s,\" the Interfax news agency quoted Mr Khodorkovsky as saying.",
          ["Yuganskneftegas|ORG", "Interfax|ORG", "Khodorkovsky|PERSON"],
          ["Direct|Yuganskneftegas has been sold in the best traditions of the 90s|Mr Khodorkovsky|Khodorkovsky|saying"] },
        // an inverted frame whose name ends the sentence holds whatever subject the parse found in the content
        { "The sale has destroyed Yukos, once the owner of Yuganskneftegas, said founder Mikhail Khodorkovsky.",
          ["Yukos|ORG", "Yuganskneftegas|ORG", "Mikhail Khodorkovsky|PERSON"],
          ["Indirect|The sale has destroyed Yukos, once the owner of Yuganskneftegas|founder Mikhail Khodorkovsky|Mikhail Khodorkovsky|said"] },
        // a stance verb inverted after its content, and a name followed by its description without a comma
        { "The revenue streams for mobile carriers will grow with 3G, thinks Paolo Pescatore mobile industry specialist for analysts IDC.",
          ["Paolo Pescatore|PERSON", "IDC|ORG"],
          ["Indirect|The revenue streams for mobile carriers will grow with 3G|Paolo Pescatore|Paolo Pescatore|thinks"] },
        // a quoted phrase in the predicate of a verb that is no reporting verb is the subject's words
        { "Earlier, Ted Cruz exhorted Republicans to \"vote your conscience\" at the convention.", ["Ted Cruz|PERSON"],
          ["Direct|vote your conscience|Ted Cruz|Ted Cruz|exhorted"] },
        // an apposition with no comma between is one name with its title: not "House" alone
        { "House Speaker Paul Ryan says no matter what unilateral action President Barack Obama takes on gun control, \"his word does not trump the Second Amendment.\"",
          ["Paul Ryan|PERSON", "Barack Obama|PERSON"],
          ["Direct|his word does not trump the Second Amendment.|House Speaker Paul Ryan|Paul Ryan|says"] },
        // a title a cue follows with no speaker is the name of a work, not words said
        { "Trump, star of the reality TV show \"The Apprentice,\" said in an interview on Sunday.", ["Trump|PERSON"], [] },
        // a relative clause after a comma is no complement of "told"
        { "\"This is one of her friends from sixth grade,\" Tom told Annette Guessford, who answered her door and said she planned to caucus for Clinton.",
          ["Tom|PERSON", "Annette Guessford|PERSON", "Clinton|PERSON"],
          ["Direct|This is one of her friends from sixth grade|Tom|Tom|told"] },
        // ", but that …" goes on with the same report
        { "She said new mothers were already entitled to 12 months leave, but that many women could not take it.", [],
          ["Indirect|new mothers were already entitled to 12 months leave, but that many women could not take it|She||said"] },
        // "refused to confirm", "has been asked to explain": nothing was said
        { "He plans to stand in the next general election but refused to confirm he is setting up a new political party.", [], [] },
        { "Arsenal boss Arsene Wenger has been asked to explain comments he made about the referee.", ["Arsene Wenger|PERSON"], [] },
        // stance verbs of findings report through "that"; "point out" is a cue of two words
        { "A survey by the CBI found that output had risen at the fastest rate in seven years.", ["CBI|ORG"],
          ["Indirect|output had risen at the fastest rate in seven years|A survey by the CBI|CBI|found that"] },
        { "Economists point out that a weaker dollar is a boon to exporters in the short term.", [],
          ["Indirect|a weaker dollar is a boon to exporters in the short term|Economists||point out"] },
        // a quotation after the cue is what it reports, not the words before it
        { "Some in the crowd booed, and when Rubio thanked Miami and said it was great to be home, a man yelled \"Stay there!\"",
          ["Rubio|PERSON", "Miami|GPE"],
          ["Indirect|it was great to be home|Rubio|Rubio|said", "Direct|Stay there!|a man||yelled"] },
        // a finite cue joined to an infinitive takes the subject of the verb above: "said" is Fallon's
        { "Brian Fallon, a spokesman for Mrs. Clinton, called on the Vermont senator to take back his words and said he had reached a \"new low.\"",
          ["Brian Fallon|PERSON", "Clinton|PERSON"],
          ["Indirect|he had reached a \"new low.\"|Brian Fallon|Brian Fallon|said"] },
        // "Earlier this month" opens the sentence; the figures speak
        { "The Fed may act. Earlier this month figures showed that job creation is still weak, while consumer confidence is subdued.", ["Fed|ORG"],
          ["Indirect|job creation is still weak|figures||showed"] },
        // a question inside the marks ends the sentence for the splitter; the short sentence after it is the frame
        { "\u201cI don\u2019t care. He was the founder, OK?\u201d Trump said.", ["Trump|PERSON"],
          ["Direct|I don\u2019t care. He was the founder, OK?|Trump|Trump|said"] },
        // the author's words before a colon that opens the quotation are not part of it
        { "In her speech, Rhimes declared the need for strong will, ambition and drive: \u201cChange the world and when you\u2019ve done that, change it again,\u201d she said.",
          ["Rhimes|PERSON"],
          ["Direct|Change the world and when you\u2019ve done that, change it again|she|Rhimes|said"] },
        // an inverted frame whose apposition runs past the tail's reach
        { "Couple global exposure with a \"candidate who is a lightning rod\" and Clevelanders get nervous, said Christine Link, executive director of the American Civil Liberties Union in Ohio.",
          ["Christine Link|PERSON", "American Civil Liberties Union|ORG", "Ohio|GPE"],
          ["Indirect|Couple global exposure with a \"candidate who is a lightning rod\" and Clevelanders get nervous|Christine Link|Christine Link|said"] },
        // a naming verb's long object, when the parse vouches for it
        { "Trump called the assault that killed five Dallas police officers \"an attack on our country,\" but he also noted the toll.",
          ["Trump|PERSON", "Dallas|GPE"],
          ["Indirect|the assault that killed five Dallas police officers \"an attack on our country,\"|Trump|Trump|called"] },
        // "continued" and "interrupted" report only what "that", a colon or a quotation opens
        { "Nathan Douglas continued his steady progress this season as he set a life-time best of 16.76m in second.", ["Nathan Douglas|PERSON"], [] },
        // the subject of a passive "told" is its addressee, not its speaker
        { "Russian authorities do not have to abide by any US court decisions taken with regard to Yukos, a Houston court has been told.",
          ["Yukos|ORG", "Houston|GPE"], [] },
        // a description with a hyphenated age is a speaker
        { "\"You will see me in Madrid and I feel there is a lot more to come along,\" said the 22-year-old.", [],
          ["Direct|You will see me in Madrid and I feel there is a lot more to come along|the 22-year-old||said"] },
        // a paragraph that opens with a quote continues the speaker across one sentence of the author's about them
        { "McClaren said: \"Stewart has tweaked a hamstring, which is a blow for us.\" McClaren was relieved to make it through after a tough encounter.\n\n\"To be fair to Graz, they had a gameplan and we struggled to deal with it.\"",
          ["McClaren|PERSON|Steve McClaren"],
          ["Direct|Stewart has tweaked a hamstring, which is a blow for us.|McClaren|Steve McClaren|said",
           "Direct|To be fair to Graz, they had a gameplan and we struggled to deal with it.|McClaren|Steve McClaren|"] },
        // "the host" is not the source of the quote before unless it described them; the relative clause after the
        // quotation is the author's
        { "Three people have refused Oscars, including actor George C Scott who said the whole thing was \"demeaning\". In 1934 the host opened the envelope and declared \"come on up and get it, Frank\" to which Frank Capra bounded up to the stage.",
          ["George C Scott|PERSON"],
          ["Indirect|the whole thing was \"demeaning\"|George C Scott|George C Scott|said", "Direct|come on up and get it, Frank|the host||declared"] },
        // a title noun and the name the parse hung on it as an apposition are one speaker
        { "Fund manager Florian Hamm said the bank's shares were undervalued.", ["Florian Hamm|PERSON"],
          ["Indirect|the bank's shares were undervalued|Fund manager Florian Hamm|Florian Hamm|said"] },
        // a document "for" someone is addressed to them, not theirs
        { "\"Jeremy said he was encountering a rather embarrassing problem with his colleagues,\" reads a telephone memo for Mr Heath.",
          ["Jeremy|PERSON", "Heath|PERSON|Edward Heath"],
          ["Direct|Jeremy said he was encountering a rather embarrassing problem with his colleagues|a telephone memo for Mr Heath||reads"] },
        // the subject of a passive cue is the one asked, not the asker; "implored" frames the quotation after it
        { "Wheelchair user Kevin Donnellon was asked: \"Why on earth do you want our elected representatives to be disabled?\" \"Don't you care about the Inuit?\", implored guitar-toting environmental campaigner Barry Lim.",
          ["Kevin Donnellon|PERSON", "Barry Lim|PERSON"],
          ["Direct|Why on earth do you want our elected representatives to be disabled?|||asked",
           "Direct|Don't you care about the Inuit?|guitar-toting environmental campaigner Barry Lim|Barry Lim|implored"] },
        // a cue joined by "and" takes the subject the parse gives the verb it is joined to
        { "For that she drew Trump's ire - he called her \"weak\" and said she had \"zero support\" in New Hampshire.", ["Trump|PERSON"],
          ["Indirect|her \"weak\"|he|Trump|called", "Indirect|she had \"zero support\" in New Hampshire|he|Trump|said"] },
        // writing a thing is no report of words, whatever clause hangs on the thing
        { "Ellen Simonetti wrote an anonymous semi-fictional account of her life in the sky.", ["Ellen Simonetti|PERSON"], [] },
        { "The upgrade added features that made it easier to keep machines safe from viruses.", [], [] },
        // a plea in court is no report of words; a participle after the frame's comma is the frame's
        { "Mr Ebbers pleaded not guilty to charges of fraud and conspiracy.", ["Ebbers|PERSON|Bernie Ebbers"], [] },
        { "\"We believe the only significant bidder at the auction on Sunday is Gazprom,\" he said, referring to Russia's natural gas giant.", ["Gazprom|ORG"],
          ["Direct|We believe the only significant bidder at the auction on Sunday is Gazprom|he||said"] },
        // … but a gerund that is the subject of the reported clause is content
        { "Sometimes though, he said, spotting the next victim was easy.", [],
          ["Indirect|spotting the next victim was easy|he||said"] },
        // a clause opened by "where" is no speaker
        { "They also want to set up a new \"half-way house\" where social workers tell people how much money is available for their care.", [], [] },
        // "according to" a source that is data or a survey takes the whole clause before it, lists and all
        { "Shoppers spent an average of six hours a week online, two hours in stores and one hour on catalogues, according to new estimates from eMarketer.", [],
          ["Indirect|Shoppers spent an average of six hours a week online, two hours in stores and one hour on catalogues|new estimates from eMarketer||according to"] },
        // a name the parse made the subject of its own apposition speaks
        { "Rep. Jane Doe (D-Ore.), ranking member of the budget committee and one of the bill's authors, said she fully supports the deal.", ["Jane Doe|PERSON"],
          ["Indirect|she fully supports the deal|Rep. Jane Doe|Jane Doe|said"] },
        // the noun before ", who said" speaks, whatever its role in the clause it ends, but not a place
        { "The final question came from a retired teacher, who said she and her husband had driven from Leeds.", ["Leeds|GPE"],
          ["Indirect|she and her husband had driven from Leeds|a retired teacher||said"] },
        { "This argument was rejected by Mr Blair, who said: \"We have not broken the precedent and I have nothing to add to it.\"", ["Blair|PERSON|Tony Blair"],
          ["Direct|We have not broken the precedent and I have nothing to add to it.|Mr Blair|Tony Blair|said"] },
        { "But Ms James, who won the painting prize in 2003, said arts funding should be separate from government.", ["James|PERSON|Ann James"],
          ["Indirect|arts funding should be separate from government|Ms James|Ann James|said"] },
        // the noun after "with" is the subject of the participle that follows it
        { "Residents were angry about the lack of notice, with Councillor Jane Moss calling it a “disgraceful mess.”", ["Jane Moss|PERSON"],
          ["Direct|disgraceful mess.|Councillor Jane Moss|Jane Moss|calling"] },
        // a tail frame may end in a longer run of adjuncts ("in a radio interview with …"), with no verb among them
        { "Mary Hill spoke on Monday. Voters had “run out of patience” with the council, she said in a radio interview with the local station.", ["Mary Hill|PERSON"],
          ["Indirect|Voters had “run out of patience” with the council|she|Mary Hill|said"] },
        // a participle after a dash has the clause's subject; a capitalised adjective takes its nouns
        { "But European firms with listings in New York have objected - arguing that the costs outweigh the benefits.", ["European|NORP", "New York|GPE"],
          ["Indirect|the costs outweigh the benefits|European firms||arguing"] },
        // an auxiliary and a verb after a closing mark are the author's clause, not a speaker
        { "Liam Fox derided the photo call, saying: \"The show of unity was the worst acting I have seen in years.\" Labour had broken promises by raising taxes, he said.", ["Liam Fox|PERSON"],
          ["Direct|The show of unity was the worst acting I have seen in years.|Liam Fox|Liam Fox|saying", "Indirect|Labour had broken promises by raising taxes|he|Liam Fox|said"] },
        // a share of respondents speaks as a whole: the number with its "per cent" or "%"; "Meantime" is no one
        { "Forty-three per cent thought the minister had done a good job.", [],
          ["Indirect|the minister had done a good job|Forty-three per cent||thought"] },
        { "Meantime, 32% said the council was doing well.", [],
          ["Indirect|the council was doing well|32%||said"] },
        { "Thirty per cent said the affair showed he could not be trusted.", [],
          ["Indirect|the affair showed he could not be trusted|Thirty per cent||said"] },
        // a fraction after "with" is the participle's subject, not the noun the clause hangs on
        { "There was also a shortage of bus drivers, with nearly a fifth saying they were too sick to work.", [],
          ["Indirect|they were too sick to work|a fifth||saying"] },
        { "The staff were unhappy, with half saying they had not been paid.", [],
          ["Indirect|they had not been paid|half||saying"] },
        // an organisation the tagger cut out of a longer name is no identity: the text stays, unresolved
        { "The UK Independence Party said: \"They should just ask us.\"", ["UK|GPE|United Kingdom", "Party|ORG"],
          ["Direct|They should just ask us.|The UK Independence Party||said"] },
        { "The Labour Party said: \"They should just ask us.\"", ["Labour Party|ORG"],
          ["Direct|They should just ask us.|The Labour Party|Labour Party|said"] },
        // an opening time is no subject; a subordinate clause after a comma frames nothing before it, but "as X said" does
        { "Earlier this week, Todd pressed the chairman on the subject of taxes, insisting to him that Trump should release them.", ["Todd|PERSON|Chuck Todd", "Trump|PERSON"],
          ["Indirect|Trump should release them|Todd|Chuck Todd|insisting"] },
        { "Mr. Ryan is the architect of the plan, while Mr. Trump has vowed to leave such spending untouched.", ["Ryan|PERSON|Paul Ryan", "Trump|PERSON"],
          ["Indirect|to leave such spending untouched|Mr. Trump|Trump|vowed"] },
        // "“…,” the newspaper quoted X as saying": X speaks, after the quotation as before it
        { "Northern Bank is believed to have won the bid. \"They were able to move so quickly it caught everyone by surprise,\" the Financial Times quoted an insider in the talks as saying.", ["Northern Bank|ORG", "Financial Times|ORG"],
          ["Direct|They were able to move so quickly it caught everyone by surprise|an insider in the talks||saying"] },
        { "\"The savings available to us are far greater,\" the newspaper quoted the executive as saying.", [],
          ["Direct|The savings available to us are far greater|the executive||saying"] },
        // a clause after a participle is what it reports: the quotation before it is framed by its own verb
        { "Prime Minister Tony Blair declared himself \"delighted\", saying Mr Jackson would be warmly welcomed by Labour MPs.", ["Tony Blair|PERSON", "Jackson|PERSON|Robert Jackson"],
          ["Direct|delighted|Prime Minister Tony Blair|Tony Blair|declared", "Indirect|Mr Jackson would be warmly welcomed by Labour MPs|Prime Minister Tony Blair|Tony Blair|saying"] },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Extracts(string text, string[] entities, string[] expected)
    {
        var d = Docs.Build(text, entities);
        new QuoteExtractor().Process(d);
        var got = d.Quotes.Select(q => string.Join("|", q.Kind, d.Slice(q.Start, q.End), q.SpeakerText ?? "", d.ActorName(q.Speaker) ?? "", q.Cue ?? "")).ToArray();
        Assert.True(expected.SequenceEqual(got), "expected:\n" + string.Join("\n", expected) + "\ngot:\n" + string.Join("\n", got));
    }

    [Fact]
    public void SocialPostsBecomeSocialQuotesOfTheirAuthor()
    {
        var d = Docs.Build("Some prose here.\n\nThe regime is falling fast tonight\npic.twitter.com/x1 — Jane Roe (@janeroe) May 1, 2024\n\nMore prose.",
            "Jane Roe|PERSON");
        d.AddPost("The regime is falling fast tonight", "pic.twitter.com/x1 — Jane Roe (@janeroe) May 1, 2024", "Jane Roe", "@janeroe");
        new QuoteExtractor().Process(d);
        var q = Assert.Single(d.Quotes);
        Assert.Equal(Documents.QuoteKind.Social, q.Kind);
        Assert.Equal("The regime is falling fast tonight", d.Slice(q.Start, q.End));
        Assert.Equal("Jane Roe", d.ActorName(q.Speaker));
        Assert.Equal("Jane Roe", q.SpeakerText);
    }

    [Fact]
    public void WithoutTheSyntaxLayerThePatternsDecideAlone()
    {
        var d = Testing.DocBuilder.Segmented("\"We will not back down,\" Smith said on Monday. Jones told reporters the bridge would reopen in May.");
        d.Entities.Add(new Documents.EntityMention { Start = d.Text.IndexOf("Smith"), End = d.Text.IndexOf("Smith") + 5, Type = Documents.EntityType.PERSON, Actor = 0 });
        d.Actors.Add(new Documents.Actor { Id = "a1", Name = "John Smith", Type = Documents.EntityType.PERSON });
        Assert.Null(d.Syntax);
        new QuoteExtractor().Process(d);
        Assert.Equal(["Smith|John Smith|said", "Jones||told"], d.Quotes.Select(q => $"{q.SpeakerText}|{d.ActorName(q.Speaker)}|{q.Cue}"));
    }

    [Fact]
    public void EveryFactCarriesTheComponentId()
    {
        var d = Docs.Build("\"We will win this war,\" Smith said.", "Smith|PERSON");
        new QuoteExtractor().Process(d);
        Assert.All(d.Quotes, q => Assert.Equal("quotes@1.4", q.By));
    }
}
