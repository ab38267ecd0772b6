//! Who acts in an article: states and organisations from the gazetteer (by name, short form,
//! capital or seat, or "Japanese officials"), people and organisations from capitalised names,
//! and coreference inside the article (surname → full name, "MITI" → its full name).
//! A short form in brackets marks where a long name ends ("… for the Liberation of Rwanda
//! (FDLR)"); a policy or treaty given one ("Common Agricultural Policy (CAP)") is no actor.
//!
//! A state named only as a place ("talks in London") or as a title's modifier ("US President")
//! is not an actor; a capital counts only when it acts ("Moscow has insisted").

use super::gazetteer::{EntryKind, Form, gazetteer};
use super::lexicon::{
    BUSINESS_WORDS, COMPANY_NOUNS, CORPORATE_SUFFIXES, NOT_ACTOR_ACRONYMS, ORG_KEYWORDS,
    PORTFOLIOS, ROLE_NOUNS, VENUE_PREPOSITIONS, is_function_word, shows_subject,
};
use super::sentences::{Sentence, Word, possessive_len};
use crate::model::ActorKind;
use rustc_hash::{FxHashMap as HashMap, FxHashSet};
use std::ops::Range;

/// Nouns after a name that speak or act for it: "World Bank officials said".
const GROUP_NOUNS: &[&str] = &[
    "officials",
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "representatives",
    "leaders",
    "members",
    "member",
    "authorities",
    "negotiators",
    "diplomats",
    "ministers",
];

/// An actor found in the article.
#[derive(Clone, Debug, PartialEq)]
pub struct FoundActor {
    pub name: String,
    pub kind: ActorKind,
    /// Other names the article uses, and short forms (a person's surname).
    pub aliases: Vec<String>,
    /// For people: the title or role the article gives, e.g. "Russian President".
    pub role: String,
    /// Known from the gazetteer, not guessed from capitalisation.
    pub known: bool,
    /// Introduced by the article with a short form ("… Association (ABPEC)"): listed even if
    /// it is named once.
    pub introduced: bool,
}

/// One place where an actor is named.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub actor: usize,
    /// The name is followed by a verb: the actor does something here.
    pub subject: bool,
    /// The first acting name of its sentence: what a later "he" most likely refers to.
    pub leading: bool,
}

#[derive(Debug, Default)]
pub struct Actors {
    pub list: Vec<FoundActor>,
    /// Sorted by position.
    pub mentions: Vec<Mention>,
    /// States named only as places ("workers across Greece"), with where: what "the
    /// government" means when no state acts by name.
    pub places: Vec<(usize, usize)>,
    by_name: HashMap<String, usize>,
    /// Whole-text scans asked for before, by word: each word's text is searched once.
    surname_seen: HashMap<String, bool>,
    capital_seen: HashMap<String, bool>,
    /// Short forms of policies and treaties ("CAP"), which are never actors on their own.
    things: FxHashSet<String>,
}

impl Actors {
    fn add(&mut self, name: &str, kind: ActorKind) -> usize {
        // "Walvis Bay-based Benguela Fishing Co": where the body is based is not its name.
        let name = match name.split_once("-based ") {
            Some((_, rest)) if kind != ActorKind::Person && !rest.is_empty() => rest,
            _ => name,
        };
        // "The Caribbean Development Bank": a region written with its article opened the
        // name; the article is not part of how the body is called.
        let name = match name
            .strip_prefix("The ")
            .or_else(|| name.strip_prefix("the "))
        {
            Some(rest) if kind != ActorKind::Person && rest.contains(' ') => rest,
            _ => name,
        };
        if let Some(&index) = self.by_name.get(name) {
            return index;
        }
        // "the Argentine Rural Society" is "the Rural Society" later, and the other way round:
        // a demonym qualifies a body's name without being part of how it is called. Not for
        // ministries, which every state has.
        let unqualified = (kind == ActorKind::Other)
            .then(|| name.split_once(' '))
            .flatten()
            .filter(|(first, rest)| {
                rest.contains(' ')
                    && gazetteer()
                        .lookup(first)
                        .is_some_and(|(_, _, form)| form == Form::Demonym)
                    && rest.split(' ').any(|w| ORG_KEYWORDS.contains(&w))
            })
            .map(|(_, rest)| rest.to_owned());
        if let Some(rest) = &unqualified
            && let Some(&index) = self.by_name.get(rest.as_str())
        {
            self.alias(index, name);
            self.by_name.insert(name.to_string(), index);
            return index;
        }
        // "Hyundai Motor Co" is later "Hyundai Motor" or plain "Hyundai".
        let stem = name
            .rsplit_once(' ')
            .filter(|(stem, suffix)| CORPORATE_SUFFIXES.contains(suffix) && !stem.is_empty())
            .map(|(stem, _)| stem.to_owned());
        let index = self.list.len();
        self.list.push(FoundActor {
            name: name.to_string(),
            kind,
            aliases: Vec::new(),
            role: String::new(),
            known: false,
            introduced: false,
        });
        self.by_name.insert(name.to_string(), index);
        if let Some(rest) = unqualified {
            self.alias(index, &rest);
            self.by_name.insert(rest, index);
        }
        // "Korea Railroad Corp" is not "Korea": a place opening a name is no short form of it.
        let short_form = |first: &str| gazetteer().lookup(first).is_none();
        if let Some(stem) = stem {
            self.alias(index, &stem);
            if let Some((first, _)) = stem.split_once(' ')
                && short_form(first)
            {
                self.alias(index, first);
            }
        } else if kind == ActorKind::Other
            && let Some((first, rest)) = name.split_once(' ')
            && rest
                .rsplit(' ')
                .next()
                .is_some_and(|last| BUSINESS_WORDS.contains(&last))
            && !is_function_word(first)
            && short_form(first)
        {
            self.alias(index, first);
        }
        // "Bart De Wever" is "De Wever" after "Mr", and "De Vries" may open a sentence.
        let words: Vec<&str> = name.split_whitespace().collect();
        if kind == ActorKind::Person
            && words.len() >= 3
            && NAME_PARTICLES.contains(&words[words.len() - 2].to_lowercase().as_str())
        {
            let short = words[words.len() - 2..].join(" ");
            let mut capital = short.clone();
            if let Some(first) = capital.get(..1) {
                capital = format!("{}{}", first.to_uppercase(), &short[1..]);
            }
            self.alias(index, &short);
            self.alias(index, &capital);
        }
        // "Wang Jianping" is "Wang" later: family names come first in much of Asia. The
        // first name claims nothing another actor already holds.
        // "Hassan Omar Robleh" is "Hassan" later, as many Arab names are.
        if kind == ActorKind::Person
            && (words.len() == 2 || words.len() == 3 && !particle_name(words[1]))
            && let Some(first) = words.first()
            && !self.by_name.contains_key(*first)
            // "He Lifeng" is not every "He" that follows.
            && !is_function_word(first)
        {
            self.by_name.insert((*first).to_string(), index);
        }
        // "Marcelo Justiniano Rivero" is "Justiniano" later: the first of two surnames.
        // "Benedict Tan Wei Ming" is "Tan": an English name before a Chinese one.
        if kind == ActorKind::Person
            && (3..=4).contains(&words.len())
            && !words
                .iter()
                .any(|w| NAME_PARTICLES.contains(&w.to_lowercase().as_str()))
            && !self.by_name.contains_key(words[1])
        {
            self.by_name.insert(words[1].to_string(), index);
        }
        // "João Gomes Cravinho" is "Gomes Cravinho" later: both surnames together.
        if kind == ActorKind::Person && words.len() == 3 && !particle_name(words[1]) {
            self.by_name.entry(words[1..].join(" ")).or_insert(index);
        }
        if kind == ActorKind::Person
            && let Some(surname) = name.split_whitespace().last()
            && surname != name
        {
            self.by_name.entry(surname.to_string()).or_insert(index);
            self.alias(index, surname);
        }
        index
    }

    /// An actor from the gazetteer.
    fn add_known(&mut self, name: &str, kind: ActorKind) -> usize {
        let index = self.add(name, kind);
        if let Some(actor) = self.list.get_mut(index) {
            actor.known = true;
        }
        index
    }

    fn alias(&mut self, index: usize, alias: &str) {
        if let Some(actor) = self.list.get_mut(index)
            && actor.name != alias
            && !actor.aliases.iter().any(|a| a == alias)
        {
            actor.aliases.push(alias.to_string());
        }
        self.by_name.entry(alias.to_string()).or_insert(index);
    }

    fn mention(&mut self, text: &str, words: &[Word], range: Range<usize>, actor: usize) {
        let (Some(first), Some(last)) = (words.get(range.start), words.get(range.end - 1)) else {
            return;
        };
        // "…," said ministry spokeswoman Yelena Markova: the speaker after the verb.
        let inverted = (1..=4).any(|k| {
            range.start >= k
                && super::lexicon::REPORTING_VERBS
                    .contains(&words[range.start - k].text.to_lowercase().as_str())
                && range.start - k > 0
                && words.get(range.start - k - 1).is_some_and(|before| {
                    text.get(before.end..words[range.start - k].start)
                        .is_some_and(|gap| gap.contains([',', '"', '”']))
                })
        });
        // "The Kenya National Union of Teachers (KNUT) said": past the bracketed abbreviation.
        let bracketed = words.get(range.end).is_some_and(|w| in_brackets(text, w));
        let subject = subject_after(words, range.end)
            || (bracketed && subject_after(words, range.end + 1))
            || past_aside(text, words, range.end).is_some_and(|k| subject_after(words, k))
            || inverted;
        let sentence_start = words.first().map_or(0, |w| w.start);
        let leading = subject
            && !self
                .mentions
                .iter()
                .any(|m| m.subject && m.start >= sentence_start && m.start < first.start);
        self.mentions.push(Mention {
            start: first.start,
            end: last.end - possessive_len(last.text),
            actor,
            subject,
            leading,
        });
    }

