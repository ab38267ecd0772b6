//! The drafting assistant: offline, deterministic analysis of one article into proposed actors,
//! quotes, positions and next steps, each tied to the exact bytes of the body it came from.
//!
//! Pure: depends on `crate::model` only (the gazetteer is compiled in). Pipeline:
//! sentences → actors (gazetteer + names + coreference) → quotes and their speakers →
//! positions (a stance cue with an actor as its subject) → next steps (a forward-looking time
//! expression in a sentence, resolved against the article's date). `draft` turns the result
//! into a brief whose every item is marked `suggested`.

mod actors;
mod draft;
pub mod gazetteer;
mod lexicon;
mod quotes;
pub mod sentences;
mod speakers;
mod timex;

pub use draft::{Suggestions, draft_brief, suggestions_for};

use crate::model::{ActorKind, Article, Date, Stance, StepStatus, TimeQualifier};
use actors::find_actors;
use sentences::Word;
use serde::Serialize;
use speakers::{Resolver, Speaker};
use std::ops::Range;

/// Everything the assistant proposes for one article. Serialises to the `analyze --json` shape.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Analysis {
    pub actors: Vec<ActorSuggestion>,
    pub quotes: Vec<QuoteSuggestion>,
    pub positions: Vec<PositionSuggestion>,
    pub next_steps: Vec<StepSuggestion>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActorSuggestion {
    pub name: String,
    #[serde(serialize_with = "kind_label")]
    pub kind: ActorKind,
    pub aliases: Vec<String>,
    #[serde(skip)]
    pub role: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuoteSuggestion {
    pub speaker: String,
    pub text: String,
    /// Byte range of `text` in the article body.
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PositionSuggestion {
    pub actor: String,
    #[serde(serialize_with = "stance_label")]
    pub stance: Stance,
    /// The words that signal the stance, exactly as written.
    pub cue: String,
    pub summary: String,
    /// Conditions stated with it ("once he had evidence …").
    #[serde(skip)]
    pub conditions: String,
    /// The evidence: the sentence's byte range in the body.
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StepSuggestion {
    pub what: String,
    /// The time phrase exactly as written.
    pub when: String,
    pub who: Vec<String>,
    pub date_from: Option<Date>,
    pub date_to: Option<Date>,
    #[serde(serialize_with = "qualifier_label")]
    pub qualifier: TimeQualifier,
    #[serde(skip)]
    pub status: StepStatus,
    #[serde(skip)]
    pub condition: String,
    /// The evidence: the sentence's byte range in the body.
    pub start: usize,
    pub end: usize,
}

fn kind_label<S: serde::Serializer>(kind: &ActorKind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&kind.label().to_lowercase())
}

fn stance_label<S: serde::Serializer>(stance: &Stance, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&stance.label().to_lowercase())
}

fn qualifier_label<S: serde::Serializer>(q: &TimeQualifier, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(q.label())
}

/// Analyses one article. Deterministic: the same body and date give the same result.
pub fn analyze(article: &Article) -> Analysis {
    let text = article.body.as_str();
    let skip = article.dateline.as_ref().map_or(0, |d| d.end);
    let tokens = sentences::tokenise(text);
    let sentences: Vec<Range<usize>> = tokens.iter().map(|s| s.range.clone()).collect();
    let mut actors = find_actors(text, &tokens, skip);
    if let Some(dateline) = &article.dateline {
        actors.place_dateline(&dateline.place);
    }
    let resolver = Resolver {
        text,
        actors: &actors,
    };
    let spans = quotes::quote_spans(text);
    let found_quotes = quotes::attribute(&resolver, &spans, &sentences);
    let positions = find_positions(&resolver, &tokens, &spans, &found_quotes, skip);
    let next_steps = find_next_steps(&resolver, &tokens, skip, article.published);

    // Only actors that do something in the text: mentioned as acting, quoted, holding a
    // position, or taking part in a next step.
    // Names guessed from capitals (not people, not in the gazetteer) must act somewhere: a
    // subject, a speaker, a position holder, or named more than once.
    let mut counts = vec![0usize; actors.list.len()];
    let mut acting = vec![false; actors.list.len()];
    for m in &actors.mentions {
        if let Some(c) = counts.get_mut(m.actor) {
            *c += 1;
        }
        if m.subject
            && let Some(a) = acting.get_mut(m.actor)
        {
            *a = true;
        }
    }
    for q in &found_quotes {
        for a in q.speaker.actors() {
            if let Some(a) = acting.get_mut(a) {
                *a = true;
            }
        }
    }
    let used: Vec<bool> = actors
        .list
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let named = counts.get(i).copied().unwrap_or(0);
            let acts = acting.get(i).copied().unwrap_or(false)
                || positions.iter().any(|p| p.actor == a.name);
            // A state named only as a place is listed only if it acts ("the government").
            let listed = a.known || a.introduced || a.kind == ActorKind::Person;
            (named > 0 && (listed || acts || named >= 2)) || (acts && a.known)
        })
        .collect();
    Analysis {
        actors: actors
            .list
            .iter()
            .zip(&used)
            .filter(|(_, used)| **used)
            .map(|(a, _)| ActorSuggestion {
                name: a.name.clone(),
                kind: a.kind,
                aliases: a.aliases.clone(),
                role: a.role.clone(),
            })
            .collect(),
        quotes: found_quotes
            .iter()
            .map(|q| QuoteSuggestion {
                speaker: q.speaker.label(&actors),
                text: text[q.span.inner.clone()].to_string(),
                start: q.span.inner.start,
                end: q.span.inner.end,
            })
            .collect(),
        positions,
        next_steps,
    }
}

/// The quotation (spans are in text order, not overlapping) that holds word `w`, if any.
fn inside_quote(spans: &[quotes::QuoteSpan], w: &Word) -> Option<usize> {
    let after = spans.partition_point(|q| q.outer.start <= w.start);
    let index = after.checked_sub(1)?;
    (w.end <= spans[index].outer.end).then_some(index)
}

