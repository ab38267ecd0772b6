//! Who is doing the talking: the subject of a reporting verb or stance cue. Resolves names,
//! pronouns ("he" → the person last acting), and descriptions ("the ministry", "the Russian
//! leader", "a spokesman for Mr Blair", "media outlets"). An unnamed speaker keeps the body the
//! article names for them ("a Trade Ministry official", "a spokeswoman for the Commission"): the annotation
//! conventions give such a speaker's stance to that body.

use super::actors::{Actors, Mention};
use super::lexicon::{PERSON_NOUNS, REPORTING_VERBS, ROLE_NOUNS, SPEAKER_NOUNS, shows_subject};
use super::sentences::Word;
use crate::model::ActorKind;
use std::ops::Range;

/// Who a clause is attributed to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Speaker {
    Actor(usize),
    /// Several actors speaking together ("the companies said in a joint statement").
    Joint(Vec<usize>),
    /// Someone the article does not name: "media outlets", "spokesman for Tony Blair"; with
    /// the institution they speak for, if the article names it ("a Trade Ministry official").
    Unnamed(String, Option<usize>),
}

impl Speaker {
    pub fn label(&self, actors: &Actors) -> String {
        let name = |i: &usize| {
            actors
                .list
                .get(*i)
                .map_or("", |a| a.name.as_str())
                .to_string()
        };
        match self {
            Self::Actor(i) => name(i),
            Self::Joint(list) => list.iter().map(name).collect::<Vec<_>>().join(" and "),
            Self::Unnamed(text, _) => text.clone(),
        }
    }

    /// The actors a position is attributed to: an unnamed speaker's institution, if named.
    pub fn actors(&self) -> Vec<usize> {
        match self {
            Self::Actor(i) => vec![*i],
            Self::Joint(list) => list.clone(),
            Self::Unnamed(_, body) => body.iter().copied().collect(),
        }
    }
}

/// Words that may stand between a subject and its verb: "Moscow has also insisted".
const FILLERS: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "likewise",
    "later",
    "earlier",
    "reportedly",
    "then",
    "was",
    "were",
    "is",
    "are",
    "consistently",
    "repeatedly",
    "previously",
    "now",
    "still",
    "already",
    "again",
    "once",
    "today",
    "yesterday",
    "however",
    "himself",
    "herself",
    "itself",
    "themselves",
    "publicly",
    "privately",
    "quickly",
    "recently",
    "initially",
    "finally",
    "further",
    "will",
    "would",
    "not",
    "never",
    "had",
    "simply",
    "just",
    "only",
    "first",
    "here",
    "there",
    "both",
    "each",
    "all",
    "jointly",
    "together",
    "separately",
];

/// Context for resolving pronouns and descriptions at a point in the article.
pub struct Resolver<'a> {
    pub text: &'a str,
    pub actors: &'a Actors,
}