    /// The state named most often before `before` (ties go to the one found first).
    /// Failing that, the state most often named as a place.
    pub fn most_named_state(&self, before: usize) -> Option<usize> {
        let is_state = |actor: &usize| {
            self.list
                .get(*actor)
                .is_some_and(|a| a.kind == ActorKind::State)
        };
        let named = self
            .mentions
            .iter()
            .take_while(|m| m.start < before)
            .map(|m| m.actor)
            .filter(is_state);
        let placed = self
            .places
            .iter()
            .take_while(|(at, _)| *at < before)
            .map(|&(_, actor)| actor);
        most_frequent(named).or_else(|| most_frequent(placed))
    }

    /// The multi-word organisation whose capitalised initials spell `acronym`.
    fn by_initials(&self, acronym: &str) -> Option<usize> {
        let letters: String = acronym.chars().filter(|c| c.is_alphabetic()).collect();
        self.list.iter().position(|a| {
            let initials: String = a
                .name
                .split_whitespace()
                .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
                .collect();
            a.kind != ActorKind::Person && initials.len() >= 2 && initials == letters
        })
    }

    /// The surname used alone somewhere in the text ("Mr Abbas", "Nakasone said").
    fn surname_elsewhere(&mut self, text: &str, surname: &str) -> bool {
        memo(&mut self.surname_seen, surname, || {
            surname_elsewhere(text, surname)
        })
    }

    /// `word` capitalised somewhere other than at a sentence's start.
    fn capitalised_mid_sentence(&mut self, text: &str, word: &str) -> bool {
        memo(&mut self.capital_seen, word, || {
            capitalised_mid_sentence(text, word)
        })
    }

    /// The actor a name or alias refers to, if known.
    pub fn find(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).copied()
    }

    /// Mentions inside a byte range.
    pub fn mentions_in(&self, range: Range<usize>) -> impl Iterator<Item = &Mention> {
        // Mentions are sorted by start: find the window by binary search, not a scan.
        let from = self.mentions.partition_point(|m| m.start < range.start);
        let to = self.mentions.partition_point(|m| m.start < range.end);
        self.mentions[from..to.max(from)]
            .iter()
            .filter(move |m| m.end <= range.end)
    }

    /// Mentions that start before `at`, nearest first.
    pub fn mentions_before(&self, at: usize) -> std::iter::Rev<std::slice::Iter<'_, Mention>> {
        let to = self.mentions.partition_point(|m| m.start < at);
        self.mentions[..to].iter().rev()
    }
}

