package extract

import "testing"

// TestReportedSpeechSubject: the embedded clause's own subject owns the
// reported event, never the speaker.
func TestReportedSpeechSubject(t *testing.T) {
	runRelCases(t, []relCase{
		{
			name: "disavowal belongs to the embedded subject",
			text: "Iranian foreign ministry spokesman Esmaeil Baghaei said Tehran had no plans to strike Azerbaijan.",
			want: []string{"Iran|attacked|Azerbaijan|negated", "Iran|denies|attack|asserted"},
			not:  []string{"Esmaeil Baghaei|attacked|Azerbaijan|negated", "Esmaeil Baghaei|attacked|Azerbaijan|asserted"},
		},
		{
			name: "future event of another subject",
			text: "Serbian President Aleksandar Vucic said Belgrade would attack Kosovo.",
			want: []string{"Serbia|attacked|Kosovo|hypothetical"},
			not:  []string{"Aleksandar Vucic|attacked|Kosovo|hypothetical", "Aleksandar Vucic|attacked|Kosovo|asserted"},
		},
		{
			name: "past event of another subject",
			text: "Thai army spokesman Col. Winthai Suvaree said Cambodia had attacked Thailand.",
			want: []string{"Cambodia|attacked|Thailand|asserted", "Winthai Suvaree|official-of|Thailand|asserted"},
			not:  []string{"Winthai Suvaree|attacked|Thailand|asserted"},
		},
		{
			name: "told reporters that",
			text: "Bolivian President Luis Arce told reporters that Chile had no intention of invading Bolivia.",
			not:  []string{"Luis Arce|invaded|Bolivia|negated", "Luis Arce|invaded|Bolivia|asserted", "Luis Arce|denies|invasion|asserted"},
		},
		{
			name: "a denied event is the embedded subject's, the denial the speaker's",
			text: "Chinese foreign ministry spokeswoman Mao Ning denied that Beijing planned to attack the Philippines.",
			want: []string{"China|attacked|Philippines|negated", "Mao Ning|denies|attack|asserted"},
			not:  []string{"Mao Ning|attacked|Philippines|negated"},
		},
		{
			name: "denying another state's act is no denial by it",
			text: "Azerbaijan denied that Armenia had attacked Nakhchivan.",
			not:  []string{"Armenia|denies|attack|asserted"},
		},
		{
			name: "a reported threat is the embedded subject's",
			text: "Afghan Foreign Minister Amir Khan Muttaqi told reporters that Islamabad would retaliate if Delhi attacked.",
			want: []string{"Pakistan|threatened|India|asserted"},
			not:  []string{"Amir Khan Muttaqi|threatened|India|asserted"},
		},
		{
			name: "a speaker threatens for the own state",
			text: "Moroccan Foreign Minister Nasser Bourita said Rabat would retaliate if Algeria attacked.",
			want: []string{"Nasser Bourita|threatened|Algeria|asserted"},
		},
		{
			name: "a coordinated verb after the report is the speaker's",
			text: "The Elysee said Macron had agreed to meet Tebboune, but warned that Paris was ready to impose sanctions on Algeria.",
			not:  []string{"Emmanuel Macron|threatened|Algeria|asserted", "Macron|threatened|Algeria|asserted"},
		},
	})
}