impl Resolver<'_> {
    /// The subject of the verb at `words[verb]`, within a sentence whose words are `words`.
    pub fn subject_of(
        &self,
        words: &[Word],
        verb: usize,
        sentence: Range<usize>,
    ) -> Option<Speaker> {
        let mut k = verb;
        // "Lee was quoted as saying": the one quoted.
        if verb >= 2
            && words[verb].text == "saying"
            && words[verb - 1].text == "as"
            && words[verb - 2].text == "quoted"
        {
            k = verb - 2;
        }
        // Where a bracketed abbreviation was stepped over: "the Labour Party (PvdA) said".
        let mut bracket: Option<usize> = None;
        // A comma, colon or dash between words k-1 and k, not counting that bracket.
        let separated = |k: usize, bracket: Option<usize>| {
            self.comma_between(words, k - 1, k) && bracket != Some(k)
        };
        // Skip auxiliaries and adverbs back to the subject.
        while k > 0 {
            let w = &words[k - 1];
            let lower = w.lower();
            let bracketed = self.text.get(..w.start).is_some_and(|b| b.ends_with('('))
                && self
                    .text
                    .get(w.end..words[k].start)
                    .is_some_and(|gap| gap.trim_start_matches(')').trim().is_empty());
            if bracketed && bracket.is_none() {
                k -= 1;
                bracket = Some(k);
                continue;
            }
            let comma_before = separated(k, bracket);
            if comma_before {
                break;
            }
            // An adverb ("firmly", "later") is lower case: "Kelly" and "Daly" are names.
            let adverb = lower.ends_with("ly") && lower.len() > 4 && !w.is_capitalised();
            if (FILLERS.contains(&lower.as_str()) && !w.is_capitalised()) || adverb {
                k -= 1;
                continue;
            }
            // "the opposition party on Thursday rejected": a day between subject and verb.
            if k >= 2
                && words[k - 2].text == "on"
                && crate::model::WEEKDAY_NAMES.contains(&w.text)
                && !separated(k - 1, bracket)
            {
                k -= 2;
                continue;
            }
            // "Netanyahu on Monday night vowed".
            if k >= 3
                && matches!(
                    lower.as_str(),
                    "morning" | "afternoon" | "evening" | "night"
                )
                && words[k - 3].text == "on"
                && crate::model::WEEKDAY_NAMES.contains(&words[k - 2].text)
                && !separated(k - 1, bracket)
                && !separated(k - 2, bracket)
            {
                k -= 3;
                continue;
            }
            break;
        }
        if k == 0 {
            return None;
        }
        // "… and calling on Europe", "… but has emphasized": a second verb shares the
        // sentence's subject.
        if matches!(words[k - 1].text, "and" | "but") {
            return self.sentence_subject(words, sentence, verb);
        }
        // ", stressing ...", ", who ... said": the subject is further back.
        if separated(k, bracket) {
            if let Some(who) = self.relative_subject(words, k) {
                return Some(who);
            }
            // "Nigeria's foreign minister, Chidi Okonkwo, welcomed", "The main opposition
            // party, the National Movement (NM), called": the aside is the subject's name.
            if let Some(m) = self.mention_ending(words[self.name_end_before(words, k)?].end)
                && let Some(mut first) = words.iter().position(|w| w.start == m.start)
            {
                if first > 0 && words[first - 1].lower() == "the" {
                    first -= 1;
                }
                if first > 0 && self.comma_between(words, first - 1, first) {
                    return Some(Speaker::Actor(m.actor));
                }
            }
            // "Hajime Tamura, the trade minister, said": the name just before the comma that
            // opens the aside ending at the verb.
            // A bracket inside the aside ("… Union (SLU),") does not open it.
            let gaps = (k.saturating_sub(12)..k.saturating_sub(1))
                .rev()
                .map(|j| (j, self.text.get(words[j].end..words[j + 1].start)));
            let quote_closed = gaps
                .clone()
                .find(|(_, g)| g.is_some_and(|g| g.contains(['"', '“', '”'])))
                .map(|(j, _)| j);
            let opening = gaps
                .take_while(|(j, _)| quote_closed.is_none_or(|q| *j > q))
                .find(|(_, g)| g.is_some_and(|g| g.contains([',', ';', ':', '—', '–'])))
                .map(|(j, _)| j);
            // '"… for Yemen," he said, warning …': after a quotation, whoever reported it.
            // 'Vietnam expressed "deep concerns" about …, calling for': without a report after
            // the quotation, the sentence's subject as before.
            if opening.is_none()
                && let Some(q) = quote_closed
                && let Some(r) =
                    (q + 1..k).find(|&r| REPORTING_VERBS.contains(&words[r].lower().as_str()))
            {
                return self.subject_of(words, r, sentence);
            }
            if let Some(j) = opening {
                // "Algeria, Sierra Leone and Somalia, the council's three African members,
                // said": the whole list before the aside.
                return match self.mention_ending(words[j].end) {
                    Some(m) => Some(match self.listed_subjects(&words[..=j], m) {
                        Some(members) => Speaker::Joint(members),
                        None => Speaker::Actor(m.actor),
                    }),
                    // "A European Commission official, speaking on condition of anonymity,
                    // said": an unnamed speaker before the aside.
                    None if SPEAKER_NOUNS.contains(&words[j].lower().as_str()) => {
                        self.description(words, j, words[j].start)
                    }
                    None => None,
                };
            }
            // ", stressing …": a participle shares the subject of a sentence led by a name.
            // "The Petroleum Producers Association criticised …, saying", "Deputy Energy
            // Minister Aibek Toktorov went further, writing": only "The" or a title before it.
            let first = words.first()?;
            let name_led = self
                .actors
                .mentions_in(first.start..first.end.max(first.start + 1) + 200)
                .next()
                .is_some_and(|m| {
                    words
                        .iter()
                        .take_while(|w| w.start < m.start)
                        .enumerate()
                        .all(|(n, w)| (n == 0 && w.text == "The") || w.is_capitalised())
                })
                || matches!(first.text, "He" | "She" | "They");
            return if name_led {
                self.sentence_subject(words, sentence, verb)
            } else {
                None
            };
        }
        let before = &words[k - 1];
        self.subject_ending_at(words, k - 1, before.start)
            .or_else(|| {
                // "The European Steel Association (Eurofer), which welcomed …".
                if k >= 2 && matches!(words[k - 1].text, "who" | "which") {
                    self.subject_before_relative(words, k - 1)
                } else {
                    None
                }
            })
    }

    fn comma_between(&self, words: &[Word], a: usize, b: usize) -> bool {
        match (words.get(a), words.get(b)) {
            (Some(x), Some(y)) => self
                .text
                .get(x.end..y.start)
                .is_some_and(|g| g.contains([',', ';', ':', '(', ')', '—', '–'])),
            _ => false,
        }
    }

    /// "Ramaphosa, who is South Africa’s president, said": walk back over a ", who …," clause.
    fn relative_subject(&self, words: &[Word], k: usize) -> Option<Speaker> {
        let who = (0..k)
            .rev()
            .take(20)
            .find(|&j| matches!(words[j].text, "who" | "which" | "whose"))?;
        if who == 0 || !self.comma_between(words, who - 1, who) {
            return None;
        }
        self.subject_before_relative(words, who)
    }

    /// The name before the relative pronoun at `words[who]`, past a bracketed abbreviation:
    /// "The European Steel Association (Eurofer), which …".
    fn subject_before_relative(&self, words: &[Word], who: usize) -> Option<Speaker> {
        let named_last = self.name_end_before(words, who)?;
        self.subject_ending_at(words, named_last, words[named_last].start)
    }

    /// The last word of the name ending before `words[k]`, past an abbreviation or short name
    /// in brackets: "Association" in "the European Steel Association (Eurofer),".
    fn name_end_before(&self, words: &[Word], k: usize) -> Option<usize> {
        match k.checked_sub(2) {
            Some(j) if super::actors::in_brackets(self.text, &words[k - 1]) => Some(j),
            _ => k.checked_sub(1),
        }
    }

    /// The speaker whose name (or pronoun or description) ends with `words[last]`.
    /// "The N-VA, the liberals of the MR, Les Engagés and CD&V insist": every member of a list
    /// that opens the clause and ends with the mention `last` before the verb.
    fn listed_subjects(&self, words: &[Word], last: &Mention) -> Option<Vec<usize>> {
        let clause_start = words.first()?.start;
        let mut members = vec![last.actor];
        let mut head = last.start;
        // Two names need nothing but "and" between them: "Renovacion Civica and Alianza
        // Andina, the two largest parties, said" — not "Energy and Mines Minister Rosa Quispe".
        let mut bare_and = true;
        for p in self.actors.mentions_before(last.start).take(8) {
            if p.end > head || p.start < clause_start {
                continue;
            }
            let gap = self.text.get(p.end..head)?;
            if !list_gap(gap) {
                break;
            }
            bare_and &= matches!(gap, " and " | " and the ") || described_partner(gap);
            if !members.contains(&p.actor) {
                members.push(p.actor);
            }
            head = p.start;
        }
        let lead = self.text.get(clause_start..head)?;
        // "THE HAGUE (Reuters) - The VVD, …": the dateline is not part of the clause.
        let lead = [" - ", " – ", " — "]
            .iter()
            .filter_map(|dash| lead.rfind(dash).map(|at| &lead[at + dash.len()..]))
            .min_by_key(|rest| rest.len())
            .unwrap_or(lead);
        let opens_clause = lead.split_whitespace().count() <= 2 && !lead.contains(',');
        (opens_clause && (members.len() >= 3 || members.len() == 2 && bare_and)).then(|| {
            members.reverse();
            members
        })
    }

    /// The organisation in the title of the last person named before `at`: "Isamaa chairman
    /// Mihkel Saar", "Unite general secretary Sharon Graham".
    fn title_body(&self, at: usize) -> Option<usize> {
        let kind = |a: usize| self.actors.list.get(a).map(|x| x.kind);
        let mut before = self.actors.mentions_before(at);
        let person = before.find(|m| kind(m.actor) == Some(ActorKind::Person))?;
        let body = self.actors.mentions_before(person.start).next()?;
        let title = self.text.get(body.end..person.start)?;
        let words: Vec<&str> = title.split_whitespace().collect();
        let title_only = (1..=3).contains(&words.len())
            && title.starts_with(' ')
            && words
                .iter()
                .all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'))
            && words
                .last()
                .is_some_and(|w| ROLE_NOUNS.contains(&w.to_lowercase().as_str()));
        (title_only && !matches!(kind(body.actor), Some(ActorKind::Person) | None))
            .then_some(body.actor)
    }

    /// `actor`, if it is a body that people speak for (not a person).
    fn institution(&self, actor: usize) -> Option<usize> {
        self.actors
            .list
            .get(actor)
            .filter(|a| a.kind != ActorKind::Person)
            .map(|_| actor)
    }

    /// The body named in `from..to`, the words before an unnamed speaker's noun.
    fn body_before(&self, from: usize, to: usize) -> Option<usize> {
        self.actors
            .mentions_in(from..to)
            .filter(|m| m.end <= to)
            .find_map(|m| self.institution(m.actor))
    }

    /// The person named just before "of (the) <organisation>", if `org` is such a mention.
    fn affiliated_person(&self, org: &Mention) -> Option<usize> {
        let kind = |a: usize| self.actors.list.get(a).map(|x| x.kind);
        if kind(org.actor) == Some(ActorKind::Person) {
            return None;
        }
        let person = self.actors.mentions_before(org.start).next()?;
        let gap = self.text.get(person.end..org.start)?;
        (matches!(gap, " of the " | " of ") && kind(person.actor) == Some(ActorKind::Person))
            .then_some(person.actor)
    }

    pub fn subject_ending_at(&self, words: &[Word], last: usize, at: usize) -> Option<Speaker> {
        let word = words.get(last)?;
        // "Senator Joanne Pike of Utah told": the person, not where she is from.
        if self.mention_ending(word.end).is_none()
            && word.is_capitalised()
            && last >= 2
            && words[last - 1].text == "of"
            && let Some(m) = self.mention_ending(words[last - 2].end)
            && self
                .actors
                .list
                .get(m.actor)
                .is_some_and(|a| a.kind == ActorKind::Person)
        {
            return Some(Speaker::Actor(m.actor));
        }
        if let Some(m) = self.mention_ending(word.end) {
            // "Spain, Italy and Greece welcomed …": every member of the list.
            if let Some(members) = self.listed_subjects(words, m) {
                return Some(Speaker::Joint(members));
            }
            // "Airbus and Boeing accuse …": both names are the subject.
            let partner = self.actors.mentions_before(m.start).take(3).find(|p| {
                p.actor != m.actor
                    && p.end < m.start
                    && self.text.get(p.end..m.start).is_some_and(joins_two_names)
            });
            if let Some(p) = partner {
                return Some(Speaker::Joint(vec![p.actor, m.actor]));
            }
            // "Sophie ter Horst of the Labour Party said": the person, not her party.
            if let Some(person) = self.affiliated_person(m) {
                return Some(Speaker::Actor(person));
            }
            return Some(self.qualify(words, last, m));
        }
        let pronoun = word.lower();
        if matches!(pronoun.as_str(), "he" | "she" | "they" | "it") {
            // "Reagan said he was prepared …", "Hyundai said it had offered …": the pronoun
            // is the reporter.
            let mut j = last;
            if j > 0 && words[j - 1].lower() == "that" {
                j -= 1;
            }
            // "… said in a joint statement that they …": the report may be a few words back.
            let report = if j < last {
                (j.saturating_sub(7)..j)
                    .rev()
                    .find(|&r| REPORTING_VERBS.contains(&words[r].lower().as_str()))
            } else {
                // "told reporters she …", "said Friday he …": the audience or the day between
                // the report and the pronoun.
                let audience = j.checked_sub(1).filter(|&a| {
                    matches!(
                        words[a].lower().as_str(),
                        "reporters"
                            | "journalists"
                            | "lawmakers"
                            | "legislators"
                            | "parliament"
                            | "today"
                            | "yesterday"
                    ) || crate::model::WEEKDAY_NAMES.contains(&words[a].text)
                });
                let audience = audience.map(|a| {
                    if a > 0 && words[a - 1].text == "on" && words[a].is_capitalised() {
                        a - 1
                    } else {
                        a
                    }
                });
                audience
                    .unwrap_or(j)
                    .checked_sub(1)
                    .filter(|&r| REPORTING_VERBS.contains(&words[r].lower().as_str()))
            };
            if let Some(r) = report
                && let (Some(first), Some(end)) = (words.first(), words.last())
                && let Some(reporter) = self.subject_of(words, r, first.start..end.end)
            {
                return Some(reporter);
            }
        }
        match pronoun.as_str() {
            "he" | "she" => {
                let named = self.salient_person(at);
                let named_at = named
                    .and_then(|a| self.actors.mentions_before(at).find(|m| m.actor == a))
                    .map_or(0, |m| m.start);
                // "A spokeswoman for the Commission said …. But she said …": the unnamed
                // speaker described since the last named person.
                if let Some(unnamed) = self.unnamed_person_since(named_at, at) {
                    return Some(unnamed);
                }
                return named.map(Speaker::Actor);
            }
            "they" | "it" => return self.salient_group(at),
            "i" | "we" => return None,
            _ => {}
        }
        self.description(words, last, at)
    }

    /// "a spokesman for Mr Blair": the named actor is someone else's principal.
    fn qualify(&self, words: &[Word], last: usize, m: &Mention) -> Speaker {
        let mut first = words
            .iter()
            .position(|w| w.start == m.start)
            .unwrap_or(last);
        while first > 0
            && matches!(
                words[first - 1].text,
                "Mr" | "Mrs" | "Ms" | "Dr" | "President" | "Prime" | "Minister"
            )
        {
            first -= 1;
        }
        if first >= 2 && words[first - 1].text == "for" {
            let noun = words[first - 2].lower();
            if matches!(
                noun.as_str(),
                "spokesman" | "spokeswoman" | "spokesperson" | "aide" | "adviser"
            ) {
                let name = self
                    .actors
                    .list
                    .get(m.actor)
                    .map_or("", |a| a.name.as_str());
                return Speaker::Unnamed(format!("{noun} for {name}"), self.institution(m.actor));
            }
        }
        // "The UN envoy for Yemen said": a person sent to the state, named with the role or
        // a paragraph later, not the state.
        if first >= 2
            && matches!(words[first - 1].text, "for" | "to")
            && matches!(
                words[first - 2].lower().as_str(),
                "envoy" | "ambassador" | "emissary" | "mediator" | "negotiator"
            )
        {
            let noun = words[first - 2].lower();
            let is_person = |a: usize| {
                self.actors
                    .list
                    .get(a)
                    .is_some_and(|a| a.kind == ActorKind::Person)
            };
            let titled = self.actors.list.iter().position(|a| {
                a.kind == ActorKind::Person && a.role.to_lowercase().contains(noun.as_str())
            });
            let named_next = || {
                self.actors
                    .mentions
                    .iter()
                    .filter(|n| n.start > m.end && n.start < m.end + 600)
                    .find(|n| is_person(n.actor))
                    .map(|n| n.actor)
            };
            if let Some(person) = titled.or_else(named_next) {
                return Speaker::Actor(person);
            }
        }
        // "MITI officials said": the officials speak for the institution.
        Speaker::Actor(m.actor)
    }

    fn mention_ending(&self, end: usize) -> Option<&Mention> {
        // A possessive "’s" (up to 4 bytes) may follow the name, or its abbreviation in
        // brackets: "the Kenya Private Sector Alliance (KEPSA)".
        let abbreviated = |m: &Mention| {
            self.text.get(m.end..end).is_some_and(|gap| {
                gap.strip_prefix(" (")
                    .is_some_and(super::actors::abbreviation)
            })
        };
        self.actors
            .mentions_before(end)
            .take_while(|m| m.start + 200 > end)
            .filter(|m| m.end <= end && (end - m.end <= 4 || abbreviated(m)))
            .last()
    }

    /// "a spokeswoman for the European Commission … said": the last unnamed person described
    /// as speaking between `from` and `at`.
    fn unnamed_person_since(&self, from: usize, at: usize) -> Option<Speaker> {
        // A pronoun reaches back a paragraph or two, like `salient_person`.
        let from = from.max(at.saturating_sub(600));
        let from = (from..=at)
            .find(|&i| self.text.is_char_boundary(i))
            .unwrap_or(at);
        let all = super::sentences::words(self.text, from..at);
        let head = all.iter().rposition(|w| {
            PERSON_NOUNS.contains(&w.lower().as_str())
                && all
                    .iter()
                    .any(|r| r.start > w.start && super::lexicon::is_reporting_verb(r.text))
        })?;
        let noun = all[head].lower();
        // "spokeswoman for the European Commission"
        if all.get(head + 1).is_some_and(|w| w.text == "for") {
            let after = all.get(head + 2).map_or(at, |w| w.start);
            let limit = all.get(head + 5).map_or(at, |w| w.start);
            if let Some(m) = self
                .actors
                .mentions_in(after..limit.saturating_add(1))
                .next()
            {
                let name = self
                    .actors
                    .list
                    .get(m.actor)
                    .map_or("", |a| a.name.as_str());
                return Some(Speaker::Unnamed(
                    format!("{noun} for {name}"),
                    self.institution(m.actor),
                ));
            }
        }
        // "a Commission spokeswoman", "a senior official"
        let start = head.saturating_sub(2);
        let phrase: Vec<&str> = all[start..=head]
            .iter()
            .map(|w| w.text)
            .filter(|w| !matches!(w.to_lowercase().as_str(), "a" | "an" | "the" | "said"))
            .collect();
        let body = self.body_before(all.get(start)?.start, all[head].start);
        Some(Speaker::Unnamed(phrase.join(" "), body))
    }

    /// The person who last acted (was a clause's subject) before `at`, else the last named.
    pub fn salient_person(&self, at: usize) -> Option<usize> {
        // A pronoun reaches back a paragraph or two, not across the article.
        let persons = self
            .actors
            .mentions_before(at)
            .take_while(|m| at - m.start < 600)
            .filter(|m| {
                self.actors
                    .list
                    .get(m.actor)
                    .is_some_and(|a| a.kind == ActorKind::Person)
            });
        persons
            .clone()
            .find(|m| m.leading)
            .or_else(|| persons.clone().find(|m| m.subject))
            .or_else(|| persons.clone().next())
            .map(|m| m.actor)
    }

    /// The state named last before `at`, else the one named most often.
    fn salient_state(&self, at: usize) -> Option<usize> {
        let is_state = |actor: usize| {
            self.actors
                .list
                .get(actor)
                .is_some_and(|a| a.kind == ActorKind::State)
        };
        if let Some(m) = self
            .actors
            .mentions_before(at)
            .take_while(|m| at - m.start < 600)
            .find(|m| is_state(m.actor))
        {
            return Some(m.actor);
        }
        self.actors.most_named_state(at)
    }

    fn salient_group(&self, at: usize) -> Option<Speaker> {
        self.actors
            .mentions_before(at)
            .take(200)
            .filter(|m| m.subject)
            .find(|m| {
                self.actors
                    .list
                    .get(m.actor)
                    .is_some_and(|a| a.kind != ActorKind::Person)
            })
            .map(|m| Speaker::Actor(m.actor))
    }

    /// The last name within `range` written with a possessive: "Algeria" in "Algeria’s
    /// delegation".
    fn possessive_owner(&self, range: Range<usize>) -> Option<&Mention> {
        self.actors
            .mentions_in(range)
            .filter(|m| {
                self.text
                    .get(m.end..m.end + 4)
                    .is_some_and(|after| after.starts_with(['’', '\'']))
            })
            .last()
    }

    /// Descriptions: "the ministry", "the Russian leader", "the companies", "media outlets".
    fn description(&self, words: &[Word], last: usize, at: usize) -> Option<Speaker> {
        let head = words.get(last)?.lower();
        let head = head.as_str();
        let start = (0..=last)
            .rev()
            .take(4)
            .take_while(|&j| !self.comma_between(words, j, j + 1) || j == last)
            .last()
            .unwrap_or(last);
        let phrase: Vec<String> = words[start..=last].iter().map(Word::lower).collect();
        // "Algeria’s delegation said": the body whose people these are.
        // Not "the EU's current British presidency": a name between makes it someone else's.
        let owner = || self.possessive_owner(words[start].start..words[last].start);
        if REPRESENTATIVES.contains(&head)
            && let Some(owner) = owner()
            && !words[start..last]
                .iter()
                .any(|w| w.start > owner.end && w.is_capitalised())
        {
            return Some(Speaker::Actor(owner.actor));
        }
        // "“…,” Unifor’s national president said": someone speaking for the body, unnamed.
        if ROLE_NOUNS.contains(&head)
            && let Some(owner) = owner()
            && self.actors.list.get(owner.actor).is_some_and(|a| {
                // A state's minister is named elsewhere more often than not.
                !matches!(
                    a.kind,
                    ActorKind::Person | ActorKind::State | ActorKind::Government
                )
            })
        {
            let from = words
                .iter()
                .position(|w| w.start == owner.start)
                .unwrap_or(start);
            let phrase: Vec<&str> = words[from..=last].iter().map(|w| w.text).collect();
            return Some(Speaker::Unnamed(phrase.join(" "), Some(owner.actor)));
        }
        // "the canal authority", "the union": the last body named with that head noun (or a
        // word for the same kind of body), preferring one whose name has the modifier too.
        if let Some((_, names)) = INSTITUTION_HEADS.iter().find(|(h, _)| *h == head) {
            let modifier = (last > start)
                .then(|| words[last - 1].lower())
                .filter(|m| !matches!(m.as_str(), "the" | "a" | "an" | "its" | "their"));
            let fits = |m: &&Mention, with_modifier: bool| {
                self.actors.list.get(m.actor).is_some_and(|a| {
                    let name = a.name.to_lowercase();
                    names.iter().any(|n| name.split(' ').any(|w| w == *n))
                        && (!with_modifier
                            || modifier
                                .as_ref()
                                .is_some_and(|md| name.contains(md.as_str())))
                })
            };
            let named = |with_modifier: bool| {
                self.actors
                    .mentions_before(at)
                    .take(400)
                    .find(|m| fits(m, with_modifier))
                    .map(|m| Speaker::Actor(m.actor))
            };
            // "The union lodged …" after a principals' association: a body named with the head
            // noun itself comes before one named with a word for the same kind of body.
            let named_as_head = || {
                (names.len() > 1)
                    .then(|| {
                        self.actors
                            .mentions_before(at)
                            .take(400)
                            .find(|m| {
                                self.actors.list.get(m.actor).is_some_and(|a| {
                                    !a.known
                                        && a.name.split(' ').any(|w| w.eq_ignore_ascii_case(head))
                                })
                            })
                            .map(|m| Speaker::Actor(m.actor))
                    })
                    .flatten()
            };
            // A lead often describes the body and names it a paragraph later: "Malawi's main
            // opposition party on Thursday rejected …".
            let named_next = || {
                self.actors
                    .mentions
                    .iter()
                    .filter(|m| m.start > at && m.start < at + 600)
                    .find(|m| fits(m, false))
                    .map(|m| Speaker::Actor(m.actor))
            };
            // "Isamaa chairman Mihkel Saar said his party …": the body in the speaker's title.
            let own = || {
                modifier
                    .as_deref()
                    .is_some_and(|m| matches!(m, "his" | "her"))
                    .then(|| self.title_body(at))
                    .flatten()
                    .map(Speaker::Actor)
            };
            let found = own()
                .or_else(|| named(true))
                .or_else(named_as_head)
                .or_else(|| named(false))
                .or_else(named_next);
            if found.is_some() || head != "government" {
                return found;
            }
            // "The government said": the state the article is about.
            return self.salient_state(at).map(Speaker::Actor);
        }
        match head {
            // "Kenyan officials said the country would only sign …": the state just named.
            "country" | "nation" if last > start && words[last - 1].lower() == "the" => {
                return self.salient_state(at).map(Speaker::Actor);
            }
            "companies" | "firms" | "parties" | "unions" => {
                // The last two bodies named together: "X and Y", "X and the Y".
                let named_together = |pair: &&[&Mention]| {
                    pair[0].actor != pair[1].actor
                        && matches!(
                            self.text.get(pair[0].end..pair[1].start),
                            Some(" and " | " and the ")
                        )
                };
                let mut mentions: Vec<&Mention> =
                    self.actors.mentions_before(at).take(400).collect();
                mentions.reverse();
                if let Some(pair) = mentions.windows(2).rev().find(named_together) {
                    return Some(Speaker::Joint(vec![pair[0].actor, pair[1].actor]));
                }
                // "Nepal's two main opposition parties threatened …": a lead names them in the
                // next paragraph.
                if words[start..last].iter().any(|w| w.lower() == "two") {
                    let ahead: Vec<&Mention> = self
                        .actors
                        .mentions
                        .iter()
                        .filter(|m| m.start > at && m.start < at + 600)
                        .collect();
                    if let Some(pair) = ahead.windows(2).find(named_together) {
                        return Some(Speaker::Joint(vec![pair[0].actor, pair[1].actor]));
                    }
                }
            }
            "company" | "firm" | "airline" | "carrier" | "operator" | "insurer" | "miner" => {
                // The last company named: a name with a legal form or a business word, else
                // any organisation.
                let company = self
                    .actors
                    .mentions_before(at)
                    .take(400)
                    .find(|m| {
                        self.actors.list.get(m.actor).is_some_and(|a| {
                            a.kind == ActorKind::Other
                                && a.name.split(' ').skip(1).any(|w| {
                                    super::lexicon::BUSINESS_WORDS.contains(&w)
                                        || super::lexicon::CORPORATE_SUFFIXES.contains(&w)
                                })
                        })
                    })
                    .map(|m| m.actor);
                let organisation = || {
                    self.actors
                        .mentions_before(at)
                        .take(400)
                        .find(|m| {
                            self.actors
                                .list
                                .get(m.actor)
                                .is_some_and(|a| a.kind == ActorKind::Other)
                        })
                        .map(|m| m.actor)
                };
                return company.or_else(organisation).map(Speaker::Actor);
            }
            _ => {}
        }
        // "At the meeting the minister urged": the person last named with that title.
        if ROLE_NOUNS.contains(&head) && last > 0 && words[last - 1].lower() == "the" {
            let titled = self.actors.mentions_before(at).take(200).find(|m| {
                self.actors.list.get(m.actor).is_some_and(|a| {
                    a.kind == ActorKind::Person
                        && a.role
                            .split_whitespace()
                            .any(|r| r.eq_ignore_ascii_case(head))
                })
            });
            if let Some(m) = titled {
                return Some(Speaker::Actor(m.actor));
            }
        }
        // "the Russian leader", "the US president": a person whose role names that adjective.
        if ROLE_NOUNS.contains(&head) && start < last {
            let qualifier = &words[last - 1];
            if qualifier.is_capitalised() {
                let found = self.actors.list.iter().enumerate().rev().find(|(_, a)| {
                    a.kind == ActorKind::Person
                        && a.role.split_whitespace().any(|r| r == qualifier.text)
                });
                if let Some((index, _)) = found {
                    return Some(Speaker::Actor(index));
                }
            }
        }
        if SPEAKER_NOUNS.contains(&head) {
            let begin = phrase
                .iter()
                .position(|w| !matches!(w.as_str(), "the" | "a" | "an" | "which" | "that" | "and"))
                .unwrap_or(0);
            // "A Ministry of Science and ICT official": the whole name, however long.
            let body_mention = self
                .mention_ending(words[last].start.saturating_sub(1))
                .filter(|m| m.start < words[last].start)
                .filter(|m| self.institution(m.actor).is_some());
            let from = body_mention
                .and_then(|m| words.iter().position(|w| w.start == m.start))
                .map_or(start + begin, |first| first.min(start + begin));
            let text: Vec<&str> = words[from..=last].iter().map(|w| w.text).collect();
            // "An Indian official": the state of the demonym, if the article names it.
            let demonym_state = || {
                words[from..last].iter().find_map(|w| {
                    let (entry, _, form) = super::gazetteer::gazetteer().lookup(w.text)?;
                    (form == super::gazetteer::Form::Demonym)
                        .then(|| self.actors.find(&entry.name))
                        .flatten()
                })
            };
            return Some(Speaker::Unnamed(
                text.join(" "),
                body_mention
                    .and_then(|m| self.institution(m.actor))
                    .or_else(demonym_state),
            ));
        }
        None
    }

    /// The first named subject of the sentence before `limit` (for participle clauses).
    pub fn sentence_subject(
        &self,
        words: &[Word],
        sentence: Range<usize>,
        limit: usize,
    ) -> Option<Speaker> {
        let end = words.get(limit).map_or(sentence.end, |w| w.start);
        let first = words.first()?;
        // "The government says …, and insists …": a description opening the sentence, before
        // any name inside its clause ("one of the EU's least efficient …").
        if first.text == "The" {
            let head = words
                .iter()
                .take(4)
                .skip(1)
                .take_while(|w| w.text.chars().all(char::is_lowercase))
                .count();
            if head > 0
                && words.get(head + 1).is_some_and(|w| shows_subject(w.text))
                && let Some(found) = self.description(words, head, first.start)
            {
                return Some(found);
            }
        }
        // The named subject; else a name opening the sentence ("EADS and BAE Systems, the
        // firms which own Airbus, welcomed …").
        let subject = self
            .actors
            .mentions_in(sentence.start..end)
            .find(|m| m.subject)
            .or_else(|| {
                self.actors
                    .mentions_in(sentence.start..end)
                    .find(|m| m.start == first.start)
            });
        // Else the first name before the verb: "Foreign Minister X, 54, said …".
        let subject = subject.or_else(|| self.actors.mentions_in(sentence.start..end).next());
        if let Some(m) = subject {
            let last = words.iter().position(|w| w.end >= m.end).unwrap_or(0);
            return self.subject_ending_at(words, last, m.start);
        }
        if matches!(first.lower().as_str(), "he" | "she") {
            return self.salient_person(first.start).map(Speaker::Actor);
        }
        None
    }
}