/// The actor that occurs most often (ties go to the one with the lower index).
fn most_frequent(actors: impl Iterator<Item = usize>) -> Option<usize> {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for actor in actors {
        match counts.iter_mut().find(|(a, _)| *a == actor) {
            Some((_, n)) => *n += 1,
            None => counts.push((actor, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(a, n)| (n, std::cmp::Reverse(a)))
        .map(|(a, _)| a)
}

/// A name as written, its words joined: only a possessive closing it is not part of it
/// ("People’s Progressive Party’s leader" names the "People’s Progressive Party").
fn written_name(text: &str, run: &[Word]) -> String {
    let last = run.len().saturating_sub(1);
    let words: Vec<&str> = run
        .iter()
        .enumerate()
        .map(|(n, w)| {
            if n == last {
                base(w.text)
            } else if w.text == "St" && text.get(w.end..w.end + 1) == Some(".") {
                // "Ronald St. Hill" keeps its full stop.
                text.get(w.start..w.end + 1).unwrap_or(w.text)
            } else if text.get(w.end..w.end + 3) == Some(" & ") {
                // "Medicare & Medicaid" keeps its ampersand.
                text.get(w.start..w.end + 2).unwrap_or(w.text)
            } else if text.get(w.end..w.end + 2) == Some(", ") {
                // "Ministry of Economy, Trade and Industry" keeps its comma.
                text.get(w.start..w.end + 1).unwrap_or(w.text)
            } else {
                w.text
            }
        })
        .collect();
    words.join(" ")
}

fn base(word: &str) -> &str {
    &word[..word.len() - possessive_len(word)]
}

fn is_possessive(word: &str) -> bool {
    possessive_len(word) > 0
}

/// Whether the words from `after` on show the name before them acting as a subject.
fn subject_after(words: &[Word], after: usize) -> bool {
    let Some(next) = words.get(after) else {
        return false;
    };
    // "Anastasiades on Friday announced": a time between the name and its verb.

    if next.text == "on"
        && words
            .get(after + 1)
            .is_some_and(|w| crate::model::WEEKDAY_NAMES.contains(&w.text))
    {
        return subject_after(words, after + 2);
    }
    // "a meeting in Shymkent later this month": a time, not a verb, follows the place.
    if matches!(next.text, "later" | "earlier")
        && words.get(after + 1).is_some_and(|w| {
            matches!(
                w.text,
                "this" | "next" | "that" | "in" | "on" | "today" | "than"
            )
        })
    {
        return false;
    }
    if shows_subject(next.text) || matches!(next.text, "which" | "who") {
        return true;
    }
    // "MITI officials later sought …": the officials act for the name before them.
    if in_list(GROUP_NOUNS, next.text) {
        return words.get(after + 1).is_some_and(|w| shows_subject(w.text));
    }
    if people_of_name_act(None, words, after) {
        return true;
    }
    // "Airbus and Boeing accuse ...": the verb follows the second name.
    // "The Democratic Progressive Party (DPP) and the UTM Party say …" too.
    if next.text == "and" {
        let mut k = after + 1;
        if words.get(k).is_some_and(|w| w.text == "the") {
            k += 1;
        }
        let first = k;
        while words.get(k).is_some_and(Word::is_capitalised) {
            // "Oceans and Fisheries Minister Park said": a portfolio, not two subjects.
            if gazetteer().is_title(words[k].text) || in_list(ROLE_NOUNS, words[k].text) {
                return false;
            }
            k += 1;
        }
        return k > first && words.get(k).is_some_and(|w| shows_subject(w.text));
    }
    false
}

/// "EU finance ministers discussed", "G7 finance ministers also agreed": people named by a
/// portfolio or trade after the name, acting for it.
/// An aside may come between them and their verb: "The G7 finance ministers, meeting in
/// Washington, also discussed".
fn people_of_name_act(text: Option<&str>, words: &[Word], after: usize) -> bool {
    let lower_case = |w: &Word| w.text.chars().next().is_some_and(char::is_lowercase);
    (1..=2).any(|k| {
        words
            .get(after..after + k)
            .is_some_and(|run| run.iter().all(lower_case))
            && words.get(after + k).is_some_and(|w| {
                matches!(
                    w.text,
                    "officials" | "leaders" | "ministers" | "negotiators" | "diplomats"
                )
            })
            && {
                let people = after + k + 1;
                let mut verb = match text {
                    Some(text) if aside_after(text, words, people).is_some() => (people + 1
                        ..(people + 10).min(words.len()))
                        .find(|&j| {
                            text.get(words[j - 1].end..words[j].start)
                                .is_some_and(|gap| gap.trim() == ",")
                        })
                        .unwrap_or(people),
                    _ => people,
                };
                if words
                    .get(verb)
                    .is_some_and(|w| matches!(w.text, "also" | "have" | "has" | "had"))
                {
                    verb += 1;
                }
                words.get(verb).is_some_and(|w| shows_subject(w.text))
            }
    })
}

/// "the Thai province of Hua Hin", "the port city of Puerto Madryn": a place, not a person.
fn place_named_after(words: &[Word], i: usize) -> bool {
    i >= 2
        && words[i - 1].text == "of"
        && matches!(
            words[i - 2].text,
            "province"
                | "city"
                | "town"
                | "region"
                | "district"
                | "village"
                | "island"
                | "port"
                | "county"
                | "state"
                | "capital"
                | "temple"
        )
}

/// "…," said European Commissioner for Home Affairs Ylva Johansson: a reporting verb right
/// before the name or before the title that leads to it.
fn reported_before(words: &[Word], i: usize) -> bool {
    words[..i]
        .iter()
        .rev()
        .take(9)
        .find(|w| !(w.is_capitalised() || matches!(w.text, "for" | "of" | "and")))
        .is_some_and(|w| super::lexicon::REPORTING_VERBS.contains(&w.text.to_lowercase().as_str()))
}

fn gap_is_space(text: &str, a: &Word, b: &Word) -> bool {
    text.get(a.end..b.start)
        .is_some_and(|g| g.chars().all(|c| c == ' '))
}

fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && !word.starts_with('-')
        && !word.ends_with('-')
        && word
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '&' || c == '-')
}

/// An organisation's abbreviation used as its name: "the N-VA", "of CD&V", "MR president".
fn acronym_actor(words: &[Word], i: usize, single: &str) -> bool {
    if !is_acronym(single) || NOT_ACTOR_ACRONYMS.contains(&single.to_uppercase().as_str()) {
        return false;
    }
    let prev = i
        .checked_sub(1)
        .and_then(|p| words.get(p))
        .map_or("", |w| w.text);
    let next = words.get(i + 1).map_or("", |w| w.text);
    matches!(prev, "the" | "The" | "of")
        || gazetteer().is_title(next)
        || (next == "," && matches!(words.get(i + 2).map(|w| w.text), Some("the")))
}

/// Lower-case particles inside personal names: "Abdulaziz bin Salman", "Kamal el-Tayeb".
const NAME_PARTICLES: &[&str] = &[
    "bin", "ibn", "al", "el", "de", "da", "di", "du", "dos", "das", "del", "della", "van", "von",
    "der", "den", "ter", "ten", "le", "la", "abu", "bint", "ould", "ag", "ben",
];

/// "el-Tayeb", "al-Sisi": a particle joined to a capitalised name.
fn particle_name(word: &str) -> bool {
    word.split_once('-').is_some_and(|(particle, rest)| {
        NAME_PARTICLES.contains(&particle) && rest.chars().next().is_some_and(char::is_uppercase)
    })
}

fn person_shaped(run: &[Word]) -> bool {
    let last = run.len().saturating_sub(1);
    (2..=5).contains(&run.len())
        && run.iter().enumerate().all(|(n, w)| {
            let b = base(w.text);
            let particle = n > 0 && (NAME_PARTICLES.contains(&b) && n < last || particle_name(b));
            particle
                || (b.chars().next().is_some_and(char::is_uppercase)
                    && b.chars()
                        .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
                    && !is_acronym(b))
        })
}

fn org_kind(run: &[Word]) -> ActorKind {
    let has = |k: &[&str]| run.iter().any(|w| k.contains(&base(w.text)));
    if has(&[
        "Ministry",
        "Department",
        "Cabinet",
        "Treasury",
        "Government",
        "Authority",
    ]) {
        ActorKind::Government
    } else if has(&["Party", "Front", "Movement"]) {
        ActorKind::Party
    } else {
        ActorKind::Other
    }
}

/// Finds the actors of `text`, sentence by sentence, skipping the dateline (`skip` bytes).
pub fn find_actors(text: &str, sentences: &[Sentence], skip: usize) -> Actors {
    let mut actors = Actors::default();
    let kept: Vec<Vec<Word>> = sentences
        .iter()
        .map(|s| {
            s.words
                .iter()
                .copied()
                .filter(|w| w.start >= skip)
                .collect()
        })
        .collect();
    // Two passes: the first learns full names, so that a surname used before or after the full
    // name resolves to the same person.
    for pass in 0..2 {
        actors.mentions.clear();
        for words in &kept {
            scan_sentence(text, words, &mut actors, pass == 1);
        }
    }
    actors.mentions.sort_by_key(|m| m.start);
    qualify_national_bodies(&mut actors);
    actors
}

impl Actors {
    /// "NAIROBI (Reuters) - … as the government insisted": a dateline in a capital places the
    /// story in its state, which "the government" means until a state is named.
    pub fn place_dateline(&mut self, place: &str) {
        // "THE HAGUE" is written "The Hague" in the gazetteer; "ALMATY, Kazakhstan" names both.
        let city = place.split(',').next().unwrap_or(place);
        let written: Vec<String> = city
            .split_whitespace()
            .map(|w| {
                let mut chars = w.chars();
                chars.next().map_or(String::new(), |first| {
                    first
                        .to_uppercase()
                        .chain(chars.flat_map(char::to_lowercase))
                        .collect()
                })
            })
            .collect();
        let Some((entry, _, form)) = gazetteer().lookup(&written.join(" ")) else {
            return;
        };
        if entry.kind == EntryKind::State && matches!(form, Form::Metonym | Form::Name) {
            let actor = self.add_known(&entry.name, entry.actor_kind());
            self.places.insert(0, (0, actor));
        }
    }
}

/// "the Ministry of Education" in a story about Kenya is also "Kenyan Ministry of Education":
/// a government body named without its state gets that form as an alias, from the state the
/// article names most.
fn qualify_national_bodies(actors: &mut Actors) {
    let Some(state) = actors
        .most_named_state(usize::MAX)
        .and_then(|a| actors.list.get(a))
    else {
        return;
    };
    let Some(entry) = gazetteer().entries.iter().find(|e| e.name == state.name) else {
        return;
    };
    let demonym = entry.demonym().to_string();
    let mut forms = vec![entry.name.clone()];
    forms.extend(entry.demonyms.iter().cloned());
    for index in 0..actors.list.len() {
        let Some(body) = actors.list.get(index) else {
            continue;
        };
        // "Emirati Energy Ministry" already says whose it is.
        let qualified_already = body.name.split(' ').next().is_some_and(|first| {
            gazetteer()
                .lookup(first)
                .is_some_and(|(e, _, _)| matches!(e.kind, EntryKind::State | EntryKind::Region))
        });
        let national = body.kind == ActorKind::Government
            && !body.known
            && !qualified_already
            && !forms.iter().any(|f| body.name.contains(f.as_str()));
        if national {
            let qualified = format!("{demonym} {}", body.name);
            actors.alias(index, &qualified);
        }
    }
}

fn gazetteer_match(words: &[Word], i: usize) -> Option<(usize, usize, Form, EntryKind)> {
    let g = gazetteer();
    let first = &words[i];
    let longest = g
        .longest_from(first.text)
        .max(g.longest_from(base(first.text)))
        .min(words.len() - i);
    if longest == 0 {
        return None;
    }
    for k in (1..=longest).rev() {
        let surface: Vec<&str> = words[i..i + k]
            .iter()
            .enumerate()
            .map(|(n, w)| if n + 1 == k { base(w.text) } else { w.text })
            .collect();
        // Possessives only end a match: "Sudan’s Irrigation" is not one name.
        if words[i..i + k - 1].iter().any(|w| is_possessive(w.text)) {
            continue;
        }
        let surface = surface.join(" ");
        if let Some((entry, index, form)) = g.lookup(&surface) {
            return Some((k, index, form, entry.kind));
        }
        if k == 1 && g.is_title(&surface) {
            return g
                .lookup(&surface.to_lowercase())
                .map(|(e, index, f)| (1, index, f, e.kind));
        }
    }
    None
}

fn scan_sentence(text: &str, words: &[Word], actors: &mut Actors, record: bool) {
    let g = gazetteer();
    let defined = names_given_a_short_form(text, words);
    let mut title_end: Option<usize> = None;
    let mut title_words: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let word = &words[i];
        let prev = i.checked_sub(1).and_then(|p| words.get(p));
        if let Some(named) = defined.iter().find(|n| n.start == i && n.thing) {
            actors.things.insert(named.short.clone());
            i = named.end + 1;
            continue;
        }
        if let Some(named) = defined.iter().find(|n| n.start == i) {
            let run = &words[i..named.end];
            let actor = actors.add(&written_name(text, run), org_kind(run));
            if let Some(found) = actors.list.get_mut(actor) {
                found.introduced = true;
            }
            actors.alias(actor, &named.short);
            if record {
                actors.mention(text, words, i..named.end, actor);
            }
            title_words.clear();
            title_end = None;
            // Past the name and its bracketed short form.
            i = named.end + 1;
            continue;
        }
        let prev_text = prev.map_or("", |w| w.text);
        let prev_is = |w: &str| prev_text.eq_ignore_ascii_case(w);
        // "Senator Joanne Pike of Utah": where a person named just before is from.
        let home = prev_is("of")
            && i >= 2
            && words[i - 2].is_capitalised()
            && !is_acronym(words[i - 2].text)
            && !ORG_KEYWORDS.contains(&base(words[i - 2].text))
            && !gazetteer().is_title(words[i - 2].text)
            && actors.find(base(words[i - 2].text)).is_some_and(|a| {
                actors
                    .list
                    .get(a)
                    .is_some_and(|a| a.kind == ActorKind::Person)
            });
        let venue = in_list(VENUE_PREPOSITIONS, prev_text)
            || (prev_is("the") && i >= 2 && in_list(VENUE_PREPOSITIONS, words[i - 2].text));
        // "Nusantara Biologics", "Brussels Airlines": a capital's name opening a longer name is
        // part of that name, not the seat of government.
        let opens_name = |k: usize| {
            words.get(i + k).is_some_and(|n| {
                n.is_capitalised()
                    && gap_is_space(text, &words[i + k - 1], n)
                    && !is_function_word(n.text)
                    && !crate::model::WEEKDAY_NAMES.contains(&n.text)
                    && crate::model::month_from_name(n.text).is_none()
                    && gazetteer_match(words, i + k).is_none()
            })
        };
        // "Parents Victoria", "Lake Victoria": closing a longer name, it is not the seat either.
        // "the Australian state of Victoria will …": a place of that name, not the seat.
        // Asked only of a capital's name: the gazetteer lookup of the word before is not free.
        let closes_name = || {
            let place_of = prev_is("of")
                && i >= 2
                && in_list(
                    &[
                        "state", "province", "city", "town", "region", "county", "port",
                    ],
                    words[i - 2].text,
                );
            place_of
                || prev.is_some_and(|p| {
                    p.is_capitalised()
                        && gap_is_space(text, p, word)
                        && !is_function_word(p.text)
                        && !is_possessive(p.text)
                        && gazetteer_match(words, i - 1).is_none()
                })
        };
        // "The Independent Petroleum Marketers Association": an outlet's name opening a longer
        // name is part of it too.
        let matched = gazetteer_match(words, i).filter(|&(k, _, form, kind)| {
            !(form == Form::Metonym && (opens_name(k) || closes_name()))
                && !(kind == EntryKind::Outlet && opens_name(k))
        });
        if let Some((k, index, form, kind)) = matched {
            let lower_case_ministry = (kind == EntryKind::State
                && (form == Form::Demonym || is_possessive(words[i + k - 1].text)))
            .then(|| lowercase_ministry(words, i + k))
            .flatten();
            let group_end = (form == Form::Demonym)
                .then(|| lowercase_group(words, i + k))
                .flatten();
            let Some(entry) = g.entries.get(index) else {
                break;
            };
            let last = &words[i + k - 1];
            let next = words.get(i + k);
            let next_is_title =
                next.is_some_and(|n| g.is_title(n.text) || in_list(ROLE_NOUNS, n.text));
            match (kind, form) {
                (EntryKind::Title, _) => {
                    title_words.extend(words[i..i + k].iter().map(|w| w.text));
                    title_end = Some(i + k);
                    i += k;
                    continue;
                }
                (EntryKind::Outlet, _) => {}
                // "French fishermen blockaded ports", "Pakistani business leaders believe": a
                // group that takes its own stance, named by what its members are.
                (EntryKind::State | EntryKind::Region, _) if group_end.is_some() => {
                    let end = group_end.unwrap_or(i + k);
                    // "Central and Eastern European states".
                    let mut from = i;
                    if from > 0 && DIRECTIONS.contains(&words[from - 1].text) {
                        from -= 1;
                    }
                    if from >= 2
                        && words[from - 1].text == "and"
                        && DIRECTIONS.contains(&words[from - 2].text)
                    {
                        from -= 2;
                    }
                    add_group(actors, text, words, from..end, record);
                    title_end = None;
                    i = end;
                    continue;
                }
                // "Norway and the Faroe Islands rejected": a territory with its own
                // government, acting as a subject, is an actor; any other region is a place.
                (EntryKind::Region, Form::Name)
                    if entry.governs
                        && !venue
                        && !home
                        && !is_possessive(last.text)
                        && acts_after(text, words, i + k) =>
                {
                    if record {
                        let actor = actors.add_known(&entry.name, ActorKind::Government);
                        actors.mention(text, words, i..i + k, actor);
                    }
                }
                (EntryKind::Region, _)
                    if !(next.is_some_and(|n| gap_is_space(text, last, n))
                        && org_run_end(text, words, i + k).is_some()) => {}
                (EntryKind::State, Form::Demonym | Form::Name) if lower_case_ministry.is_some() => {
                    if let Some((end, ministry)) = lower_case_ministry {
                        let demonym = entry.demonym();
                        let actor =
                            actors.add(&format!("{demonym} {ministry}"), ActorKind::Government);
                        if record {
                            actors.mention(text, words, i..end, actor);
                        }
                        title_end = None;
                        i = end;
                        continue;
                    }
                }
                (EntryKind::State | EntryKind::Region, Form::Demonym | Form::Name)
                | (EntryKind::Org, Form::Name)
                    if !is_possessive(last.text)
                        && next.is_some_and(|n| gap_is_space(text, last, n))
                        && org_run_end(text, words, i + k).is_some() =>
                {
                    // "China Coast Guard", "Sudanese Armed Forces", "EU Monitoring Mission": a
                    // state's or an organisation's own body.
                    let end = org_run_end(text, words, i + k).unwrap_or(i + k);
                    // Named in the first pass too, so a later "(KNUT)" alone finds it.
                    let actor = actors.add(
                        &written_name(text, &words[i..end]),
                        org_kind(&words[i + k..end]),
                    );
                    if let Some(acronym) = words
                        .get(end - 1)
                        .and_then(|w| acronym_after(text, &words[i], w))
                    {
                        actors.alias(actor, &acronym);
                    }
                    if record {
                        actors.mention(text, words, i..end, actor);
                    }
                    title_end = None;
                    i = end;
                    continue;
                }
                (_, Form::Demonym) => {
                    let group = next.is_some_and(|n| {
                        in_list(
                            &[
                                "government",
                                "officials",
                                "authorities",
                                "forces",
                                "military",
                                "army",
                                "troops",
                                "navy",
                                "ministry",
                                "cabinet",
                            ],
                            n.text,
                        )
                    });
                    if group && record {
                        let actor = actors.add_known(&entry.name, entry.actor_kind());
                        actors.mention(text, words, i..i + k + 1, actor);
                    } else if next_is_title || next.is_some_and(Word::is_capitalised) {
                        title_words.push(word.text);
                    }
                }
                (_, Form::Metonym) => {
                    // "The authorities in Tskhinvali said": the seat stands for its government.
                    let governs = prev_is("in")
                        && i >= 2
                        && in_list(
                            &["authorities", "officials", "government", "leadership"],
                            words[i - 2].text,
                        );
                    let acts = subject_after(words, i + k)
                        || is_possessive(last.text)
                        || prev_is("by")
                        || prev_is("against")
                        || governs;
                    if acts && (!venue || governs) && record {
                        let actor = actors.add_known(&entry.name, entry.actor_kind());
                        actors.alias(actor, base(last.text));
                        actors.mention(text, words, i..i + k, actor);
                    }
                }
                (_, Form::Name) => {
                    // "Sudan’s Irrigation Ministry": a state's organ, named by its demonym.
                    if is_possessive(last.text)
                        && let Some(end) = org_run_end(text, words, i + k)
                        && !titles_after(words, end)
                    {
                        if record {
                            let demonym = entry.demonym();
                            let rest: Vec<&str> =
                                words[i + k..end].iter().map(|w| base(w.text)).collect();
                            let rest = rest.join(" ");
                            let kind = org_kind(&words[i + k..end]);
                            let qualified = format!("{demonym} {rest}");
                            // "Italy's Castellan Energy", "Georgia's Central Election Commission":
                            // a company or a national body is called by its own name; the state
                            // only says whose it is. A "Supreme Court" or a "Foreign Ministry"
                            // needs the state to say which.
                            let own_name = kind == ActorKind::Other
                                && (rest.split(' ').any(|w| {
                                    BUSINESS_WORDS.contains(&w) || CORPORATE_SUFFIXES.contains(&w)
                                }) || rest.starts_with("National ")
                                    || rest.starts_with("Central "));
                            let actor = if own_name {
                                let actor = actors.add(&rest, kind);
                                actors.alias(actor, &qualified);
                                actor
                            } else {
                                let actor = actors.add(&qualified, kind);
                                actors.alias(actor, &rest);
                                actor
                            };
                            let written = format!("{} {rest}", last.text);
                            actors.alias(actor, &written);
                            actors.mention(text, words, i..end, actor);
                        }
                        i = end;
                        continue;
                    }
                    // "South Africa's Eskom, the largest member of the pool, said": a state's
                    // company, named by one word the article has not given a person.
                    if is_possessive(last.text)
                        && let Some(company) = next
                        && company.is_capitalised()
                        && !is_possessive(company.text)
                        && gap_is_space(text, last, company)
                        && !is_function_word(company.text)
                        && !is_acronym(company.text)
                        && !common_noun(company.text)
                        && gazetteer_match(words, i + k).is_none()
                        && actors.find(company.text).is_none()
                        && !words.get(i + k + 1).is_some_and(Word::is_capitalised)
                        && !titles_after(words, i + k)
                        && (aside_after(text, words, i + k + 1)
                            .is_some_and(|w| matches!(w, "the" | "a" | "an" | "which"))
                            || subject_after(words, i + k + 1))
                    {
                        let actor = actors.add(company.text, ActorKind::Other);
                        if record {
                            actors.mention(text, words, i + k..i + k + 1, actor);
                        }
                        i += k + 1;
                        continue;
                    }
                    // "European Commission spokesman Eric Mamer" titles a person; "a European
                    // Commission spokesman said" names the body the unnamed speaker is for.
                    let unnamed_speaker = next.is_some_and(|n| in_list(GROUP_NOUNS, n.text))
                        && words.get(i + k + 1).is_some_and(|w| !w.is_capitalised());
                    let titles_someone = next_is_title && !unnamed_speaker;
                    let modifier = titles_someone
                        || next.is_some_and(|n| {
                            gap_is_space(text, last, n)
                                && !is_possessive(last.text)
                                && n.text.chars().next().is_some_and(char::is_lowercase)
                                && !shows_subject(n.text)
                                && !is_function_word(n.text)
                                && !in_list(GROUP_NOUNS, n.text)
                        }) && !people_of_name_act(Some(text), words, i + k);
                    if next_is_title {
                        title_words.push(word.text);
                    }
                    if let Some(acronym) = acronym_after(text, word, last)
                        && record
                    {
                        let actor = actors.add_known(&entry.name, entry.actor_kind());
                        actors.alias(actor, &acronym);
                    }
                    if venue && record && entry.kind == EntryKind::State {
                        let actor = actors.add_known(&entry.name, entry.actor_kind());
                        actors.places.push((word.start, actor));
                    }
                    if !modifier && !venue && record {
                        let actor = actors.add_known(&entry.name, entry.actor_kind());
                        let written: Vec<&str> = words[i..i + k].iter().map(|w| w.text).collect();
                        actors.alias(actor, base(&written.join(" ")));
                        actors.mention(text, words, i..i + k, actor);
                    }
                }
            }
            title_end = None;
            i += k;
            continue;
        }
        // "Western nations accuse …": a group named by where its members are.
        if DIRECTIONS.contains(&word.text)
            && let Some(end) = lowercase_group(words, i + 1)
        {
            add_group(actors, text, words, i..end, record);
            title_words.clear();
            title_end = None;
            i = end;
            continue;
        }
        // "The All India Drug Action Network": "All" opening an organisation's name.
        let opens_org = word.text == "All" && org_run_end(text, words, i + 1).is_some();
        // "“…,” May said": the surname of "Theresa May", named earlier, not the month.
        let surname_may = word.text == "May"
            && !words
                .get(i + 1)
                .is_some_and(|w| w.text.starts_with(|c: char| c.is_ascii_digit()))
            && !matches!(
                prev_text,
                "in" | "In"
                    | "on"
                    | "by"
                    | "since"
                    | "until"
                    | "of"
                    | "from"
                    | "through"
                    | "last"
                    | "next"
                    | "early"
                    | "late"
                    | "mid"
                    | "this"
                    | "before"
                    | "after"
                    | "during"
            )
            && actors
                .find("May")
                .and_then(|a| actors.list.get(a))
                .is_some_and(|a| a.kind == ActorKind::Person);
        // "Vice Premier He Lifeng": after a title, "He" opens a name.
        let titled_name = title_end == Some(i)
            && word.text == "He"
            && words
                .get(i + 1)
                .is_some_and(|n| n.is_capitalised() && !is_function_word(n.text));
        if !opens_org
            && !surname_may
            && !titled_name
            && (!word.is_capitalised()
                || (i == 0 && is_function_word(word.text))
                || is_function_word(word.text) && !word.text.chars().all(char::is_uppercase))
        {
            if !word.is_capitalised() && !in_list(ROLE_NOUNS, word.text) && word.text != "," {
                // A lower-case word ends any title that was building up.
                if title_end != Some(i) {
                    title_words.clear();
                }
            }
            i += 1;
            continue;
        }
        if modifier_word(word.text) {
            i += 1;
            continue;
        }
        // "Minister of Industry and Trade Nguyen Van Thanh": the portfolio ends the title.
        if PORTFOLIOS.contains(&word.text)
            && (matches!(prev_text, "of" | "and" | "for") || PORTFOLIOS.contains(&prev_text))
        {
            i += 1;
            continue;
        }
        // "(EUMM)" right after a name defines that name's abbreviation; it is not a new name.
        if i > 0
            && in_brackets(text, word)
            && (abbreviation(word.text)
                || words[..i].iter().rev().take(8).any(|first| {
                    acronym_after(text, first, &words[i - 1]).as_deref() == Some(word.text)
                }))
        {
            i += 1;
            continue;
        }
        let in_quote = inside_quotes(text, words, word.start);
        let end = run_end(text, words, i);
        let run = &words[i..end];
        let after_title = title_end == Some(i)
            || prev.is_some_and(|p| in_list(ROLE_NOUNS, p.text))
            || (i >= 2
                && text
                    .get(words[i - 1].end..word.start)
                    .is_some_and(|g| g.trim() == ",")
                && in_list(ROLE_NOUNS, words[i - 1].text));
        let role: String = title_words.join(" ");
        title_words.clear();
        title_end = None;
        let last = &run[run.len() - 1];
        let acronym_def = acronym_after(text, &run[0], last);
        let org = run.iter().any(|w| ORG_KEYWORDS.contains(&base(w.text)));
        let joined = written_name(text, run);
        let known = actors.find(&joined).or_else(|| {
            // "RSF" for the "Rapid Support Forces" named earlier.
            (run.len() == 1 && is_acronym(&joined))
                .then(|| actors.by_initials(&joined))
                .flatten()
        });
        // "Boreal" for "Boreal Launch", "Andean Crest" for "Andean Crest Mining": a company
        // named earlier by its full name.
        let known = known.or_else(|| {
            (!is_acronym(&joined))
                .then(|| {
                    actors.list.iter().position(|a| {
                        a.kind == ActorKind::Other
                            && !a.known
                            && a.name
                                .strip_prefix(joined.as_str())
                                .is_some_and(|rest| rest.starts_with(' '))
                    })
                })
                .flatten()
        });
        // "the leftist Frente Patria party", "the Labour and Green parties": a name the
        // article calls a party. A one-word name is known with "Party" ("Labour Party").
        let party_word = |at: usize| {
            words
                .get(at)
                .is_some_and(|w| matches!(w.text, "party" | "parties"))
        };
        let party_after = !in_quote
            && (party_word(end)
                || (words.get(end).is_some_and(|w| w.text == "and")
                    && words.get(end + 1).is_some_and(Word::is_capitalised)
                    && run_end(text, words, end + 1) == end + 2
                    && party_word(end + 2)));
        let actor = if let Some(known) = known {
            Some(known)
        } else if party_after {
            let (name, other) = if run.len() == 1 && !is_acronym(&joined) {
                (format!("{joined} Party"), joined.clone())
            } else {
                (joined.clone(), format!("{joined} Party"))
            };
            // Listed even if it only acts in the passive ("filed by the … party").
            let actor = actors.add_known(&name, ActorKind::Party);
            actors.alias(actor, &other);
            Some(actor)
        } else if org && run.len() == 1 {
            let keyword = joined.to_lowercase();
            actors.list.iter().rposition(|a| {
                a.name.to_lowercase().contains(&keyword) && a.name.len() > joined.len()
            })
        } else if org {
            Some(actors.add(&joined, org_kind(run)))
        } else if acronym_def.is_some() && run.len() >= 2 && !in_quote && !names_a_thing(last) {
            // "the Civic List (GL)": a name given an abbreviation is an organisation's.
            Some(actors.add(&joined, ActorKind::Other))
        } else if person_shaped(run)
            && prev.is_some_and(|p| {
                in_list(COMPANY_NOUNS, p.text)
                    || ["-listed", "-based", "-owned", "-backed"]
                        .iter()
                        .any(|suffix| p.text.ends_with(suffix))
            })
        {
            // "artificial intelligence start-up Lumora Labs": a name the article calls a company.
            Some(actors.add(&joined, ActorKind::Other))
        } else if person_shaped(run)
            // "Hurricane Irma", "Typhoon Hagibis": weather, not people; "Upper Nile", "New
            // South Wales", "Puerto Madryn": places.
            && !PLACE_OR_WEATHER_OPENERS.contains(&word.text)
            && !place_named_after(words, i)
            && !prev_is("the")
            && !prev_is("a")
            && !prev_is("an")
            && !in_quote
        {
            // "Dmitry Sokolov of the Federal Agency for Fishery": a person by affiliation.
            let affiliated = words.get(end).is_some_and(|w| w.text == "of")
                && words.get(end + 1).is_some_and(|w| w.text == "the")
                && words.get(end + 2).is_some_and(Word::is_capitalised);
            // ", Les Engagés and …": a member of a list of names.
            let after_comma = text
                .get(..word.start)
                .is_some_and(|before| before.trim_end().ends_with(','));
            let before_separator = words.get(end).is_some_and(|n| n.text == "and")
                || text
                    .get(last.end..)
                    .is_some_and(|after| after.starts_with(','));
            let listed = after_comma && before_separator;
            // "…," said Nomvula Khumalo: a name right after a reporting verb speaks.
            // "According to Seyoum Mesfin, the mediator": a named source.
            let reported = reported_before(words, i)
                || (prev_is("to") && i >= 2 && words[i - 2].text.eq_ignore_ascii_case("according"));
            // "Renovacion Civica and Alianza Andina, the two largest parties, said".
            let party_aside = appositive_names(text, words, end, PARTY_NOUNS)
                || (words.get(end).is_some_and(|w| w.text == "and")
                    && words.get(end + 1).is_some_and(Word::is_capitalised)
                    && appositive_names(text, words, run_end(text, words, end + 1), &["parties"]));
            // "Kestrel Mobile, the country's largest operator, said": an appositive that
            // calls the name a company makes it an organisation.
            if appositive_company(text, words, end) {
                Some(actors.add(&joined, ActorKind::Other))
            } else if party_aside {
                Some(actors.add_known(&joined, ActorKind::Party))
            } else {
                // "Iain Wright MP, Chair of …": letters after a name that only a person has.
                let postnominal = words.get(end).is_some_and(|w| {
                    matches!(w.text, "MP" | "MEP" | "MSP" | "MLA" | "MPP" | "QC" | "KC")
                });
                let evidence = after_title
                    || postnominal
                    || reported
                    || affiliated
                    || listed
                    || subject_after(words, end)
                    || appositive_role(text, words, end)
                    || reports_past_aside(text, words, end)
                    || actors.surname_elsewhere(text, base(last.text))
                    || (run.len() == 3 && actors.surname_elsewhere(text, run[1].text));
                // "Kyobo Securities said": a business word closing the name makes a company.
                let kind = if BUSINESS_WORDS.contains(&base(last.text)) {
                    ActorKind::Other
                } else {
                    ActorKind::Person
                };
                evidence.then(|| actors.add(&joined, kind))
            }
        } else if run.len() == 1
            && base(word.text).chars().nth(1).is_some()
            // "his Ministers were": people by their office, not a name.
            && !word
                .text
                .strip_suffix('s')
                .is_some_and(|singular| in_list(ROLE_NOUNS, singular))
            && !actors.things.contains(base(word.text))
        {
            let single = base(word.text);
            let mr = prev.is_some_and(|p| {
                matches!(
                    p.text,
                    "Mr" | "Mrs" | "Ms" | "Dr" | "Mr." | "Mrs." | "Ms." | "Dr."
                )
            });
            // "…," said Maria, a nurse from Piraeus: a first name the article introduces.
            // "said Mr Justice Cranston": after a title, too.
            let titled = reported_before(words, i)
                && words[..i]
                    .iter()
                    .rev()
                    .take_while(|w| w.is_capitalised())
                    .any(|w| matches!(w.text, "Mr" | "Mrs" | "Ms" | "Dr" | "Judge" | "Justice"));
            let introduced = prev.is_some_and(|p| {
                super::lexicon::REPORTING_VERBS.contains(&p.text.to_lowercase().as_str())
            }) && text
                .get(word.end..)
                .is_some_and(|after| after.starts_with(", a ") || after.starts_with(", an "));
            // "an Ohio Democrat": a word a place qualifies after "a" describes someone.
            let described = i >= 2
                && matches!(words[i - 2].text, "a" | "an")
                && gazetteer_match(words, i - 1).is_some();
            if mr || titled || (introduced && !in_quote && !is_acronym(single)) {
                Some(actors.add(single, ActorKind::Person))
            } else if described {
                None
            } else if !in_quote
                && (prev.is_some_and(|p| in_list(COMPANY_NOUNS, p.text))
                    // Not "the boat from Pohang was detained": a place after a preposition.
                    || (subject_after(words, end)
                        && (!(venue || home) || is_acronym(single))
                        && (i > 0 || actors.capitalised_mid_sentence(text, single)))
                    || (is_acronym(single)
                        && words.get(end).is_some_and(|n| n.text == "and")
                        && words.get(end + 1).is_some_and(Word::is_capitalised))
                    || acronym_actor(words, i, single)
                    || appositive_company(text, words, end)
                    || titles_a_person(text, words, end, single))
            {
                Some(actors.add(single, ActorKind::Other))
            } else {
                None
            }
        } else {
            None
        };
        if let Some(actor) = actor {
            if let Some(acronym) = acronym_def {
                actors.alias(actor, &acronym);
            }
            if !role.is_empty()
                && let Some(found) = actors.list.get_mut(actor)
                && found.role.is_empty()
                && found.kind == ActorKind::Person
            {
                found.role = role;
            }
            if record {
                // "The Frente Patria party said": the subject runs to "party".
                let to = if party_word(end) { end + 1 } else { end };
                actors.mention(text, words, i..to, actor);
            }
        }
        i = end;
    }
}