/// "would submit", "will not block": a modal, optional fillers, and a verb, as an intention.
fn modal_cue(lowered: &[String], v: usize) -> Option<(&'static lexicon::Cue, usize)> {
    static INTENDS: lexicon::Cue = lexicon::Cue {
        words: "(modal)",
        stance: Stance::Supports,
    };
    static REFUSES: lexicon::Cue = lexicon::Cue {
        words: "(modal not)",
        stance: Stance::Opposes,
    };
    if !lexicon::MODALS.contains(&lowered.get(v)?.as_str()) {
        return None;
    }
    let mut k = v + 1;
    let mut negated = false;
    while let Some(w) = lowered.get(k)
        && lexicon::MODAL_FILLERS.contains(&w.as_str())
    {
        negated |= w == "not" || w == "never";
        k += 1;
    }
    let verb = lowered.get(k)?;
    let is_verb = verb.chars().all(|c| c.is_ascii_lowercase()) && verb.len() > 2;
    if !is_verb || lexicon::NOT_INTENT.contains(&verb.as_str()) || lexicon::is_function_word(verb) {
        return None;
    }
    Some((if negated { &REFUSES } else { &INTENDS }, k - v + 1))
}

/// The cue of an intention held on a condition: "would only agree if …", "could only fund the
/// deal if …", "will only go ahead provided that …". Unlike a bare intention, annotators read it
/// as the holder's stance, and the report around it ("X said") is only the carrier.
static ONLY_IF: lexicon::Cue = lexicon::Cue {
    words: "(modal only)",
    stance: Stance::Conditional,
};

/// "would only agree", when a condition follows in the sentence: the modal, "only" and the verb.
/// "would back the bill only if", "would boycott the vote unless": the modal, the verb and its
/// object, up to the words that make it conditional, when no punctuation comes between.
fn conditional_cue(
    text: &str,
    words: &[Word],
    lowered: &[String],
    v: usize,
) -> Option<(&'static lexicon::Cue, usize)> {
    if !matches!(
        lowered.get(v)?.as_str(),
        "will" | "would" | "could" | "shall"
    ) {
        return None;
    }
    let is_verb = |verb: &String| {
        verb.chars().all(|c| c.is_ascii_lowercase())
            && verb.len() > 2
            && !matches!(verb.as_str(), "be" | "have")
            && !lexicon::is_function_word(verb)
    };
    if lowered.get(v + 1)? == "only" {
        if !is_verb(lowered.get(v + 2)?) {
            return None;
        }
        return lowered[v + 3..]
            .iter()
            .any(|w| matches!(w.as_str(), "if" | "unless" | "provided" | "once"))
            .then_some((&ONLY_IF, 3));
    }
    let mut k = v + 1;
    while lowered
        .get(k)
        .is_some_and(|w| matches!(w.as_str(), "not" | "also" | "still"))
    {
        k += 1;
    }
    if !is_verb(lowered.get(k)?) {
        return None;
    }
    let condition = (k + 1..lowered.len().min(k + 10))
        .find(|&j| lowered[j] == "unless" || lowered[j] == "if")?;
    let unbroken = text
        .get(words[v].end..words[condition].start)
        .is_some_and(|between| !between.contains([',', ';', ':', '"', '“', '”', '(', '—', '–']));
    unbroken.then_some((&ONLY_IF, condition - v + 1))
}

/// Where the words an intention acts on end: "would file [a formal appeal]", "would not
/// take [sides]" — at most three words, up to punctuation or a word that opens a new clause
/// or circumstance.
fn intention_end(text: &str, words: &[Word], lowered: &[String], from: usize) -> usize {
    let Some(mut end) = from
        .checked_sub(1)
        .and_then(|p| words.get(p))
        .map(|w| w.end)
    else {
        return 0;
    };
    for k in from..(from + 3).min(words.len()) {
        let stop = matches!(
            lowered[k].as_str(),
            "and"
                | "but"
                | "or"
                | "if"
                | "unless"
                | "because"
                | "after"
                | "before"
                | "when"
                | "while"
                | "which"
                | "that"
                | "who"
                | "until"
                | "by"
                | "on"
                | "in"
                | "at"
                | "from"
                | "within"
                | "as"
                | "than"
                | "to"
                | "for"
                | "with"
                | "next"
                | "this"
                | "over"
                | "whether"
        );
        let broken = text
            .get(end..words[k].start)
            .is_none_or(|gap| gap.contains([',', ';', ':', '"', '“', '”', '(', '—', '–', '.']));
        if stop || broken {
            break;
        }
        end = words[k].end;
    }
    end
}

/// Whether `words[v]` lies in an "if"/"unless" clause that no comma has closed yet.
fn in_condition(text: &str, words: &[Word], lowered: &[String], v: usize) -> bool {
    let Some(opener) = (0..v)
        .rev()
        .take(8)
        .find(|&j| matches!(lowered[j].as_str(), "if" | "unless"))
    else {
        return false;
    };
    text.get(words[opener].end..words[v].start)
        .is_some_and(|between| !between.contains([',', ';', ':', '—', '–', '"', '“', '”']))
}

/// What was told, past whom it was told to: "reporters in Conakry that the authorities …" gives
/// "the authorities …", and "reporters the ban was temporary" gives "the ban was temporary".
fn told_what(rest: &str) -> &str {
    let audience_end = rest
        .char_indices()
        .filter(|&(_, c)| c == ' ')
        .take(8)
        .find_map(|(at, _)| {
            rest[at..]
                .strip_prefix(" that ")
                .map(|_| at + " that ".len())
        });
    if let Some(at) = audience_end {
        return &rest[at..];
    }
    let trimmed = rest.trim_start();
    for audience in [
        "reporters ",
        "journalists ",
        "lawmakers ",
        "parliament ",
        "legislators ",
    ] {
        if let Some(said) = trimmed.strip_prefix(audience) {
            // "reporters after the session.": only where it was said; the sentence says more.
            let circumstance = [
                "after ", "in ", "at ", "on ", "outside ", "during ", "before ",
            ]
            .iter()
            .any(|p| said.starts_with(p));
            return if circumstance { "" } else { said };
        }
    }
    rest
}

