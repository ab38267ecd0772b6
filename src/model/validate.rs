//! Checks a brief for problems an analyst or reviewer must fix: dangling references, missing
//! required fields, a decision brief with nothing to decide, citations that no longer match their
//! source. Validation never fails and never panics; it returns diagnostics.

use super::brief::{Assessment, Brief, EstimativeScale, Purpose};
use super::source::sha256_hex;
use std::collections::HashSet;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One problem found in a brief.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable code, e.g. `BD004`, so a check can be looked up and silenced.
    pub code: &'static str,
    /// Where in the brief, as a field path such as `positions[2].actor`.
    pub path: String,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{level}[{}]: {} ({})",
            self.code, self.message, self.path
        )
    }
}

/// Every check and its meaning, in code order.
pub const CHECKS: &[(&str, &str)] = &[
    ("BD001", "a required field is empty"),
    ("BD002", "two items share an id"),
    (
        "BD003",
        "a reference names an actor, issue, source or option that does not exist",
    ),
    (
        "BD004",
        "a decision or approval brief lacks two options weighed with pros and cons, or a recommendation",
    ),
    (
        "BD005",
        "a citation's quoted text no longer matches its source",
    ),
    (
        "BD006",
        "a source's text does not match its recorded SHA-256",
    ),
    ("BD007", "a resolved date range ends before it starts"),
    (
        "BD008",
        "a position, next step or current-status statement has no evidence",
    ),
    (
        "BD009",
        "an item proposed by the drafting assistant is not yet accepted",
    ),
    ("BD010", "a source has no Admiralty grade"),
    (
        "BD011",
        "the bottom line is over 60 words or over three sentences",
    ),
    ("BD012", "the body of the brief runs past two pages"),
    ("BD013", "a next step does not say who acts or when"),
    (
        "BD014",
        "the assessment uses a term from another estimative scale",
    ),
    (
        "BD015",
        "a vague hedge (may, could, possibly, perhaps, might) in the assessment",
    ),
    (
        "BD016",
        "a confidence level in the same sentence as a likelihood term",
    ),
    (
        "BD017",
        "the brief silences a check that does not exist or cannot be silenced",
    ),
];

/// Checks of the brief's integrity — empty required fields, broken ids or references, a source
/// snapshot that changed, impossible dates — and the check on silencing itself. They say the file
/// is wrong, not that the analysis is unconventional, so they cannot be silenced. Every
/// tradecraft check can, including the errors BD004 (a decision brief with one option is
/// sometimes the point) and BD005; a silenced error no longer fails `briefdesk check`.
const NOT_SILENCEABLE: [&str; 6] = ["BD001", "BD002", "BD003", "BD006", "BD007", "BD017"];

/// Whether `code` names a check that a brief may silence.
pub fn is_silenceable(code: &str) -> bool {
    CHECKS.iter().any(|(c, _)| *c == code) && !NOT_SILENCEABLE.contains(&code)
}

/// What validation knows about a brief beyond its own data.
#[derive(Clone, Copy, Debug, Default)]
pub struct Context {
    /// Pages the body of the brief fills when laid out (everything before the sources, notes and
    /// annexes), if it has been laid out.
    pub body_pages: Option<usize>,
}

/// Longest bottom line a reader takes in at a glance.
pub const BLUF_MAX_WORDS: usize = 60;
pub const BLUF_MAX_SENTENCES: usize = 3;
/// Government briefing notes keep the body to two pages; the rest goes in annexes.
pub const MAX_BODY_PAGES: usize = 2;

struct Collector(Vec<Diagnostic>);

impl Collector {
    fn push(
        &mut self,
        severity: Severity,
        code: &'static str,
        path: impl Into<String>,
        msg: String,
    ) {
        self.0.push(Diagnostic {
            severity,
            code,
            path: path.into(),
            message: msg,
        });
    }
    fn error(&mut self, code: &'static str, path: impl Into<String>, msg: String) {
        self.push(Severity::Error, code, path, msg);
    }
    fn warning(&mut self, code: &'static str, path: impl Into<String>, msg: String) {
        self.push(Severity::Warning, code, path, msg);
    }
    fn require(&mut self, path: &str, value: &str, what: &str) {
        if value.trim().is_empty() {
            self.error("BD001", path, format!("{what} is empty"));
        }
    }
    fn unique<'a>(&mut self, what: &str, ids: impl Iterator<Item = (String, &'a str)>) {
        let mut seen = HashSet::new();
        for (path, id) in ids {
            if !seen.insert(id) {
                self.error("BD002", path, format!("{what} id `{id}` is used twice"));
            }
        }
    }
}