/// People who speak for the body named before them: "Algeria’s delegation".
const REPRESENTATIVES: &[&str] = &[
    "presidency",
    "delegation",
    "delegations",
    "negotiators",
    "negotiator",
    "team",
    "embassy",
    "envoy",
    "officials",
];

/// Head nouns of descriptions that refer back to a named body, and the words such a body's
/// name may use instead ("the union" for a pilots' association).
const INSTITUTION_HEADS: &[(&str, &[&str])] = &[
    ("ministry", &["ministry"]),
    ("department", &["department"]),
    ("agency", &["agency"]),
    ("commission", &["commission"]),
    ("council", &["council"]),
    ("government", &["government"]),
    ("authority", &["authority"]),
    (
        "regulator",
        &["authority", "commission", "regulator", "agency"],
    ),
    (
        "union",
        &["union", "association", "federation", "confederation"],
    ),
    ("association", &["association"]),
    // "The industry group urged …": the last body named that a group could be.
    (
        "group",
        &[
            "group",
            "association",
            "federation",
            "confederation",
            "union",
            "unions",
            "society",
            "forum",
            "council",
            "alliance",
            "network",
            "coalition",
            "chamber",
        ],
    ),
    ("federation", &["federation"]),
    ("corporation", &["corporation", "corp"]),
    ("coalition", &["coalition", "alliance"]),
    ("alliance", &["alliance"]),
    (
        "party",
        &[
            "party", "front", "movement", "alliance", "congress", "league", "bloc",
        ],
    ),
    ("military", &["army", "armed", "military"]),
    ("army", &["army", "armed"]),
    ("court", &["court", "tribunal"]),
    ("tribunal", &["tribunal"]),
    ("committee", &["committee"]),
    ("bank", &["bank"]),
    ("fund", &["fund"]),
    ("institute", &["institute"]),
    ("foundation", &["foundation"]),
    ("movement", &["movement"]),
];