/// What a position says, from the words after its cue; the whole sentence when those are too
/// few to say anything ("… said in a phone interview.").
/// "The government will …, Hollis said, and will spend …": a report set off by commas follows
/// what was said, so the words after it are only the sentence's tail.
/// The sentence without the dateline that may open it (`skip` is where the dateline ends).
fn after_dateline<'t>(text: &'t str, sentence: &std::ops::Range<usize>, skip: usize) -> &'t str {
    &text[sentence.start.max(skip).min(sentence.end)..sentence.end]
}

fn summary_of(said: &str, sentence: &str) -> String {
    let summary = summarise(said, 28);
    if summary.split_whitespace().count() < 3 || said.trim_start().starts_with(',') {
        summarise(sentence, 28)
    } else {
        summary
    }
}

/// Tidies a clause into a one-line summary of at most `max` words.
fn summarise(text: &str, max: usize) -> String {
    let cleaned: Vec<&str> = text.split_whitespace().collect();
    let mut out = cleaned[..cleaned.len().min(max)].join(" ");
    if cleaned.len() > max {
        out.push('…');
    }
    out.trim_matches(|c: char| c == ',' || c == ';' || c == ':' || c.is_whitespace())
        .trim_start_matches("that ")
        .to_string()
}

fn condition_in(text: &str) -> String {
    let lower = text.to_lowercase();
    for marker in [
        "contingent upon ",
        "contingent on ",
        " if ",
        " once ",
        " unless ",
        "provided that ",
        " on condition ",
    ] {
        if let Some(at) = lower.find(marker) {
            let rest = &text[at..];
            let end = rest.find([',', ';', '.']).unwrap_or(rest.len());
            return rest[..end].trim().to_string();
        }
    }
    String::new()
}

/// Who a stance cue outside quotation marks belongs to.
fn subject_of_cue(
    resolver: &Resolver,
    all: &[sentences::Word],
    v: usize,
    sentence: std::ops::Range<usize>,
) -> Option<Speaker> {
    // "…," said Commodore Rafael Dizon: right after a quotation, the speaker follows the verb.
    let after_quote = v > 0
        && resolver
            .text
            .get(all[v - 1].end..all[v].start)
            .is_some_and(|gap| gap.contains(['"', '”']));
    let inverted = || {
        lexicon::is_reporting_verb(all[v].text)
            .then(|| speakers::inverted_subject(resolver, all, v))
            .flatten()
    };
    if after_quote {
        inverted().or_else(|| resolver.subject_of(all, v, sentence))
    } else {
        resolver.subject_of(all, v, sentence).or_else(inverted)
    }
}