/// "Isamaa chairman Mihkel Saar", "Unite general secretary Sharon Graham": a one-word name
/// before a lower-case title and a person's name is the body that person speaks for.
fn titles_a_person(text: &str, words: &[Word], end: usize, single: &str) -> bool {
    if PORTFOLIOS.contains(&single) || common_noun(single) {
        return false;
    }
    let title = words[end.min(words.len())..]
        .iter()
        .take(3)
        .take_while(|w| w.text.chars().all(|c| c.is_lowercase() || c == '-'))
        .count();
    let titled = title > 0
        && words
            .get(end + title - 1)
            .is_some_and(|w| ROLE_NOUNS.contains(&w.text))
        && words[end + title..]
            .iter()
            .take(2)
            .filter(|w| w.is_capitalised())
            .count()
            == 2;
    // "Reform chairwoman Kadri Lepik" where the article also names the "Reform Party": the
    // full name is the actor, found where it is written.
    titled
        && !text.match_indices(single).any(|(at, _)| {
            text[at + single.len()..]
                .strip_prefix(' ')
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_uppercase()))
        })
}

/// "Zimbabwe's Energy and Power Development Minister": the words from `end` on, joined by
/// "and", end in a title, so the name before them is a portfolio, not a body.
fn titles_after(words: &[Word], end: usize) -> bool {
    words[end.min(words.len())..]
        .iter()
        .take(6)
        .take_while(|w| w.is_capitalised() || matches!(w.text, "and" | "of" | "for"))
        .any(|w| gazetteer().is_title(w.text))
}