/// " and ", " and the ", " and Swiss-registered ": the gap between two names joined as one
/// subject.
fn joins_two_names(gap: &str) -> bool {
    let Some(rest) = past_abbreviation(gap).strip_prefix(" and ") else {
        return false;
    };
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    rest.is_empty()
        || rest
            .strip_suffix(' ')
            .is_some_and(|w| !w.contains(' ') && super::actors::modifier_word(w))
}

/// Words between "according to" and a body that issued a statement: "according to a
/// statement from the Union of …", "according to a letter issued by the ministry".
const STATEMENT_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "statement",
    "joint",
    "written",
    "press",
    "release",
    "letter",
    "communique",
    "communiqué",
    "from",
    "by",
    "issued",
    "released",
    "published",
    "posted",
];

/// The body behind "according to a statement from X" (`words[to]` is the "to"): the actor
/// named right after the statement words, which must include "from" or "by".
pub fn statement_source(resolver: &Resolver, words: &[Word], to: usize) -> Option<usize> {
    let rest = words.get(to + 1..)?;
    let skipped = rest
        .iter()
        .take_while(|w| STATEMENT_WORDS.contains(&w.lower().as_str()))
        .count();
    let gap = &rest[..skipped];
    let plain = gap.iter().all(|w| w.lower() == "the");
    let issued = gap.iter().any(|w| matches!(w.text, "from" | "by"))
        && gap.iter().any(|w| {
            w.text.starts_with("statement")
                || w.text.starts_with("communiq")
                || matches!(w.text, "release" | "letter")
        });
    if !plain && !issued {
        return None;
    }
    let first = rest.get(skipped)?;
    let mention = resolver.actors.mentions_before(first.end).next()?;
    (mention.start == first.start).then_some(mention.actor)
}