/// All problems in `brief` that it does not silence, errors first, then in document order.
pub fn validate(brief: &Brief) -> Vec<Diagnostic> {
    validate_in(brief, &Context::default())
}

/// [`validate`], plus the checks that need to know how the brief lays out.
pub fn validate_in(brief: &Brief, context: &Context) -> Vec<Diagnostic> {
    let mut diagnostics = all_diagnostics(brief, context);
    diagnostics.retain(|d| !is_silenced(brief, d));
    diagnostics
}

/// How many diagnostics the brief's silenced checks hide.
pub fn silenced_count(brief: &Brief, context: &Context) -> usize {
    all_diagnostics(brief, context)
        .iter()
        .filter(|d| is_silenced(brief, d))
        .count()
}

fn is_silenced(brief: &Brief, diagnostic: &Diagnostic) -> bool {
    brief.silenced_checks.iter().any(|c| c == diagnostic.code) && is_silenceable(diagnostic.code)
}

fn all_diagnostics(brief: &Brief, context: &Context) -> Vec<Diagnostic> {
    let mut out = Collector(Vec::new());
    let meta = &brief.meta;
    out.require("meta.title", &meta.title, "The title");
    out.require("meta.reference", &meta.reference, "The reference");
    out.require(
        "sections.bluf",
        &brief.sections.bluf,
        "The bottom line up front",
    );

    check_ids(brief, &mut out);
    check_references(brief, &mut out);

    let sections = &brief.sections;
    check_bluf(&sections.bluf, &mut out);
    if let Some(pages) = context.body_pages
        && pages > MAX_BODY_PAGES
    {
        out.warning(
            "BD012",
            "sections",
            format!(
                "The body of the brief runs to {pages} pages; keep it to {MAX_BODY_PAGES} and move detail to annexes"
            ),
        );
    }
    check_estimative_language(&sections.assessment, &mut out);
    if !sections.current_status.trim().is_empty() && sections.current_status_evidence.is_empty() {
        out.warning(
            "BD008",
            "sections.current_status_evidence",
            "The current status cites no evidence".into(),
        );
    }
    if matches!(meta.purpose, Purpose::ForDecision | Purpose::ForApproval) {
        let weighed = sections
            .options
            .iter()
            .filter(|o| has_items(&o.pros) && has_items(&o.cons))
            .count();
        if sections.options.len() < 2 {
            out.error(
                "BD004",
                "sections.options",
                format!(
                    "A brief {} sets out {} option{}; set out at least two",
                    meta.purpose.label().to_lowercase(),
                    sections.options.len(),
                    if sections.options.len() == 1 { "" } else { "s" }
                ),
            );
        } else if weighed < sections.options.len() {
            for (i, option) in sections.options.iter().enumerate() {
                if !(has_items(&option.pros) && has_items(&option.cons)) {
                    out.error(
                        "BD004",
                        format!("sections.options[{i}]"),
                        format!(
                            "Option “{}” needs both pros and cons for the reader to weigh it",
                            shorten(option.title.trim(), 40)
                        ),
                    );
                }
            }
        }
        if sections.recommendation.trim().is_empty() {
            out.error(
                "BD004",
                "sections.recommendation",
                format!(
                    "A brief {} makes no recommendation",
                    meta.purpose.label().to_lowercase()
                ),
            );
        }
    }
    for (i, option) in sections.options.iter().enumerate() {
        out.require(
            &format!("sections.options[{i}].title"),
            &option.title,
            "The option's title",
        );
    }

    for (i, source) in brief.sources.iter().enumerate() {
        out.require(
            &format!("sources[{i}].title"),
            &source.title,
            "The source's title",
        );
        if sha256_hex(&source.text) != source.sha256.to_ascii_lowercase() {
            out.error(
                "BD006",
                format!("sources[{i}].sha256"),
                format!(
                    "Source `{}` has changed since its snapshot was taken (SHA-256 mismatch)",
                    source.id
                ),
            );
        }
        if source.grade.is_none() {
            out.warning(
                "BD010",
                format!("sources[{i}].grade"),
                format!("Source `{}` has no Admiralty grade", source.id),
            );
        }
    }

    for (i, position) in brief.positions.iter().enumerate() {
        let path = format!("positions[{i}]");
        out.require(
            &format!("{path}.summary"),
            &position.summary,
            "The position's summary",
        );
        if position.evidence.is_empty() {
            out.warning(
                "BD008",
                format!("{path}.evidence"),
                "The position cites no evidence".into(),
            );
        }
        if position.suggested {
            out.warning(
                "BD009",
                format!("{path}.suggested"),
                "Suggested position not yet accepted".into(),
            );
        }
    }
    for (i, step) in brief.next_steps.iter().enumerate() {
        let path = format!("next_steps[{i}]");
        out.require(&format!("{path}.what"), &step.what, "What happens next");
        if step.who.is_empty() {
            out.warning(
                "BD013",
                format!("{path}.who"),
                "The next step does not say who acts".into(),
            );
        }
        if step.when.phrase.trim().is_empty() && step.when.from.is_none() {
            out.warning(
                "BD013",
                format!("{path}.when"),
                "The next step does not say when".into(),
            );
        }
        if step.evidence.is_empty() {
            out.warning(
                "BD008",
                format!("{path}.evidence"),
                "The next step cites no evidence".into(),
            );
        }
        if let (Some(from), Some(to)) = (step.when.from, step.when.to)
            && to < from
        {
            out.error(
                "BD007",
                format!("{path}.when.to"),
                format!("The date range ends ({to}) before it starts ({from})"),
            );
        }
        if step.suggested {
            out.warning(
                "BD009",
                format!("{path}.suggested"),
                "Suggested next step not yet accepted".into(),
            );
        }
    }
    for (i, actor) in brief.actors.iter().enumerate() {
        out.require(
            &format!("actors[{i}].name"),
            &actor.name,
            "The actor's name",
        );
        if actor.suggested {
            out.warning(
                "BD009",
                format!("actors[{i}].suggested"),
                "Suggested actor not yet accepted".into(),
            );
        }
    }
    for (i, issue) in brief.issues.iter().enumerate() {
        out.require(
            &format!("issues[{i}].name"),
            &issue.name,
            "The issue's name",
        );
    }

    for (i, code) in brief.silenced_checks.iter().enumerate() {
        if !is_silenceable(code) {
            out.warning(
                "BD017",
                format!("silenced_checks[{i}]"),
                if CHECKS.iter().any(|(c, _)| c == code) {
                    format!("Check {code} guards the brief's integrity and cannot be silenced")
                } else {
                    format!("There is no check {code} to silence")
                },
            );
        }
    }

    let mut diagnostics = out.0;
    diagnostics.sort_by_key(|d| std::cmp::Reverse(d.severity));
    diagnostics
}