// TestFormerTitles: an office not held now gives no asserted role and
// names no current officeholder.
func TestFormerTitles(t *testing.T) {
	runRelCases(t, []relCase{
		{
			name: "former before the demonym",
			text: "Former Kenyan President Uhuru Kenyatta visited Ethiopia.",
			want: []string{"Uhuru Kenyatta|visited|Ethiopia|asserted"},
			not:  []string{"Uhuru Kenyatta|leader-of|Kenya|asserted"},
		},
		{
			name: "ex- prefix",
			text: "Ex-Prime Minister Nawaz Sharif criticized India on Sunday.",
			not:  []string{"Nawaz Sharif|leader-of|Pakistan|asserted", "Nawaz Sharif|official-of|Pakistan|asserted"},
		},
		{
			name: "outgoing after the possessive",
			text: "Ghana's outgoing President Nana Akufo-Addo visited Togo.",
			not:  []string{"Nana Akufo-Addo|leader-of|Ghana|asserted"},
		},
		{
			name: "former in apposition",
			text: "Michelle Bachelet, Chile's former president, criticized Peru.",
			not:  []string{"Michelle Bachelet|leader-of|Chile|asserted"},
		},
		{
			name: "the former president is not the president",
			text: "Brazilian President Luiz Inacio Lula da Silva met Argentina. The former Brazilian president criticized Venezuela.",
			not:  []string{"Luiz Inacio Lula da Silva|criticized|Venezuela|asserted"},
		},
		{
			name: "acting and late",
			text: "The late Zambian President Kenneth Kaunda praised Tanzania. Acting Malian President Assimi Goita visited Niger.",
			not:  []string{"Kenneth Kaunda|leader-of|Zambia|asserted", "Assimi Goita|leader-of|Mali|asserted"},
		},
	})
}

// TestGenericRelativeSubjects: a relative clause about a generic
// antecedent never gives its verb to the sentence's named subject.
func TestGenericRelativeSubjects(t *testing.T) {
	runRelCases(t, []relCase{
		{
			name: "those who",
			text: "Kenya criticized those who attacked Somalia.",
			not:  []string{"Kenya|attacked|Somalia|asserted"},
		},
		{
			name: "groups that",
			text: "Morocco condemned groups that attacked Algeria.",
			not:  []string{"Morocco|attacked|Algeria|asserted"},
		},
		{
			name: "anyone who",
			text: "Colombia warned that anyone who invades Ecuador would pay a price.",
			not:  []string{"Colombia|invaded|Ecuador|asserted", "Colombia|invaded|Ecuador|hypothetical"},
		},
		{
			name: "countries that",
			text: "Mexico passed a law punishing countries that arm Guatemala.",
			not:  []string{"Mexico|armed|Guatemala|asserted"},
		},
		{
			name: "whoever",
			text: "Senegal said it would sanction whoever attacked Gambia.",
			not:  []string{"Senegal|attacked|Gambia|asserted", "Senegal|attacked|Gambia|hypothetical"},
		},
		{
			name: "a named antecedent still counts",
			text: "Nigeria, which attacked Boko Haram, praised Chad.",
			want: []string{"Nigeria|attacked|Boko Haram|asserted"},
		},
	})
}