/// "…," said Brig. Gen. Kamal el-Tayeb: the name after an inverted reporting verb, preferring
/// a person over the organisation qualifying them.
pub fn inverted_subject(resolver: &Resolver, words: &[Word], verb: usize) -> Option<Speaker> {
    let from = words.get(verb + 1)?.start;
    // Never past the sentence: a name in the next paragraph did not say this.
    // "said Qatar’s minister of state for foreign affairs, Khalid bin Nasser Al-Sulaiti":
    // a long title may come first.
    let to = match words.get(verb + 12) {
        Some(w) => w.start,
        None => words.last().map_or(from, |w| w.end),
    };
    // "said they would back it only if Vargas …": a clause of its own starts before the name.
    let clause_between = |at: usize| {
        words[verb + 1..]
            .iter()
            .take_while(|w| w.start < at)
            .any(|w| {
                matches!(
                    w.text,
                    "that"
                        | "they"
                        | "he"
                        | "she"
                        | "it"
                        | "we"
                        | "would"
                        | "will"
                        | "was"
                        | "were"
                        | "is"
                        | "are"
                        | "had"
                        | "has"
                        | "if"
                        | "unless"
                )
            })
    };
    let near: Vec<&Mention> = resolver
        .actors
        .mentions_in(from..to)
        .filter(|m| m.start < to && !clause_between(m.start))
        .collect();
    let person = near.iter().find(|m| {
        resolver
            .actors
            .list
            .get(m.actor)
            .is_some_and(|a| a.kind == ActorKind::Person)
    });
    person
        .or(near.first().filter(|m| m.start == from))
        .map(|m| Speaker::Actor(m.actor))
}

