//! Checks a brief for problems an analyst or reviewer must fix: dangling references, missing
//! required fields, a decision brief with nothing to decide, citations that no longer match their
//! source. Validation never fails and never panics; it returns diagnostics.

use super::brief::{Brief, Purpose};
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
        "a decision or approval brief lacks options or a recommendation",
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
    ("BD008", "a position or next step has no evidence"),
    (
        "BD009",
        "an item proposed by the drafting assistant is not yet accepted",
    ),
    ("BD010", "a source has no Admiralty grade"),
];

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

/// All problems in `brief`, errors first, then in document order.
pub fn validate(brief: &Brief) -> Vec<Diagnostic> {
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
    if matches!(meta.purpose, Purpose::ForDecision | Purpose::ForApproval) {
        if sections.options.is_empty() {
            out.error(
                "BD004",
                "sections.options",
                format!(
                    "A brief {} sets out no options",
                    meta.purpose.label().to_lowercase()
                ),
            );
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

fn shorten(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}