/// `skip` is where the dateline ends: a summary made of the lead sentence leaves it out.
fn find_positions(
    resolver: &Resolver,
    sentences: &[sentences::Sentence],
    spans: &[quotes::QuoteSpan],
    found_quotes: &[quotes::FoundQuote],
    skip: usize,
) -> Vec<PositionSuggestion> {
    let text = resolver.text;
    let actors = resolver.actors;
    let mut out: Vec<PositionSuggestion> = Vec::new();
    // Where each position's cue starts in the text, so a report's cue can be run on.
    let mut cue_at: Vec<usize> = Vec::new();
    for tokens in sentences {
        let sentence = &tokens.range;
        let all = &tokens.words;
        let lowered = &tokens.lower;
        let mut covered = vec![false; all.len()];
        let mut matches = Vec::new();
        for v in 0..all.len() {
            if covered[v] {
                continue;
            }
            let listed = lexicon::cues_starting_with(&lowered[v])
                .iter()
                .find(|(parts, _)| {
                    parts
                        .iter()
                        .enumerate()
                        .all(|(k, p)| lowered.get(v + k).is_some_and(|w| w == p))
                });
            let (cue, len) = match listed {
                // "If they refused, she said, …": a stance in a condition is supposed, not held.
                Some(_) if in_condition(text, all, lowered, v) => continue,
                // "who asked not to be named": a source's terms, not a stance.
                Some((parts, _))
                    if lowered
                        .get(v + parts.len()..v + parts.len() + 3)
                        .is_some_and(|next| next == ["not", "to", "be"]) =>
                {
                    continue;
                }
                // "Brazil, Chile and Peru back …", "They oppose …": a bare verb right after its
                // subject, not the noun in "budget support" or "US support for Boeing".
                Some((parts, _))
                    if parts.len() == 1
                        && lexicon::BARE_VERB_CUES.contains(&parts[0])
                        && (lowered.get(v + 1).is_some_and(|n| n == "for")
                            || !v.checked_sub(1).is_some_and(|p| {
                                all[p].is_capitalised()
                                    || matches!(
                                        lowered[p].as_str(),
                                        "they"
                                            | "both"
                                            | "also"
                                            | "all"
                                            | "still"
                                            | "strongly"
                                            | "firmly"
                                            | "now"
                                            | "we"
                                    )
                            })) =>
                {
                    continue;
                }
                Some((parts, cue)) => (*cue, parts.len()),
                // "If that article were invoked, GATT would set up a panel": a hypothetical
                // consequence, not an intention.
                None if lowered[..v].iter().any(|w| w == "if") => continue,
                None => {
                    match conditional_cue(text, all, lowered, v).or_else(|| modal_cue(lowered, v)) {
                        Some(found) => found,
                        None => continue,
                    }
                }
            };
            // 'was "open to dialogue"': a cue running into a quotation is the speaker's words
            // in part; the report around it carries the stance.
            if text
                .get(all[v].start..all[v + len - 1].end)
                .is_some_and(|cue_text| cue_text.contains(['"', '“', '”']))
            {
                continue;
            }
            for c in covered.iter_mut().skip(v).take(len) {
                *c = true;
            }
            // Passive "is expected to", "is said to": someone else's view, not a stance.
            // "are still expected to" too: past adverbs to the auxiliary.
            let auxiliary = lowered[..v]
                .iter()
                .rev()
                .find(|w| !matches!(w.as_str(), "still" | "also" | "now" | "widely" | "not"));
            let passive = auxiliary.is_some_and(|w| {
                matches!(w.as_str(), "is" | "are" | "was" | "were" | "be" | "been")
            });
            if passive && matches!(cue.words, "expected" | "said" | "described" | "told") {
                continue;
            }
            // "a motion filed by X and backed by several blocs": a passive with its agent; the
            // sentence's subject holds nothing.
            if lowered[v + len - 1].ends_with("ed")
                && lowered.get(v + len).is_some_and(|w| w == "by")
            {
                continue;
            }
            matches.push((v, cue, len));
        }
        let first_quote = spans.partition_point(|q| q.outer.start < sentence.start);
        let sentence_has_quote = spans
            .get(first_quote)
            .is_some_and(|q| q.outer.start < sentence.end);
        // The subject of the sentence's last stance outside quotation marks: "the company
        // insisted …, and warned …" shares it.
        let mut previous_subject: Option<Speaker> = None;
        // "Liu said Beijing was committed to the code and urged …": a verb joined after the
        // reported clause is the reporter's own.
        let mut reporter: Option<Speaker> = None;
        // Where the report is: "…, while Japan and Australia expressed concern and called for
        // …" has left its clause.
        let mut reported_at = 0;
        // Time expressions, found only if a report needs them.
        let mut times: Option<Vec<timex::TimeExpr>> = None;
        for (n, &(v, cue, len)) in matches.iter().enumerate() {
            let (cue_start, cue_end) = (all[v].start, all[v + len - 1].end);
            // "welcomed the decision, saying …": the participle only explains the stance
            // before it; alone ("kept its rate unchanged, saying …") it is the report.
            if cue.words == "saying" && n > 0 {
                continue;
            }
            // "declined to be named", "declined to comment": no stance, only silence.
            if cue.words == "declined to"
                && lowered.get(v + len).is_some_and(|w| {
                    matches!(
                        w.as_str(),
                        "be" | "comment" | "say" | "elaborate" | "speculate" | "confirm"
                    )
                })
            {
                continue;
            }
            // "accuse Rwanda of backing the rebels": what one side charges the other with.
            if lowered[v].ends_with("ing") && v > 0 && lowered[v - 1] == "of" {
                continue;
            }
            if cue.stance == Stance::Ambiguous {
                // "X said Y was willing to …": the stance is the inner cue's, not the report's.
                // "… said X and accused Y": a second verb of the same subject is its own
                // position, not the content of the report.
                let inner_cue = matches[n + 1..].iter().any(|&(w, c, _)| {
                    c.stance != Stance::Ambiguous
                        && (!c.words.starts_with('(') || std::ptr::eq(c, &ONLY_IF))
                        && inside_quote(spans, &all[w]).is_none()
                        && !(w > 0 && matches!(lowered[w - 1].as_str(), "and" | "but"))
                });
                let rest = lowered[v + len..].join(" ");
                // "controls that Beijing says are aimed at China": a claim the writer marks as
                // one side's.
                let claimed = v >= 2
                    && actors
                        .mentions
                        .iter()
                        .find(|m| m.end == all[v - 1].end)
                        .and_then(|m| all[..v].iter().rposition(|w| w.start == m.start))
                        .and_then(|first| first.checked_sub(1))
                        .is_some_and(|p| matches!(lowered[p].as_str(), "that" | "which"));
                // "told reporters …": a statement made to the press is put on record as a
                // stance; annotators cued three in four of them.
                let weighty = sentence_has_quote
                    || cue.words == "told"
                    || claimed
                    || STANCE_WORDS
                        .iter()
                        .any(|w| rest.split(' ').any(|r| r == *w));
                if inner_cue && inside_quote(spans, &all[v]).is_none() {
                    reporter = subject_of_cue(resolver, all, v, sentence.clone());
                    reported_at = v;
                }
                if inner_cue || !weighty {
                    continue;
                }
            }
            if (cue.stance == Stance::Ambiguous
                || (cue.words.starts_with('(') && !std::ptr::eq(cue, &ONLY_IF)))
                && scheduling_report(
                    lowered,
                    times.get_or_insert_with(|| timex::find_times(all, lowered, None)),
                    all,
                    v + len,
                )
            {
                continue;
            }
            // "Iceland has not said whether it will attend": no report, no stance.
            if cue.stance == Stance::Ambiguous
                && v.checked_sub(1)
                    .is_some_and(|p| matches!(lowered[p].as_str(), "not" | "never"))
            {
                continue;
            }
            let quoted = inside_quote(spans, &all[v]);
            // Inside a quotation only "I hope", "We believe": the speaker's own stance.
            let (speaker, cue_start) = match quoted {
                Some(q) => {
                    let Some(pronoun) = v.checked_sub(1).map(|p| &all[p]) else {
                        continue;
                    };
                    if !matches!(pronoun.text, "I" | "We") {
                        continue;
                    }
                    let span = &spans[q];
                    let Some(found) = found_quotes.iter().find(|f| f.span == *span) else {
                        continue;
                    };
                    (found.speaker.clone(), pronoun.start)
                }
                None => {
                    // ", warning that …", ", saying …": a participle after a comma shares it too.
                    let participle = lowered[v].ends_with("ing")
                        && v > 0
                        && text
                            .get(all[v - 1].end..all[v].start)
                            .is_some_and(|gap| gap.contains(','));
                    let after_report = v.checked_sub(1).is_some_and(|p| lowered[p] == "and");
                    // "Italy, Spain and Poland have pushed for it, and their governments
                    // welcomed …": "their governments" are the members of the list before.
                    let their_people = (2..=3).any(|k| {
                        v.checked_sub(k).is_some_and(|p| lowered[p] == "their")
                            && lowered[v - k + 1..v]
                                .iter()
                                .all(|w| w.chars().all(|c| c.is_lowercase()))
                            && lowered.get(v - 1).is_some_and(|w| {
                                matches!(
                                    w.as_str(),
                                    "governments"
                                        | "ministers"
                                        | "leaders"
                                        | "officials"
                                        | "delegations"
                                        | "representatives"
                                        | "envoys"
                                        | "negotiators"
                                )
                            })
                    });
                    let theirs = their_people
                        .then(|| previous_subject.clone().or_else(|| reporter.clone()))
                        .flatten()
                        .filter(|s| s.actors().len() >= 2);
                    let coordinated = theirs
                        .or_else(|| {
                            reporter.clone().filter(|_| {
                                after_report
                                    && !lowered[reported_at.min(v)..v]
                                        .iter()
                                        .any(|w| matches!(w.as_str(), "while" | "whereas" | "but"))
                            })
                        })
                        .or_else(|| {
                            previous_subject.clone().filter(|_| {
                                let before =
                                    |k: usize| v.checked_sub(k).map(|p| lowered[p].as_str());
                                let joined = |w: Option<&str>| matches!(w, Some("and" | "but"));
                                participle
                                    || joined(before(1))
                                    || (joined(before(2))
                                        && matches!(
                                            before(1),
                                            Some(
                                                "also" | "later" | "then" | "has" | "have" | "had"
                                            )
                                        ))
                            })
                        });
                    // "Brennan said farmers would support a price only if …": the condition is
                    // the reporter's, whoever the clause names.
                    // Only a reporter named in the sentence: "Analysts said prices would rise
                    // if …" has none.
                    let reported = || {
                        // "told analysts the firm hoped …": the body the reporter speaks
                        // for, named only by what it is.
                        let described = v >= 2
                            && lowered[v - 2] == "the"
                            && all[v - 1].text.chars().all(|c| c.is_lowercase());
                        reporter.clone().filter(|r| {
                            (std::ptr::eq(cue, &ONLY_IF)
                                || (described && cue.stance != Stance::Ambiguous))
                                && r.actors().iter().all(|&a| {
                                    actors.mentions.iter().any(|m| {
                                        m.actor == a
                                            && m.start >= sentence.start
                                            && m.end <= cue_start
                                    })
                                })
                        })
                    };
                    match coordinated
                        .or_else(|| subject_of_cue(resolver, all, v, sentence.clone()))
                        .or_else(reported)
                    {
                        Some(s) => {
                            previous_subject = Some(s.clone());
                            (s, cue_start)
                        }
                        None => continue,
                    }
                }
            };
            let rest_end = all
                .iter()
                .skip(v + len)
                .find(|w| {
                    inside_quote(spans, w).is_none()
                        && lexicon::REPORTING_VERBS.contains(&w.lower().as_str())
                        && w.start > cue_end + 40
                })
                .map_or(sentence.end, |w| w.start);
            let rest = text.get(cue_end..rest_end).unwrap_or("");
            // '"This is a great achievement," said Commissioner Ylva Johansson': what was said
            // is the quotation just before the report.
            let quoted_before = (cue.stance == Stance::Ambiguous)
                .then(|| {
                    spans
                        .iter()
                        .rev()
                        .find(|q| q.outer.end <= cue_start && q.outer.start >= sentence.start)
                })
                .flatten()
                .filter(|q| {
                    text.get(q.outer.end..cue_start)
                        .is_some_and(|gap| gap.split_whitespace().count() <= 6)
                });
            let said = if let Some(q) = quoted_before {
                text.get(q.inner.clone()).unwrap_or(rest)
            } else if cue.words == "told" {
                told_what(rest)
            } else if std::ptr::eq(cue, &ONLY_IF) {
                // "support a price only if it was matched …": what is held, then on what terms.
                text.get(all[v + 1].start..rest_end).unwrap_or(rest)
            } else {
                rest
            };
            let summary = summary_of(said, after_dateline(text, sentence, skip));
            let conditions = condition_in(if std::ptr::eq(cue, &ONLY_IF) {
                said
            } else {
                rest
            });
            let stance = if !conditions.is_empty() && cue.stance == Stance::Supports {
                Stance::Conditional
            } else {
                cue.stance
            };
            // "Slovenia said Ljubljana would back …": the report's cue runs on to the intention
            // it carries, so the cited words show what was said, not only that it was.
            if matches!(cue.words, "(modal)" | "(modal not)")
                && let Some(k) = (0..out.len())
                    .rev()
                    .take_while(|&k| out[k].start == sentence.start)
                    .find(|&k| {
                        let end = cue_at[k] + out[k].cue.len();
                        let reported = out[k]
                            .cue
                            .split(' ')
                            .next()
                            .is_some_and(|w| lexicon::is_reporting_verb(&w.to_lowercase()));
                        reported
                            && end <= cue_start
                            && text.get(end..cue_start).is_some_and(|gap| {
                                gap.split_whitespace().count() <= 6
                                    && !gap.contains([',', ';', ':', '"', '“', '”', '(', '—', '–'])
                            })
                    })
            {
                // "Mexico has said it will decide …": the auxiliary belongs to the report.
                let from = ["has ", "have ", "had "]
                    .iter()
                    .find(|aux| {
                        let before = &text[..cue_at[k]];
                        before.ends_with(*aux)
                            && before[..before.len() - aux.len()].ends_with([' ', '\n'])
                    })
                    .map_or(cue_at[k], |aux| cue_at[k] - aux.len());
                // "Thailand and Vietnam said they would step up …": every holder of the report.
                let report_at = cue_at[k];
                let end = intention_end(text, all, lowered, v + len).max(cue_end);
                let first = (0..=k)
                    .rev()
                    .take_while(|&j| out[j].start == sentence.start)
                    .last()
                    .unwrap_or(k);
                for j in first..=k {
                    if cue_at[j] == report_at {
                        cue_at[j] = from;
                        out[j].cue = text[from..end].to_string();
                    }
                }
            }
            for actor in speaker.actors() {
                let Some(found) = actors.list.get(actor) else {
                    continue;
                };
                // Only this sentence's positions can repeat: they are the last ones pushed.
                // "X said it would cut …" is one stance, cued by the report: the intention
                // gives the report its stance. An intention alone ("Kestrel would decide next
                // month") is a plan, not a stance: the dev corpus's annotators never cue one,
                // and three in four such suggestions were wrong on the fixture sets. A refusal
                // ("will not accept") is a red line and stays.
                if cue.words == "(modal)" {
                    if let Some(report) = out
                        .iter_mut()
                        .rev()
                        .take_while(|p| p.start == sentence.start)
                        .find(|p| p.actor == found.name)
                        && report.stance == Stance::Ambiguous
                    {
                        report.stance = stance;
                    }
                    continue;
                }
                // Nor is "would not accept" again when the report's cue already cites it.
                if out
                    .iter()
                    .zip(&cue_at)
                    .rev()
                    .take_while(|(p, _)| p.start == sentence.start)
                    .any(|(p, &at)| {
                        p.actor == found.name
                            && (p.cue == text[cue_start..cue_end]
                                || (at <= cue_start && at + p.cue.len() >= cue_end))
                    })
                {
                    continue;
                }
                cue_at.push(cue_start);
                out.push(PositionSuggestion {
                    actor: found.name.clone(),
                    stance,
                    cue: text[cue_start..cue_end].to_string(),
                    summary: summary.clone(),
                    conditions: conditions.clone(),
                    start: sentence.start,
                    end: sentence.end,
                });
            }
            if let Speaker::Unnamed(..) = speaker {
                continue;
            }
        }
        if let Some((cue_at_v, position)) = according_to(resolver, tokens, spans, skip) {
            let repeated = out
                .iter()
                .rev()
                .take_while(|p| p.start == sentence.start)
                .any(|p| p.actor == position.actor);
            if !repeated {
                cue_at.push(cue_at_v);
                out.push(position);
            }
        }
    }
    out
}