/// "Iraq's oil ministry", "an Emirati energy ministry official": a ministry written in lower
/// case after its state, as "Oil Ministry" and the index after "ministry".
/// "Eastern European countries": a direction before a demonym belongs to the group's name.
const DIRECTIONS: &[&str] = &["Eastern", "Western", "Central", "Northern", "Southern"];

/// A group of people taking a stance, named as written: "French fishermen", "Western nations".
fn add_group(actors: &mut Actors, text: &str, words: &[Word], at: Range<usize>, record: bool) {
    let actor = actors.add(&written_name(text, &words[at.clone()]), ActorKind::Other);
    if record {
        actors.mention(text, words, at, actor);
    }
}

/// People a group is named by after a demonym.
const GROUP_PLURALS: &[&str] = &[
    "countries",
    "nations",
    "states",
    "rebels",
    "militants",
    "insurgents",
    "fishermen",
    "farmers",
    "workers",
    "employers",
    "campaigners",
    "activists",
    "protesters",
    "demonstrators",
    "lawmakers",
    "legislators",
    "unions",
];

/// The end of "fishermen", "business leaders", "opposition lawmakers" after a demonym, when
/// the group is the subject of the verb that follows.
fn lowercase_group(words: &[Word], at: usize) -> Option<usize> {
    let lower_case = |w: &Word| w.text.chars().next().is_some_and(char::is_lowercase);
    let noun = (at..(at + 3).min(words.len())).find(|&j| {
        GROUP_PLURALS.contains(&words[j].text) || (j > at && words[j].text == "leaders")
    })?;
    if !words[at..=noun].iter().all(lower_case) {
        return None;
    }
    let mut verb = noun + 1;
    if words
        .get(verb)
        .is_some_and(|w| matches!(w.text, "also" | "have" | "has" | "had" | "are" | "were"))
    {
        verb += 1;
    }
    words
        .get(verb)
        .is_some_and(|w| shows_subject(w.text))
        .then_some(noun + 1)
}