// TestEnvoysAndRanks: envoys serve the sending state; ranks are titles.
func TestEnvoysAndRanks(t *testing.T) {
	runRelCases(t, []relCase{
		{
			name: "ambassador to an organization",
			text: "Vassily Nebenzia, Russia's ambassador to the United Nations, criticized Georgia.",
			want: []string{"Vassily Nebenzia|official-of|Russia|asserted"},
			not:  []string{"Vassily Nebenzia|leader-of|United Nations|asserted", "Vassily Nebenzia|official-of|United Nations|asserted"},
		},
		{
			name: "representative in a host capital",
			text: "Katarina Mathernova, the EU's representative in Kyiv, praised Moldova.",
			want: []string{"Katarina Mathernova|official-of|European Union|asserted"},
			not:  []string{"Katarina Mathernova|official-of|Ukraine|asserted", "Katarina Mathernova|leader-of|Ukraine|asserted"},
		},
		{
			name: "secretary-general of an organization",
			text: "UN Secretary-General Antonio Guterres urged Myanmar to free prisoners.",
			want: []string{"Antonio Guterres|official-of|United Nations|asserted"},
			not:  []string{"Antonio Guterres|leader-of|United Nations|asserted"},
		},
		{
			name: "rank between title and name",
			text: "Indian army spokesman Brig. Gen. Rajesh Kalia criticized China.",
			want: []string{"Rajesh Kalia|official-of|India|asserted", "Rajesh Kalia|criticized|China|asserted"},
			not:  []string{"Brig|official-of|India|asserted"},
		},
		{
			name: "multi-word rank",
			text: "Egyptian army spokesman Major General Gharib Abdel Hafez criticized Libya.",
			want: []string{"Gharib Abdel Hafez|official-of|Egypt|asserted"},
			not:  []string{"Major|official-of|Egypt|asserted"},
		},
		{
			name: "rank in apposition, after and before",
			text: "Uganda's army chief, General Muhoozi Kainerugaba, visited Rwanda. Admiral Samuel Paparo, the US military's Pacific commander, visited Manila.",
			want: []string{"Muhoozi Kainerugaba|official-of|Uganda|asserted", "Muhoozi Kainerugaba|visited|Rwanda|asserted"},
			not:  []string{"General Muhoozi Kainerugaba|official-of|Uganda|asserted", "Admiral Samuel Paparo|visited|Philippines|asserted"},
		},
		{
			name: "a company's envoy in a capital serves the company",
			text: "Siemens' Cairo representative Ahmed Fathy praised Egypt. A Toyota Bangkok representative said the plant would reopen.",
			not:  []string{"Ahmed Fathy|official-of|Egypt|asserted"},
		},
		{
			name: "envoy to an organization after the state",
			text: "Kenyan U.N. Ambassador Martin Kimani criticized Russia.",
			want: []string{"Martin Kimani|official-of|Kenya|asserted"},
			not:  []string{"Martin Kimani|official-of|United Nations|asserted"},
		},
		{
			name: "lower-case major is no rank",
			text: "Canada's major banks said Ottawa's major proposals would hurt Mexico. Officials of Chile's major parties met.",
			not:  []string{"Ottawa|official-of|Canada|asserted"},
		},
		{
			name: "rank alone before a name",
			text: "Air Marshal Sudarshana Pathirana visited the Maldives. Lieutenant General Abdel Fattah al-Burhan visited Egypt.",
			want: []string{"Sudarshana Pathirana|visited|Maldives|asserted", "Abdel Fattah al-Burhan|visited|Egypt|asserted"},
		},
	})
}

// TestEndedBonds: suspended cooperation, cut ties and halted talks are
// negated, never asserted.
func TestEndedBonds(t *testing.T) {
	runRelCases(t, []relCase{
		{
			name: "suspended cooperation",
			text: "India suspended trade cooperation with Pakistan on Wednesday.",
			want: []string{"India|cooperates-with|Pakistan|negated", "India|rejected|Pakistan|asserted"},
			not:  []string{"India|cooperates-with|Pakistan|asserted"},
		},
		{
			name: "cut ties",
			text: "Mali cut diplomatic ties with Algeria.",
			want: []string{"Mali|cooperates-with|Algeria|negated"},
			not:  []string{"Mali|cooperates-with|Algeria|asserted"},
		},
		{
			name: "halted talks",
			text: "Sudan halted talks with Egypt.",
			want: []string{"Sudan|spoke-with|Egypt|negated"},
			not:  []string{"Sudan|spoke-with|Egypt|asserted"},
		},
		{
			name: "froze relations",
			text: "Bolivia froze relations with Israel.",
			not:  []string{"Bolivia|cooperates-with|Israel|asserted"},
		},
		{
			name: "considering breaking off ties is no rejection yet",
			text: "Ecuador was considering breaking off relations with Mexico.",
			not:  []string{"Ecuador|rejected|Mexico|asserted", "Ecuador|cooperates-with|Mexico|asserted"},
		},
		{
			name: "ties alone assert nothing",
			text: "Vietnam has close ties with Laos.",
			not:  []string{"Vietnam|cooperates-with|Laos|asserted"},
		},
	})
}

// TestStatelessTitles: a title written without a state gives leader-of
// only when the article itself describes its holder as leading a state.
func TestStatelessTitles(t *testing.T) {
	runRelCases(t, []relCase{
		{
			name: "described elsewhere as the state's president",
			text: "President Cyril Ramaphosa spoke to reporters on Monday. The South African president later criticized Israel.",
			want: []string{"Cyril Ramaphosa|leader-of|South Africa|asserted", "Cyril Ramaphosa|criticized|Israel|asserted"},
		},
		{
			name: "no state inferred from states merely named",
			text: "President William Ruto met Somali officials. Kenya said the talks went well.",
			not:  []string{"William Ruto|leader-of|Kenya|asserted", "William Ruto|leader-of|Somalia|asserted"},
		},
		{
			name: "a former title is no description",
			text: "President Bola Tinubu spoke on Monday. The former Nigerian president criticized Niger.",
			not:  []string{"Bola Tinubu|leader-of|Nigeria|asserted", "Bola Tinubu|criticized|Niger|asserted"},
		},
	})
}