fn check_ids(brief: &Brief, out: &mut Collector) {
    fn indexed<'a>(
        prefix: &'static str,
        ids: impl Iterator<Item = &'a str>,
    ) -> impl Iterator<Item = (String, &'a str)> {
        ids.enumerate()
            .map(move |(i, id)| (format!("{prefix}[{i}].id"), id))
    }
    out.unique(
        "Actor",
        indexed("actors", brief.actors.iter().map(|a| a.id.as_str())),
    );
    out.unique(
        "Issue",
        indexed("issues", brief.issues.iter().map(|a| a.id.as_str())),
    );
    out.unique(
        "Position",
        indexed("positions", brief.positions.iter().map(|a| a.id.as_str())),
    );
    out.unique(
        "Next step",
        indexed("next_steps", brief.next_steps.iter().map(|a| a.id.as_str())),
    );
    out.unique(
        "Source",
        indexed("sources", brief.sources.iter().map(|a| a.id.as_str())),
    );
    out.unique(
        "Option",
        indexed(
            "sections.options",
            brief.sections.options.iter().map(|a| a.id.as_str()),
        ),
    );
}

fn check_references(brief: &Brief, out: &mut Collector) {
    for (i, actor) in brief.actors.iter().enumerate() {
        if let Some(affiliation) = &actor.affiliation
            && brief.actor(affiliation).is_none()
        {
            out.error(
                "BD003",
                format!("actors[{i}].affiliation"),
                format!(
                    "Actor `{}` is affiliated with unknown actor `{affiliation}`",
                    actor.id
                ),
            );
        }
    }
    for (i, position) in brief.positions.iter().enumerate() {
        if brief.actor(&position.actor).is_none() {
            out.error(
                "BD003",
                format!("positions[{i}].actor"),
                format!(
                    "Position `{}` names unknown actor `{}`",
                    position.id, position.actor
                ),
            );
        }
        if brief.issue(&position.issue).is_none() {
            out.error(
                "BD003",
                format!("positions[{i}].issue"),
                format!(
                    "Position `{}` names unknown issue `{}`",
                    position.id, position.issue
                ),
            );
        }
    }
    for (i, step) in brief.next_steps.iter().enumerate() {
        for (j, who) in step.who.iter().enumerate() {
            if brief.actor(who).is_none() {
                out.error(
                    "BD003",
                    format!("next_steps[{i}].who[{j}]"),
                    format!("Next step `{}` names unknown actor `{who}`", step.id),
                );
            }
        }
    }
    for (path, citation) in brief.citations() {
        match brief.source(&citation.source) {
            None => out.error(
                "BD003",
                format!("{path}.source"),
                format!("Citation names unknown source `{}`", citation.source),
            ),
            Some(source) if !citation.matches(source) => out.error(
                "BD005",
                format!("{path}.quote"),
                format!(
                    "Quoted text “{}” is not at bytes {}..{} of source `{}`",
                    shorten(&citation.quote, 60),
                    citation.start,
                    citation.end,
                    source.id
                ),
            ),
            Some(_) => {}
        }
    }
}