fn lowercase_ministry(words: &[Word], at: usize) -> Option<(usize, String)> {
    let ministry = (at + 1..(at + 3).min(words.len())).find(|&j| words[j].text == "ministry")?;
    let portfolio: Vec<String> = words[at..ministry]
        .iter()
        .map(|w| {
            let mut chars = w.text.chars();
            chars
                .next()
                .filter(char::is_ascii_lowercase)
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        })
        .collect::<Option<_>>()?;
    portfolio
        .iter()
        .all(|p| PORTFOLIOS.contains(&p.as_str()))
        .then(|| (ministry + 1, format!("{} Ministry", portfolio.join(" "))))
}

/// "Common Agricultural Policy", "Mutual Defense Treaty", "North Field": the last word of a
/// name for a policy, an agreement or a place, which holds no position however it is written.
fn names_a_thing(last: &Word) -> bool {
    const THINGS: &[&str] = &[
        "Policy",
        "Agreement",
        "Treaty",
        "Act",
        "Plan",
        "Framework",
        "Protocol",
        "Convention",
        "Accord",
        "Pact",
        "Strategy",
        "Scheme",
        "Directive",
        "Regulation",
        "Law",
        "Bill",
        "Code",
        "Charter",
        "Declaration",
        "Zone",
        "Area",
        "Field",
        "Dam",
        "Pipeline",
        "Corridor",
        "Project",
        "Index",
        "Tariff",
        "Tax",
        "Levy",
        "Budget",
    ];
    THINGS.contains(&base(last.text))
}

/// A name the article gives a short form in brackets right after it.
struct ShortFormName {
    start: usize,
    end: usize,
    short: String,
    /// "Common Agricultural Policy (CAP)": a thing, not an actor.
    thing: bool,
}

/// "the Democratic Forces for the Liberation of Rwanda (FDLR)", "The Lloyd’s Market Association
/// (LMA)", "The Japanese Trade Union Confederation (Rengo)": a bracketed short form marks where
/// a name ends, so the name is read back from the bracket, across "of the" and "for", rather
/// than forward word by word. Names the gazetteer knows are left to it.
fn names_given_a_short_form(text: &str, words: &[Word]) -> Vec<ShortFormName> {
    // "The Government Medical Officers’ Association (GMOA)", "Kurdistan Regional Government",
    // "All India Drug Action Network (AIDAN)".
    let name_word = |w: &Word| {
        w.is_capitalised() && (!is_function_word(w.text) || matches!(w.text, "Government" | "All"))
    };
    let mut found = Vec::new();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return found;
    };
    if !text
        .get(first.start..last.end)
        .is_some_and(|s| s.contains('('))
    {
        return found;
    }
    for (b, short) in words.iter().enumerate() {
        if b == 0 || !in_brackets(text, short) {
            continue;
        }
        let inner = short.text;
        if !(abbreviation(inner) || short_name_shaped(inner)) || gazetteer().lookup(inner).is_some()
        {
            continue;
        }
        let last = &words[b - 1];
        if text.get(last.end..short.start) != Some(" (") || !last.is_capitalised() {
            continue;
        }
        // Back from the bracket over capitalised words and the connectors between them.
        let mut starts = vec![b - 1];
        let mut j = b - 1;
        while j > 0 && starts.len() < 10 {
            let joined = |a: &Word, z: &Word| {
                text.get(a.end..z.start)
                    .is_some_and(|g| matches!(g, " " | "’ " | "' "))
            };
            let prev = &words[j - 1];
            if !joined(prev, &words[j]) {
                break;
            }
            if name_word(prev) {
                j -= 1;
                starts.push(j);
                continue;
            }
            let connector = |w: &Word| matches!(w.text, "of" | "for" | "the" | "and" | "on");
            let over = (1..=2).find(|&k| {
                j > k
                    && words[j - k..j].iter().all(connector)
                    && (1..k).all(|m| joined(&words[j - k - 1 + m], &words[j - k + m]))
                    && joined(&words[j - k - 1], &words[j - k])
                    && name_word(&words[j - k - 1])
            });
            let Some(k) = over else {
                break;
            };
            j -= k + 1;
            starts.push(j);
        }
        let initials = |from: usize| -> String {
            words[from..b]
                .iter()
                .filter(|w| name_word(w))
                .filter_map(|w| w.text.chars().next())
                .collect()
        };
        let letters: String = inner.chars().filter(|c| c.is_uppercase()).collect();
        let spelled = starts
            .iter()
            .rev()
            .copied()
            .find(|&s| abbreviation(inner) && initials(s) == letters);
        // An abbreviation in another language ("FDLR"), or a short name ("Rengo"): the whole
        // run, after any possessive or title, if it names an organisation.
        let start = spelled.or_else(|| {
            let first = starts.iter().rev().copied().find(|&s| {
                !words[s..b - 1].iter().any(|w| {
                    is_possessive(w.text) || gazetteer().is_title(w.text) || w.text == "and"
                }) && !gazetteer().is_title(words[s].text)
            })?;
            words[first..b]
                .iter()
                .any(|w| ORG_KEYWORDS.contains(&base(w.text)))
                .then_some(first)
        });
        let Some(start) = start.filter(|&s| b - s >= 2) else {
            continue;
        };
        if gazetteer_match(words, start).is_some_and(|(k, ..)| start + k == b) {
            continue;
        }
        found.push(ShortFormName {
            start,
            end: b,
            short: inner.to_string(),
            thing: names_a_thing(&words[b - 1]),
        });
    }
    found
}