// TestPlanOwners: the owner of a plan or bid acts in its infinitive, and a
// blocked plan does not happen.
func TestPlanOwners(t *testing.T) {
	runRelCases(t, []relCase{
		{
			name: "possessive bid",
			text: "Hungary's parliament approved Finland's bid to join NATO.",
			want: []string{"Finland|member-of|NATO|hypothetical"},
			not:  []string{"Hungary|member-of|NATO|hypothetical", "Hungary|member-of|NATO|asserted"},
		},
		{
			name: "blocked plan",
			text: "Slovakia blocked an EU plan to sanction Belarus.",
			want: []string{"European Union|sanctioned|Belarus|negated"},
			not:  []string{"Slovakia|sanctioned|Belarus|planned", "European Union|sanctioned|Belarus|planned", "European Union|sanctioned|Belarus|asserted"},
		},
	})
}

// TestCancelledEvents: a cancelling verb in any tense governs its event
// noun across modifiers, in articles and in headlines; resuming does not
// cancel.
func TestCancelledEvents(t *testing.T) {
	runRelCases(t, []relCase{
		{
			name: "headline suspends with a noun modifier",
			text: "Brazil suspends trade talks with Argentina as tariffs bite",
			want: []string{"Brazil|spoke-with|Argentina|negated"},
			not:  []string{"Brazil|spoke-with|Argentina|asserted"},
		},
		{
			name: "cancelled planned talks between two sides",
			text: "Cambodia's defence ministry also cancelled planned talks between Cambodian and Thai military commanders.",
			want: []string{"Cambodia|spoke-with|Thailand|negated"},
			not:  []string{"Cambodia|spoke-with|Thailand|asserted", "Cambodia|spoke-with|Thailand|planned"},
		},
		{
			name: "headline list of verbs",
			text: "Vietnam expels diplomat, suspends maritime talks with Philippines as tensions rise",
			want: []string{"Vietnam|spoke-with|Philippines|negated"},
			not:  []string{"Vietnam|spoke-with|Philippines|asserted"},
		},
		{
			name: "called off next week's planned summit",
			text: "Kenya called off next week's planned summit with Uganda.",
			want: []string{"Kenya|met-with|Uganda|negated"},
			not:  []string{"Kenya|met-with|Uganda|asserted"},
		},
		{
			name: "cancelled the second round of talks",
			text: "Peru cancelled the second round of talks with Chile on Friday.",
			want: []string{"Peru|spoke-with|Chile|negated"},
			not:  []string{"Peru|spoke-with|Chile|asserted"},
		},
		{
			name: "headline postpones its visit",
			text: "Ghana postpones its planned visit to Nigeria",
			not:  []string{"Ghana|visited|Nigeria|asserted"},
		},
		{
			name: "shelved border negotiations",
			text: "Thailand shelved border negotiations with Cambodia.",
			want: []string{"Thailand|spoke-with|Cambodia|negated"},
			not:  []string{"Thailand|spoke-with|Cambodia|asserted"},
		},
		{
			name: "pulled out of peace talks",
			text: "Armenia pulled out of peace talks with Azerbaijan.",
			not:  []string{"Armenia|spoke-with|Azerbaijan|asserted"},
		},
		{
			name: "resumed talks stay asserted",
			text: "Norway resumed climate talks with Sweden on Monday.",
			want: []string{"Norway|spoke-with|Sweden|asserted"},
		},
		{
			name: "talks suspended last year resumed",
			text: "Talks between India and Bangladesh that were suspended last year resumed on Monday.",
			want: []string{"India|spoke-with|Bangladesh|asserted"},
		},
	})
}