/// "According to Tembo, about 40 percent of shipments …": a named person's account is their
/// stance, cued by "According to". Figures "according to the data" or "according to Reuters"
/// are sources, not stances, so only a person counts.
fn according_to(
    resolver: &Resolver,
    tokens: &sentences::Sentence,
    spans: &[quotes::QuoteSpan],
    skip: usize,
) -> Option<(usize, PositionSuggestion)> {
    let (text, all, lowered) = (resolver.text, &tokens.words, &tokens.lower);
    let v = (0..lowered.len().saturating_sub(2))
        .find(|&v| lowered[v] == "according" && lowered[v + 1] == "to")?;
    if inside_quote(spans, &all[v]).is_some() {
        return None;
    }
    // "According to a statement from the union": a body's statement is its stance.
    let issued = speakers::statement_source(resolver, all, v + 1).filter(|_| {
        lowered[v + 2..]
            .iter()
            .take(3)
            .any(|w| w.starts_with("statement") || w.starts_with("communiq"))
    });
    // The name may follow a title: "According to Forum Secretary General Iosefa Tuilagi".
    let window_end = all.get(v + 12).map_or(tokens.range.end, |w| w.end);
    let named = resolver
        .actors
        .mentions_in(all[v + 2].start..window_end)
        .find(|m| {
            issued.is_some_and(|actor| actor == m.actor)
                || text.get(all[v + 1].end..m.start).is_some_and(|gap| {
                    !gap.contains([',', ';', ':', '(', '"', '“', '”'])
                        && gap
                            .split_whitespace()
                            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                })
        })?;
    let actor = resolver.actors.list.get(named.actor)?;
    if actor.kind != ActorKind::Person && issued.is_none() {
        return None;
    }
    let (cue_start, cue_end) = (all[v].start, all[v + 1].end);
    let sentence = tokens.range.clone();
    // What they said: the clause after the name's comma, or the sentence before "according to".
    let after = text.get(named.end..sentence.end).unwrap_or("");
    let said = match after.find(", ") {
        Some(comma) if v == 0 => {
            let rest = &after[comma + 2..];
            // Past an aside on who they are: ", head of the exporters' group, about 40 …".
            match rest.find(", ") {
                Some(aside) if rest[..aside].split_whitespace().count() <= 8 => &rest[aside + 2..],
                _ => rest,
            }
        }
        _ => text
            .get(sentence.start.max(skip).min(cue_start)..cue_start)
            .unwrap_or(""),
    };
    let summary = summary_of(said, after_dateline(text, &sentence, skip));
    Some((
        cue_start,
        PositionSuggestion {
            actor: actor.name.clone(),
            stance: Stance::Ambiguous,
            cue: text[cue_start..cue_end].to_string(),
            summary,
            conditions: String::new(),
            start: sentence.start,
            end: sentence.end,
        },
    ))
}