/// One past the last word of the capitalised name starting at `i`; names may contain "of",
/// "and", "for", "the", "de", "al" between capitalised words, and must not cross punctuation.
fn run_end(text: &str, words: &[Word], i: usize) -> usize {
    let mut end = i + 1;
    while let Some(next) = words.get(end) {
        let Some(prev) = words.get(end - 1) else {
            break;
        };
        let org_ahead = || {
            words[end..(end + 3).min(words.len())]
                .iter()
                .take_while(|w| w.is_capitalised())
                .any(|w| ORG_KEYWORDS.contains(&base(w.text)))
        };
        // "Airline Pilots’ Association": a plural possessive inside an organisation's name.
        let plural_possessive = text
            .get(prev.end..next.start)
            .is_some_and(|g| g == "’ " || g == "' ")
            && prev.text.ends_with('s')
            && prev.is_capitalised()
            && next.is_capitalised();
        if plural_possessive && org_ahead() {
            end += 1;
            continue;
        }
        // "Ronald St. Hill": "St." inside a name.
        if prev.text == "St"
            && text.get(prev.end..next.start) == Some(". ")
            && next.is_capitalised()
        {
            end += 1;
            continue;
        }
        // "Centers for Medicare & Medicaid Services", "Halden & Pryce": an ampersand joins
        // one name.
        if text.get(prev.end..next.start) == Some(" & ")
            && prev.is_capitalised()
            && next.is_capitalised()
        {
            end += 1;
            continue;
        }
        // "Ministry of Economy, Trade and Industry": a list of portfolios inside the name.
        if text.get(prev.end..next.start) == Some(", ")
            && next.is_capitalised()
            && words[i..end].iter().any(|w| w.text == "of")
            && words[i..end]
                .iter()
                .any(|w| matches!(w.text, "Ministry" | "Department" | "Secretariat"))
            && words[end + 1..(end + 4).min(words.len())]
                .windows(2)
                .any(|pair| pair[0].text == "and" && pair[1].is_capitalised())
        {
            end += 1;
            continue;
        }
        if !gap_is_space(text, prev, next) {
            break;
        }
        // "Norwegian Fishermen’s Association": a possessive inside an organisation's name.
        if is_possessive(prev.text) {
            // "People’s Bloc", "Fishermen’s Association" — but not "Thapa’s Nepal Unity Party".
            let group = base(prev.text);
            let group_word = matches!(group, "People" | "Women" | "Children" | "Citizens")
                || group.ends_with("men")
                || group.ends_with("ers");
            // "People’s Solidarity for Participatory Democracy (PSPD)": a name given an
            // abbreviation is an organisation's even without a keyword.
            let abbreviated_ahead = || {
                let ahead = text.get(next.start..).unwrap_or("");
                let ahead = &ahead[..ahead.len().min(80)];
                ahead.find(" (").is_some_and(|open| {
                    !ahead[..open].contains([',', '.', ';', ':'])
                        && ahead[open + 2..]
                            .split_once(')')
                            .is_some_and(|(inner, _)| abbreviation(inner))
                })
            };
            if group_word && next.is_capitalised() && (org_ahead() || abbreviated_ahead()) {
                end += 1;
                continue;
            }
            break;
        }
        // "Hun Sen said": a short title word that titles nobody after it closes the name.
        let closing_title = || {
            next.text.len() <= 3
                && next.text.chars().skip(1).all(char::is_lowercase)
                && text.get(next.end..).is_some_and(|a| !a.starts_with('.'))
                && words
                    .get(end + 1)
                    .is_none_or(|w| !w.is_capitalised() || !gap_is_space(text, next, w))
        };
        // "Theresa May said": a surname that is also a month, after a name and before no day.
        let surname_may = next.text == "May"
            && !is_function_word(prev.text)
            && !words
                .get(end + 1)
                .is_some_and(|w| w.text.starts_with(|c: char| c.is_ascii_digit()));
        if (next.is_capitalised() || particle_name(next.text))
            && (!is_function_word(next.text) || surname_may)
            && (gazetteer_title_or_outlet(words, end).is_none() || closing_title())
        {
            end += 1;
            continue;
        }
        // "Armed Forces of the Philippines", "Bank of Japan": a state closing an
        // organisation's name.
        if matches!(next.text, "of" | "for")
            && words[i..end]
                .iter()
                .any(|w| ORG_KEYWORDS.contains(&base(w.text)))
        {
            let at = if words.get(end + 1).is_some_and(|w| w.text == "the") {
                end + 2
            } else {
                end + 1
            };
            if let Some((k, _, Form::Name, EntryKind::State)) =
                gazetteer_match(words, at).filter(|_| at < words.len())
            {
                end = at + k;
                break;
            }
        }
        // "Senator Joanne Pike of Utah": a titled person, then where they are from.
        if next.text == "of"
            && i > 0
            && gazetteer().is_title(words[i - 1].text)
            && !words[i..end]
                .iter()
                .any(|w| ORG_KEYWORDS.contains(&base(w.text)))
        {
            break;
        }
        // "the Christian Democrats of CD&V": a description, then the party's own name.
        if next.text == "of"
            && words.get(end + 1).is_some_and(|w| is_acronym(w.text))
            && !words[i..end]
                .iter()
                .any(|w| ORG_KEYWORDS.contains(&base(w.text)))
        {
            break;
        }
        // "van der Berg", "de la Cruz": particles may come in pairs.
        if NAME_PARTICLES.contains(&next.text)
            && let Some(second) = words.get(end + 1)
            && NAME_PARTICLES.contains(&second.text)
            && let Some(after) = words.get(end + 2)
            && after.is_capitalised()
            && gap_is_space(text, next, second)
            && gap_is_space(text, second, after)
        {
            end += 3;
            continue;
        }
        let connector = matches!(next.text, "of" | "and" | "for" | "the" | "on")
            || NAME_PARTICLES.contains(&next.text);
        if connector
            && let Some(after) = words.get(end + 1)
            && after.is_capitalised()
            && gap_is_space(text, next, after)
            && !is_function_word(after.text)
        {
            end += 2;
            continue;
        }
        break;
    }
    // "and" joins words of one name only in "Ministry of Trade and Industry"-style names and
    // "Competition and Markets Authority" (a common noun, then an organisation); otherwise
    // "EADS and BAE Systems" are two names.
    // "Ethiopian Shipping and Logistics Services Enterprise (ESLSE)": one name, as its
    // abbreviation spells.
    if let Some(and) = words[i..end].iter().position(|w| w.text == "and")
        && !spelled_by_abbreviation(text, words, i.saturating_sub(1), i, end)
        && !words[i..i + and].iter().any(|w| w.text == "of")
        && !((and == 1 && (common_noun(words[i].text) || only_before_and(text, words[i].text))
            // "Australian Petroleum Production and Exploration Association".
            || (and > 1 && common_noun(words[i + and - 1].text)))
            && !words[i..i + and].iter().any(|w| is_acronym(w.text))
            && words
                .get(end - 1)
                .is_some_and(|w| ORG_KEYWORDS.contains(&base(w.text))))
    {
        return i + and;
    }
    // "Brightwater Therapeutics plc": a lower-case legal form still ends the name.
    if let Some(next) = words.get(end)
        && CORPORATE_SUFFIXES.contains(&next.text)
        && words
            .get(end - 1)
            .is_some_and(|w| gap_is_space(text, w, next))
    {
        return end + 1;
    }
    end
}

/// Words that open the names of places and storms, never a person's first name.
const PLACE_OR_WEATHER_OPENERS: &[&str] = &[
    "Hurricane",
    "Typhoon",
    "Cyclone",
    "Storm",
    "Tropical",
    "Upper",
    "Lower",
    "New",
    "North",
    "South",
    "East",
    "West",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Puerto",
    "Port",
    "Lake",
    "Mount",
    "Cape",
    "San",
    "Santa",
    "Santo",
    "Fort",
];

/// A capitalised common noun by its ending ("Competition", "Trade", "Industry"), not a name.
fn common_noun(word: &str) -> bool {
    const ENDINGS: [&str; 13] = [
        "tion", "ment", "ity", "ance", "ence", "ure", "ing", "ics", "ism", "ness", "ade", "try",
        "ries",
    ];
    !is_acronym(word) && ENDINGS.iter().any(|e| word.ends_with(e))
}

/// "Houston-based", "Kremlin-backed": a modifier before a name, not part of it.
pub(super) fn modifier_word(word: &str) -> bool {
    const SUFFIXES: [&str; 13] = [
        "-based",
        "-born",
        "-led",
        "-backed",
        "-owned",
        "-listed",
        "-run",
        "-registered",
        "-headquartered",
        "-controlled",
        "-funded",
        "-linked",
        "-flagged",
    ];
    SUFFIXES.iter().any(|s| word.ends_with(s))
}

fn gazetteer_title_or_outlet(words: &[Word], i: usize) -> Option<()> {
    let (_, _, _, kind) = gazetteer_match(words, i)?;
    matches!(
        kind,
        EntryKind::Title | EntryKind::Outlet | EntryKind::State
    )
    .then_some(())
}