fn has_items(list: &[String]) -> bool {
    list.iter().any(|item| !item.trim().is_empty())
}

fn check_bluf(bluf: &str, out: &mut Collector) {
    let words = bluf
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    let sentences = sentences(bluf).count();
    if words > BLUF_MAX_WORDS || sentences > BLUF_MAX_SENTENCES {
        out.warning(
            "BD011",
            "sections.bluf",
            format!(
                "The bottom line runs to {words} words in {sentences} sentence{}; keep it within {BLUF_MAX_WORDS} words and {BLUF_MAX_SENTENCES} sentences",
                if sentences == 1 { "" } else { "s" }
            ),
        );
    }
}

/// Sentences of prose, split after `.`, `!` or `?` (and a closing quote) before a capital,
/// a digit or an opening quote. Good enough for an analyst's own sentences, which (unlike wire
/// copy) rarely hold abbreviations; a known few are skipped.
pub fn sentences(text: &str) -> impl Iterator<Item = &str> {
    const ABBREVIATIONS: [&str; 8] = ["Mr.", "Mrs.", "Ms.", "Dr.", "U.S.", "U.K.", "e.g.", "i.e."];
    let mut starts = vec![0];
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(at, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let mut end = k + 1;
        while end < chars.len() && matches!(chars[end].1, '"' | '”' | '’' | '\'' | ')') {
            end += 1;
        }
        let mut next = end;
        while next < chars.len() && chars[next].1.is_whitespace() {
            next += 1;
        }
        let Some(&(start, following)) = chars.get(next) else {
            continue;
        };
        // The word ending here starts after the last space, which may be wider than a byte
        // (no-break and narrow no-break spaces come in with pasted text).
        let word_start = text[..=at].rfind(char::is_whitespace).map_or(0, |w| {
            w + text[w..].chars().next().map_or(1, char::len_utf8)
        });
        let word = &text[word_start..at + c.len_utf8()];
        if next > end
            && (following.is_uppercase()
                || following.is_ascii_digit()
                || matches!(following, '"' | '“' | '‘'))
            && !ABBREVIATIONS.contains(&word)
        {
            starts.push(start);
        }
    }
    starts.push(text.len());
    starts
        .windows(2)
        .map(move |w| text[w[0]..w[1]].trim())
        .filter(|s| s.chars().any(char::is_alphanumeric))
        .collect::<Vec<_>>()
        .into_iter()
}

/// Which published scales use an estimative phrase.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ScaleUse {
    Icd203,
    Uk,
    Both,
}