/// "She said she would return to Dakar in September", "the chair's summary would be released
/// on Friday": a report of what is scheduled, with a time in the clause of its first modal and
/// no word of stance, is a next step, not a position.
fn scheduling_report(
    lowered: &[String],
    times: &[timex::TimeExpr],
    all: &[sentences::Word],
    after: usize,
) -> bool {
    const MODALS: [&str; 6] = ["will", "would", "could", "can", "may", "might"];
    let Some(modal) = (after..lowered.len()).find(|&k| MODALS.contains(&lowered[k].as_str()))
    else {
        return false;
    };
    let clause_end = (modal + 1..lowered.len())
        .find(|&k| {
            matches!(
                lowered[k].as_str(),
                "and" | "but" | "because" | "unless" | "if"
            )
        })
        .unwrap_or(lowered.len());
    let (Some(from), Some(to)) = (all.get(modal), all.get(clause_end - 1)) else {
        return false;
    };
    let timed = times
        .iter()
        .any(|t| t.start >= from.start && t.end <= to.end);
    let stance_word = lowered[after..clause_end].iter().any(|w| {
        !MODALS.contains(&w.as_str()) && (STANCE_WORDS.contains(&w.as_str()) || w == "not")
    });
    timed && !stance_word
}

/// Words that make a reported statement a stance rather than a report of facts.
const STANCE_WORDS: &[&str] = &[
    "will",
    "not",
    "enough",
    "would",
    "should",
    "must",
    "could",
    "can",
    "may",
    "might",
    "need",
    "needs",
    "needed",
    "hope",
    "hopes",
    "want",
    "wants",
    "ready",
    "willing",
    "important",
    "confident",
    "believe",
    "believes",
    "vital",
    "crucial",
    "necessary",
    "wrong",
    "right",
    "unacceptable",
    "welcome",
    "oppose",
    "support",
    "against",
    "cannot",
    "won't",
    "shouldn't",
    "urgent",
    "urgently",
    "possible",
    "impossible",
    "expects",
    "expect",
    "try",
    "attempt",
    "aim",
    "seek",
    "intend",
    "determined",
    "committed",
    "opposed",
    "prepared",
    "respect",
    "respects",
    "respected",
    "accept",
    "accepts",
    "accepted",
    "regret",
    "regrets",
    "regretted",
    "disappointed",
    "concerned",
    "open",
];