/// After a possessive state name: the end of a capitalised organisation name ("Irrigation
/// Ministry"), if one follows.
fn org_run_end(text: &str, words: &[Word], i: usize) -> Option<usize> {
    let first = words.get(i)?;
    if !first.is_capitalised()
        || is_function_word(first.text)
        || gazetteer_title_or_outlet(words, i).is_some()
    {
        return None;
    }
    let end = run_end(text, words, i);
    let keyword = words[i..end]
        .iter()
        .any(|w| ORG_KEYWORDS.contains(&base(w.text)));
    // "United Kingdom Maritime Trade Operations (UKMTO)": the abbreviation spells the name.
    (keyword || spelled_by_abbreviation(text, words, i.saturating_sub(2), i, end)).then_some(end)
}

/// Whether the abbreviation in brackets after the name `words[from..end]` (of at least three
/// letters) spells the initials of its capitalised words, counting from as early as `spell_from`.
fn spelled_by_abbreviation(
    text: &str,
    words: &[Word],
    spell_from: usize,
    from: usize,
    end: usize,
) -> bool {
    let (Some(first), Some(last)) = (
        words.get(from),
        end.checked_sub(1).and_then(|e| words.get(e)),
    ) else {
        return false;
    };
    acronym_after(text, first, last).is_some_and(|acronym| {
        let initials: String = words[spell_from..end]
            .iter()
            .filter(|w| w.is_capitalised())
            .filter_map(|w| w.text.chars().next())
            .collect();
        acronym.len() >= 3 && initials.ends_with(acronym.as_str())
    })
}

/// The short form given in brackets after the name running from `first` to `last`: "(KNUT)",
/// or a short name sharing its initial, "The European Steel Association (Eurofer)".
fn acronym_after(text: &str, first: &Word, last: &Word) -> Option<String> {
    let rest = text.get(last.end..)?;
    // "Korea Railroad Corp. (Korail)": past an abbreviation's full stop.
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let rest = rest.strip_prefix(" (")?;
    let close = rest.find(')')?;
    let inner = &rest[..close];
    let short_name = first.start < last.start
        && short_name_shaped(inner)
        && inner.chars().next() == first.text.chars().next()
        && gazetteer().lookup(inner).is_none();
    (abbreviation(inner) || short_name).then(|| inner.to_string())
}

/// A short name a long one can be given in brackets: "Eurofer", "Korail", "Rengo".
fn short_name_shaped(inner: &str) -> bool {
    (3..=10).contains(&inner.chars().count())
        && inner.chars().all(char::is_alphabetic)
        && inner.chars().skip(1).all(char::is_lowercase)
}

/// An abbreviation a name can be given in brackets: "EUMM", "SLU", "PvdA", "CD&V".
pub(super) fn abbreviation(word: &str) -> bool {
    let capitals = word.chars().filter(|c| c.is_uppercase()).count();
    (2..=10).contains(&word.chars().count())
        && capitals >= 2
        && word.chars().next().is_some_and(char::is_uppercase)
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '&' | '-' | '.'))
}

/// The word opening an aside right after the name ending before `words[end]`: "…, the".
fn aside_after<'a>(text: &str, words: &[Word<'a>], end: usize) -> Option<&'a str> {
    let (last, next) = (words.get(end.checked_sub(1)?)?, words.get(end)?);
    (text.get(last.end..next.start)?.trim() == ",").then_some(next.text)
}

/// "Quebec rejected", "British Columbia and Quebec, the two largest provinces, rejected": a
/// verb after the name, after a second name joined to it, or after an aside.
fn acts_after(text: &str, words: &[Word], end: usize) -> bool {
    if subject_after(words, end) {
        return true;
    }
    let mut k = end;
    if words.get(k).is_some_and(|w| w.text == "and") {
        k += 1;
        while words.get(k).is_some_and(Word::is_capitalised) {
            k += 1;
        }
    }
    // "…, home to most of the smelters, had pressed": any aside, closed within ten words.
    aside_after(text, words, k).is_some()
        && (k + 1..(k + 11).min(words.len()))
            .find(|&j| {
                text.get(words[j - 1].end..words[j].start)
                    .is_some_and(|gap| gap.contains(','))
            })
            .is_some_and(|j| subject_after(words, j))
}

/// ", the national workplace tribunal, said": the word after an aside of up to eight words
/// that opens with an article, right after a name.
fn past_aside(text: &str, words: &[Word], end: usize) -> Option<usize> {
    if !matches!(aside_after(text, words, end)?, "the" | "a" | "an") {
        return None;
    }
    (end + 1..(end + 9).min(words.len())).find(|&j| {
        text.get(words[j - 1].end..words[j].start)
            .is_some_and(|gap| gap.trim() == ",")
    })
}

/// "Stephen Gill, a council planning officer, said": a name whose aside is followed by a
/// reporting verb speaks.
fn reports_past_aside(text: &str, words: &[Word], end: usize) -> bool {
    past_aside(text, words, end)
        .and_then(|j| words.get(j))
        .is_some_and(|verb| {
            super::lexicon::REPORTING_VERBS.contains(&verb.text.to_lowercase().as_str())
        })
}

/// "(KNUT)": a word standing alone in brackets.
pub(super) fn in_brackets(text: &str, word: &Word) -> bool {
    text.get(..word.start).is_some_and(|b| b.ends_with('('))
        && text.get(word.end..).is_some_and(|a| a.starts_with(')'))
}

/// "David Davis, the Brexit secretary": a role right after the name.
fn appositive_role(text: &str, words: &[Word], end: usize) -> bool {
    if aside_after(text, words, end).is_none() {
        return false;
    }
    words[end..(end + 5).min(words.len())]
        .iter()
        .any(|w| in_list(ROLE_NOUNS, w.text) || gazetteer().is_title(w.text))
}

/// ", the country's largest operator,", ", a smaller rival backed by …,": an aside right after
/// a name that describes it as a company.
fn appositive_company(text: &str, words: &[Word], end: usize) -> bool {
    appositive_names(text, words, end, COMPANY_NOUNS)
}

const PARTY_NOUNS: &[&str] = &["party", "parties", "bloc", "coalition"];

/// Whether an aside right after the name ending before `words[end]` ("…, the largest party
/// in parliament,") calls it one of `nouns`.
fn appositive_names(text: &str, words: &[Word], end: usize, nouns: &[&str]) -> bool {
    if !matches!(
        aside_after(text, words, end),
        Some("a" | "an" | "the" | "The")
    ) {
        return false;
    }
    let aside_end = (end + 1..(end + 6).min(words.len()))
        .find(|&j| {
            text.get(words[j - 1].end..words[j].start)
                .is_some_and(|g| g.contains([',', ';', '(', ')']))
        })
        .unwrap_or((end + 6).min(words.len()));
    words[end..aside_end].iter().any(|w| in_list(nouns, w.text))
}

/// The surname used alone elsewhere in the text ("Mr Abbas", "Nakasone said").
/// (The occurrence in the full name itself follows the first name, so it never counts.)
fn surname_elsewhere(text: &str, surname: &str) -> bool {
    if surname.len() < 3 {
        return false;
    }
    text.match_indices(surname).any(|(at, _)| {
        let before = text[..at].trim_end();
        let after_ok = text[at + surname.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphabetic());
        let preceded_by_name = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .is_some_and(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && !is_function_word(w)
                    && !gazetteer().is_title(w)
            });
        after_ok && !preceded_by_name
    })
}

/// Whether `at` lies inside quotation marks opened earlier in the same sentence.
fn inside_quotes(text: &str, words: &[Word], at: usize) -> bool {
    let Some(first) = words.first() else {
        return false;
    };
    let before = text.get(first.start.saturating_sub(1)..at).unwrap_or("");
    let opens = before.matches(['“', '‘']).count();
    let closes = before.matches('”').count()
        + before
            .match_indices('’')
            .filter(|(p, _)| !before[p + '’'.len_utf8()..].starts_with(char::is_alphanumeric))
            .count();
    let straight = before.matches('"').count();
    opens > closes || straight % 2 == 1
}

/// Whether `word` appears capitalised somewhere other than at a sentence's start, so that a
/// capital at the start of a sentence ("Prices fell") is not taken for a name.
fn capitalised_mid_sentence(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].trim_end_matches([' ', '\t']);
        let whole = text[at + word.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        // "the Polish Farmers' Alliance": inside a longer name it is not a name of its own.
        let inside_name = before
            .rsplit([' ', '\n'])
            .next()
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase);
        whole
            && !inside_name
            && before
                .chars()
                .next_back()
                // A dash too: "WARSAW, Feb 9 - Farmers …" opens the story after its dateline.
                .is_some_and(|c| {
                    !matches!(
                        c,
                        '.' | '!' | '?' | '\n' | '"' | '“' | '”' | ':' | '-' | '—' | '–'
                    )
                })
    })
}

/// Whether every use of `word` is followed by " and": it never stands alone as a name, so
/// "Spectrum and Communications Authority" is one name.
fn only_before_and(text: &str, word: &str) -> bool {
    text.match_indices(word).all(|(at, _)| {
        let rest = &text[at + word.len()..];
        rest.starts_with(" and ")
            || rest.chars().next().is_some_and(char::is_alphanumeric)
            || text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
    })
}

/// Whether `word` is in a lower-case ASCII word list, ignoring case, without allocating.
fn in_list(list: &[&str], word: &str) -> bool {
    list.iter().any(|item| item.eq_ignore_ascii_case(word))
}

/// A whole-text check answered once per word.
fn memo(seen: &mut HashMap<String, bool>, word: &str, check: impl FnOnce() -> bool) -> bool {
    if let Some(&known) = seen.get(word) {
        return known;
    }
    let found = check();
    seen.insert(word.to_string(), found);
    found
}