/// Likelihood phrases of ICD 203 and the UK yardstick (with common inflections), so that words
/// from the scale a brief does not use can be caught. Matched longest first.
const ESTIMATIVE_TERMS: &[(&str, ScaleUse)] = &[
    ("almost no chance", ScaleUse::Icd203),
    ("remote chance", ScaleUse::Uk),
    ("very unlikely", ScaleUse::Icd203),
    ("highly improbable", ScaleUse::Icd203),
    ("highly unlikely", ScaleUse::Uk),
    ("improbable", ScaleUse::Icd203),
    ("unlikely", ScaleUse::Both),
    ("roughly even chance", ScaleUse::Icd203),
    ("roughly even odds", ScaleUse::Icd203),
    ("realistic possibility", ScaleUse::Uk),
    ("very likely", ScaleUse::Icd203),
    ("highly probable", ScaleUse::Icd203),
    ("highly likely", ScaleUse::Uk),
    ("likely", ScaleUse::Both),
    ("probable", ScaleUse::Both),
    ("probably", ScaleUse::Both),
    ("nearly certain", ScaleUse::Icd203),
    ("almost certain", ScaleUse::Both),
    ("almost certainly", ScaleUse::Both),
];

const HEDGES: [&str; 5] = ["may", "could", "possibly", "perhaps", "might"];

/// `sentence` with quoted passages (“…”, "…") blanked out.
fn without_quotes(sentence: &str) -> String {
    let mut out = String::with_capacity(sentence.len());
    let mut quoted = false;
    for c in sentence.chars() {
        match c {
            '“' => quoted = true,
            '”' => quoted = false,
            '"' => quoted = !quoted,
            _ if quoted => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

fn lower_words(sentence: &str) -> Vec<(String, &str)> {
    sentence
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(|w| (w.to_lowercase(), w))
        .collect()
}

/// The estimative phrases in `words`, longest match first at each word.
fn estimative_terms(words: &[(String, &str)]) -> Vec<(&'static str, ScaleUse)> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let best = ESTIMATIVE_TERMS
            .iter()
            .filter(|(term, _)| {
                let parts: Vec<&str> = term.split(' ').collect();
                words.len() - i >= parts.len()
                    && parts.iter().zip(&words[i..]).all(|(p, (w, _))| p == w)
            })
            .max_by_key(|(term, _)| term.split(' ').count());
        match best {
            Some(&(term, scale)) => {
                found.push((term, scale));
                i += term.split(' ').count();
            }
            None => i += 1,
        }
    }
    found
}

fn check_estimative_language(assessment: &Assessment, out: &mut Collector) {
    let path = "sections.assessment.text";
    let (own, other) = match assessment.scale {
        EstimativeScale::Icd203 => (ScaleUse::Icd203, EstimativeScale::UkYardstick),
        EstimativeScale::UkYardstick => (ScaleUse::Uk, EstimativeScale::Icd203),
    };
    for (n, sentence) in sentences(&assessment.text).enumerate() {
        let words = lower_words(sentence);
        let terms = estimative_terms(&words);
        for (term, scale) in &terms {
            if *scale != own && *scale != ScaleUse::Both {
                out.warning(
                    "BD014",
                    path,
                    format!(
                        "Sentence {}: “{term}” is from {}, but this brief uses {}",
                        n + 1,
                        other.in_sentence(),
                        assessment.scale.in_sentence()
                    ),
                );
            }
        }
        // Quoted words are the source's, not the analyst's hedging.
        let unquoted = without_quotes(sentence);
        let own_words = lower_words(&unquoted);
        for (k, (word, original)) in own_words.iter().enumerate() {
            // "May" capitalised after the first word is the month or a name (Theresa May).
            let name = k > 0 && original.starts_with(|c: char| c.is_uppercase());
            if HEDGES.contains(&word.as_str()) && !name {
                out.warning(
                    "BD015",
                    path,
                    format!(
                        "Sentence {}: “{original}” is a vague hedge; say how likely with a term from {}",
                        n + 1,
                        assessment.scale.in_sentence()
                    ),
                );
            }
        }
        let confidence = words.windows(2).any(|pair| {
            pair[1].0 == "confidence"
                && matches!(pair[0].0.as_str(), "low" | "moderate" | "medium" | "high")
        });
        if confidence && !terms.is_empty() {
            out.warning(
                "BD016",
                path,
                format!(
                    "Sentence {}: a confidence level and a likelihood term (“{}”) in one sentence; state them apart so the reader does not read one as the other",
                    n + 1,
                    terms[0].0
                ),
            );
        }
    }
}

fn shorten(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}