/// Words near a time expression that make the clause point ahead.
const FUTURE_MARKERS: &[&str] = &[
    "will",
    "must",
    "should",
    "ahead",
    "would",
    "shall",
    "scheduled",
    "set",
    "due",
    "expected",
    "planned",
    "plans",
    "plan",
    "upcoming",
    "going",
    "could",
    "may",
    "might",
    "being",
    "aims",
    "intends",
    "hopes",
    "resume",
    "deadline",
    "seeking",
    "wants",
    "proposed",
    "next",
    "'ll",
    "’ll",
    "planning",
    "expects",
    "expect",
    "aim",
    "target",
    "intend",
];

/// Words that open a clause inside a sentence.
const CLAUSE_OPENERS: &[&str] = &[
    "that", "unless", "if", "until", "whether", "when", "once", "before", "after", "because",
    "while", "which", "who", "where",
];

/// "walked", "collapsed": a regular past tense (not "scheduled", "expected", "planned", which
/// point ahead, nor words like "need" or "speed").
fn past_participle(word: &str) -> bool {
    word.len() > 4
        && word.ends_with("ed")
        && !word.ends_with("eed")
        && !FUTURE_MARKERS.contains(&word)
        && !matches!(word, "intended" | "delayed" | "postponed")
}

const PAST_VERBS: &[&str] = &[
    "said",
    "announced",
    "called",
    "told",
    "met",
    "gave",
    "held",
    "began",
    "left",
    "came",
    "went",
    "was",
    "were",
    "had",
    "did",
    "took",
    "made",
    "signed",
    "agreed",
    "reported",
    "confirmed",
    "stated",
    "added",
    "described",
    "visited",
    "arrived",
    "spoke",
    // Irregular past tenses that no "-ed" rule catches: "ministers sat down Tuesday".
    "sat",
    "wrote",
    "won",
    "lost",
    "fell",
    "rose",
    "broke",
    "sought",
    "chose",
    "drew",
    "flew",
    "saw",
    "stood",
    "struck",
    "sent",
    "spent",
    "paid",
    "kept",
    "led",
    "brought",
    "bought",
    "fought",
    "heard",
    "found",
    "felt",
    "got",
];