/// " and the parents’ group ", " (ABPEC) and the government of ": a second name introduced by
/// a lower-case description, so the two names cannot be one title ("Energy and Mines Minister").
fn described_partner(gap: &str) -> bool {
    let gap = past_abbreviation(gap);
    let Some(rest) = gap
        .strip_prefix(" and the ")
        .or_else(|| gap.strip_prefix(" and a "))
    else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    (1..=3).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_lowercase))
}

/// " (LRP) and the ": the gap after a name, past the abbreviation it is given in brackets.
fn past_abbreviation(gap: &str) -> &str {
    gap.strip_prefix(" (")
        .and_then(|rest| rest.split_once(')'))
        .filter(|(abbreviation, _)| !abbreviation.is_empty() && !abbreviation.contains(' '))
        .map_or(gap, |(_, rest)| rest)
}

/// The words between two members of a list of names: ", ", " and ", ", the liberals of the ".
fn list_gap(gap: &str) -> bool {
    let gap = past_abbreviation(gap);
    let rest = if let Some(rest) = gap.strip_prefix(", and ") {
        rest
    } else if let Some(rest) = gap.strip_prefix(", ") {
        rest
    } else if let Some(rest) = gap.strip_prefix(" and ") {
        rest
    } else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    words.len() <= 6
        && !rest.contains([',', ';', ':', '.', '"', '“', '”', '(', ')'])
        && words.iter().all(|w| {
            let lower = w.to_lowercase();
            !REPORTING_VERBS.contains(&lower.as_str()) && !shows_subject(&lower)
        })
}