fn find_next_steps(
    resolver: &Resolver,
    sentences: &[sentences::Sentence],
    skip: usize,
    anchor: Option<Date>,
) -> Vec<StepSuggestion> {
    let text = resolver.text;
    let actors = resolver.actors;
    let mut out: Vec<StepSuggestion> = Vec::new();
    // The same phrase and date seen before is the same step mentioned again.
    let mut seen: rustc_hash::FxHashSet<(String, Option<Date>)> = Default::default();
    for tokens in sentences {
        let sentence = &tokens.range;
        let all = &tokens.words;
        let lowered = &tokens.lower;
        for time in timex::find_times(all, lowered, anchor) {
            let first = all.iter().position(|w| w.start == time.start).unwrap_or(0);
            let before = |k: usize| first.checked_sub(k).and_then(|p| lowered.get(p));
            let after = lowered.get(time.next_word);
            // The dateline's own date ("NAIROBI, May 3 -") is when the story was filed.
            if time.start < skip {
                continue;
            }
            // "will be held on Dec. 13": a passive after "be" points wherever its modal does.
            let passive = before(2).is_some_and(|w| w == "be");
            let past_adjacent = (before(1).is_some_and(|w| PAST_VERBS.contains(&w.as_str()))
                && !passive)
                || after.is_some_and(|w| {
                    PAST_VERBS.contains(&w.as_str()) || w == "ago" || past_participle(w)
                }) && all.get(time.next_word).is_some_and(|next| {
                    // "data, due on Oct. 3, came in": the comma closes the phrase.
                    text.get(time.end..next.start)
                        .is_some_and(|gap| gap.trim().is_empty())
                });
            if past_adjacent && !time.inherently_future {
                continue;
            }
            let phrase = || {
                text[time.start..time.end]
                    .split_whitespace()
                    .map(|w| w.trim_end_matches([',', '.']))
            };
            let named_date = phrase().any(|w| crate::model::month_from_name(w).is_some());
            // "hit by two years of high prices", "after two days of talks": a span, not a date.
            // "within 30 days of the ruling" is a deadline all the same.
            let span_of = after.is_some_and(|w| w == "of")
                && !lowered[first].starts_with("within")
                && !named_date;
            if span_of {
                continue;
            }
            // "Iceland, which walked out of the talks in February", "said in a statement on
            // Thursday that …", "It last cut rates in March": a past verb earlier in the clause,
            // with nothing pointing ahead between it and the time.
            // The clause runs back to a comma or a word that opens one ("that", "unless",
            // "when" …); after "unless", "if", "until", "when", "once" or "before" a past tense
            // still points ahead ("unless the border reopened by Monday").
            let boundary = (0..first).rev().take(12).find(|&k| {
                CLAUSE_OPENERS.contains(&lowered[k].as_str())
                    || text
                        .get(all[k].end..all.get(k + 1).map_or(all[k].end, |w| w.start))
                        .is_some_and(|gap| gap.contains([',', ';', ':']))
            });
            let conditional = boundary.is_some_and(|k| {
                matches!(
                    lowered[k].as_str(),
                    "unless" | "if" | "until" | "when" | "once" | "before"
                )
            });
            let clause_start = boundary.map_or(first.saturating_sub(12), |k| k + 1);
            let past_in_clause = !time.inherently_future
                && !conditional
                && (clause_start..first).any(|j| {
                    let w = lowered[j].as_str();
                    // "can be agreed at the March summit": a passive, not a past.
                    let passive = j
                        .checked_sub(1)
                        .is_some_and(|p| matches!(lowered[p].as_str(), "be" | "been" | "being"));
                    (PAST_VERBS.contains(&w) || w == "last" || past_participle(w)) && !passive
                })
                // A long clause may carry its "will" further back than the past participle.
                && !lowered[boundary.map_or(first.saturating_sub(20), |k| k + 1)..first]
                    .iter()
                    .any(|w| FUTURE_MARKERS.contains(&w.as_str()));
            if past_in_clause {
                continue;
            }
            let window = first.saturating_sub(20)..(time.next_word + 6).min(all.len());
            // "the first annual profit in six years": a span looking back, not ahead — but "its
            // first grants in the first quarter of 2026" names when.
            let names_when = named_date
                || phrase().any(|w| {
                    matches!(w, "quarter" | "half")
                        || (w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))
                });
            let looking_back = !names_when
                && lowered[first.saturating_sub(8)..first].iter().any(|w| {
                    matches!(w.as_str(), "first" | "since" | "not" | "never")
                        || (w.ends_with("est") && w.len() > 5)
                })
                && lowered.get(first).is_some_and(|w| w == "in" || w == "for");
            if looking_back {
                continue;
            }
            // "Shareholders vote on Nov. 14": a named calendar date after the article's own
            // date, in a sentence without a past-tense verb, is ahead as well.
            // A month alone that falls only next year ("a stoppage in March", filed in
            // October) is this year's, past: ahead only with a day, a year or a marker.
            let day_or_year = phrase().any(|w| w.chars().any(|c| c.is_ascii_digit()));
            let dated_ahead = named_date
                && matches!((anchor, time.from), (Some(anchor), Some(from))
                    if from > anchor && (day_or_year || from.year == anchor.year))
                && !lowered[window.clone()].iter().any(|w| {
                    PAST_VERBS.contains(&w.as_str())
                        || matches!(w.as_str(), "was" | "were" | "had" | "did")
                })
                // "In April, the bank briefly raised its rate": a past tense just after.
                && !lowered[time.next_word.min(window.end)..window.end]
                    .iter()
                    .any(|w| past_participle(w));
            // "the ministry has until March 5 to lodge one": a deadline still open.
            let open_deadline = lowered[first] == "until"
                && before(1).is_some_and(|w| matches!(w.as_str(), "has" | "have"));
            let future = time.inherently_future
                || dated_ahead
                || open_deadline
                || lowered[window]
                    .iter()
                    .any(|w| FUTURE_MARKERS.contains(&w.as_str()));
            if !future {
                continue;
            }
            if let (Some(anchor), Some(from)) = (anchor, time.to.or(time.from))
                && from < anchor
            {
                continue;
            }
            let when = text[time.start..time.end].to_string();
            if !seen.insert((when.to_lowercase(), time.from)) {
                continue;
            }
            let sentence_text = &text[sentence.clone()];
            let what = format!(
                "{}{}",
                &text[sentence.start.max(skip).min(time.start)..time.start],
                &text[time.end..sentence.end]
            );
            let mut who: Vec<String> = Vec::new();
            for m in actors.mentions_in(sentence.clone()) {
                if let Some(a) = actors.list.get(m.actor)
                    && !who.contains(&a.name)
                {
                    who.push(a.name.clone());
                }
            }
            let condition = condition_in(sentence_text);
            let lower_sentence = sentence_text.to_lowercase();
            let status = if !condition.is_empty() {
                StepStatus::Contingent
            } else if ["agreed", "will ", "scheduled", "set to", "due to"]
                .iter()
                .any(|m| lower_sentence.contains(m))
            {
                if lower_sentence.contains("agreed") {
                    StepStatus::Agreed
                } else {
                    StepStatus::Announced
                }
            } else {
                StepStatus::Proposed
            };
            out.push(StepSuggestion {
                what: summarise(&what, 30),
                when,
                who,
                date_from: time.from,
                date_to: time.to,
                qualifier: time.qualifier,
                status,
                condition,
                start: sentence.start,
                end: sentence.end,
            });
        }
    }
    out
}
