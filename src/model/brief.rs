//! The briefing note itself: metadata, the narrative sections, and the structured tables
//! (actors, issues, positions, next steps) that make a brief traceable to its sources.
//!
//! The shape follows government briefing-note practice (purpose, background, current status,
//! options, recommendation, next steps) with a bottom line up front, ICD 203/206 estimative
//! language and confidence, and TLP 2.0 sharing labels.

use super::ids::{ActorId, IssueId, OptionId, PositionId, SourceId, StepId};
use super::marking::{Marking, Tlp};
use super::source::{Citation, Source};
use super::time::{Date, Timestamp};
use serde::{Deserialize, Serialize};

fn is_false(value: &bool) -> bool {
    !*value
}

/// A complete briefing note.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Brief {
    pub meta: Metadata,
    pub sections: Sections,
    pub actors: Vec<Actor>,
    pub issues: Vec<Issue>,
    pub positions: Vec<Position>,
    pub next_steps: Vec<NextStep>,
    pub sources: Vec<Source>,
    /// Codes of tradecraft checks (e.g. `BD015`) the analyst has decided not to see for this
    /// brief, with the reviewer's agreement; integrity checks cannot be silenced.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub silenced_checks: Vec<String>,
}

/// Who the brief is for, what it is, and how it may be handled.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    /// Registry reference, e.g. `BN-2025-0142`.
    pub reference: String,
    /// Issue number of this brief; bumped when a revised version is circulated.
    pub version: u32,
    pub title: String,
    pub purpose: Purpose,
    /// The reader(s) the brief is addressed to, e.g. "Foreign Secretary".
    pub audience: String,
    pub author: String,
    pub reviewer: String,
    pub issue_date: Option<Date>,
    /// The latest information the brief takes into account.
    pub information_cutoff: Option<Timestamp>,
    pub created: Timestamp,
    pub updated: Timestamp,
    pub status: BriefStatus,
    pub marking: Marking,
    pub tlp: Option<Tlp>,
}

/// Why the reader is receiving the brief.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Purpose {
    ForInformation,
    ForDecision,
    ForApproval,
}

impl Purpose {
    pub const ALL: [Purpose; 3] = [Self::ForInformation, Self::ForDecision, Self::ForApproval];

    pub fn label(self) -> &'static str {
        match self {
            Self::ForInformation => "For information",
            Self::ForDecision => "For decision",
            Self::ForApproval => "For approval",
        }
    }
}

/// Drafts carry a watermark when printed; approved briefs do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BriefStatus {
    Draft,
    Approved,
}

impl BriefStatus {
    pub fn label(self) -> &'static str {
        match self {
            Self::Draft => "Draft",
            Self::Approved => "Approved",
        }
    }
}

/// The narrative of the brief, in reading order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Sections {
    /// Bottom line up front: what the reader must know if they read nothing else.
    pub bluf: String,
    /// The question or problem the brief addresses.
    pub issue: String,
    pub background: String,
    pub current_status: String,
    /// Where the statements of the current status come from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub current_status_evidence: Vec<Citation>,
    pub assessment: Assessment,
    pub key_assumptions: Vec<String>,
    pub options: Vec<PolicyOption>,
    pub recommendation: String,
    pub indicators: Vec<String>,
    pub information_gaps: Vec<String>,
}

/// The analytic judgement, with likelihood and confidence kept apart as ICD 203 requires.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub text: String,
    /// The single estimative scale this brief uses for likelihood terms.
    pub scale: EstimativeScale,
    pub likelihood: Option<Likelihood>,
    pub confidence: Option<Confidence>,
}

impl Assessment {
    /// Nothing judged and nothing written.
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty() && self.likelihood.is_none() && self.confidence.is_none()
    }

    /// The judgement in words, as printed: "Likelihood: unlikely (20-45%, ICD 203)",
    /// "Confidence: moderate confidence".
    pub fn judgement(&self) -> Vec<String> {
        let mut parts = Vec::new();
        if let Some(band) = self.likelihood {
            let (term, range) = self.scale.term(band);
            parts.push(format!(
                "Likelihood: {term} ({range}, {})",
                self.scale.label()
            ));
        }
        if let Some(confidence) = self.confidence {
            parts.push(format!("Confidence: {}", confidence.label()));
        }
        parts
    }
}

/// A published scale of words of estimative probability.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum EstimativeScale {
    /// US Intelligence Community Directive 203.
    #[default]
    Icd203,
    /// The UK Professional Head of Intelligence Assessment probability yardstick.
    UkYardstick,
}

impl EstimativeScale {
    pub const ALL: [EstimativeScale; 2] = [Self::Icd203, Self::UkYardstick];

    pub fn label(self) -> &'static str {
        match self {
            Self::Icd203 => "ICD 203",
            Self::UkYardstick => "UK probability yardstick",
        }
    }

    /// The scale's name as it reads inside a sentence: "the ICD 203 scale".
    pub fn in_sentence(self) -> &'static str {
        match self {
            Self::Icd203 => "the ICD 203 scale",
            Self::UkYardstick => "the UK probability yardstick",
        }
    }

    /// The term this scale uses for a likelihood band, with its probability range.
    pub fn term(self, band: Likelihood) -> (&'static str, &'static str) {
        use Likelihood::*;
        match (self, band) {
            (Self::Icd203, AlmostNoChance) => ("almost no chance", "01-05%"),
            (Self::Icd203, VeryUnlikely) => ("very unlikely", "05-20%"),
            (Self::Icd203, Unlikely) => ("unlikely", "20-45%"),
            (Self::Icd203, EvenChance) => ("roughly even chance", "45-55%"),
            (Self::Icd203, Likely) => ("likely", "55-80%"),
            (Self::Icd203, VeryLikely) => ("very likely", "80-95%"),
            (Self::Icd203, AlmostCertain) => ("almost certain", "95-99%"),
            (Self::UkYardstick, AlmostNoChance) => ("remote chance", "≤5%"),
            (Self::UkYardstick, VeryUnlikely) => ("highly unlikely", "10-20%"),
            (Self::UkYardstick, Unlikely) => ("unlikely", "25-35%"),
            (Self::UkYardstick, EvenChance) => ("realistic possibility", "40-50%"),
            (Self::UkYardstick, Likely) => ("likely or probable", "55-75%"),
            (Self::UkYardstick, VeryLikely) => ("highly likely", "80-90%"),
            (Self::UkYardstick, AlmostCertain) => ("almost certain", "≥95%"),
        }
    }
}

/// One of the seven probability bands both scales share; the words come from the chosen scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Likelihood {
    AlmostNoChance,
    VeryUnlikely,
    Unlikely,
    EvenChance,
    Likely,
    VeryLikely,
    AlmostCertain,
}

impl Likelihood {
    pub const ALL: [Likelihood; 7] = [
        Self::AlmostNoChance,
        Self::VeryUnlikely,
        Self::Unlikely,
        Self::EvenChance,
        Self::Likely,
        Self::VeryLikely,
        Self::AlmostCertain,
    ];
}

/// Analytic confidence: how good the evidence and reasoning are, not how likely the event is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Confidence {
    Low,
    Moderate,
    High,
}

impl Confidence {
    pub const ALL: [Confidence; 3] = [Self::Low, Self::Moderate, Self::High];

    pub fn label(self) -> &'static str {
        match self {
            Self::Low => "low confidence",
            Self::Moderate => "moderate confidence",
            Self::High => "high confidence",
        }
    }
}

/// A course of action put to the reader, with its pros and cons.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PolicyOption {
    pub id: OptionId,
    pub title: String,
    pub description: String,
    pub pros: Vec<String>,
    pub cons: Vec<String>,
}

/// Someone whose position matters: a state, a government, a person, an organisation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub id: ActorId,
    pub name: String,
    pub kind: ActorKind,
    /// Role or title, e.g. "President of the United States".
    pub role: String,
    /// The state or organisation this actor speaks for, if it is also an actor in the brief.
    pub affiliation: Option<ActorId>,
    /// Other spellings and scripts, e.g. "Зеленський".
    pub aliases: Vec<String>,
    /// Proposed by the drafting assistant and not yet accepted by the analyst.
    #[serde(default, skip_serializing_if = "is_false")]
    pub suggested: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActorKind {
    State,
    Government,
    Person,
    InternationalOrganisation,
    Party,
    Other,
}

impl ActorKind {
    pub const ALL: [ActorKind; 6] = [
        Self::State,
        Self::Government,
        Self::Person,
        Self::InternationalOrganisation,
        Self::Party,
        Self::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::State => "State",
            Self::Government => "Government",
            Self::Person => "Person",
            Self::InternationalOrganisation => "International organisation",
            Self::Party => "Party",
            Self::Other => "Other",
        }
    }
}

/// A question the actors disagree on, e.g. "NATO membership for Ukraine".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Issue {
    pub id: IssueId,
    pub name: String,
    pub description: String,
}

/// What one actor holds on one issue, traceable to the words it came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Position {
    pub id: PositionId,
    pub actor: ActorId,
    pub issue: IssueId,
    pub stance: Stance,
    /// The analyst's one-line summary of the position.
    pub summary: String,
    /// Conditions attached to the position, or red lines.
    pub conditions: String,
    pub stated_on: Option<Date>,
    pub evidence: Vec<Citation>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub suggested: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stance {
    Supports,
    Opposes,
    Demands,
    Conditional,
    Undecided,
    Ambiguous,
}

impl Stance {
    pub const ALL: [Stance; 6] = [
        Self::Supports,
        Self::Opposes,
        Self::Demands,
        Self::Conditional,
        Self::Undecided,
        Self::Ambiguous,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Supports => "Supports",
            Self::Opposes => "Opposes",
            Self::Demands => "Demands",
            Self::Conditional => "Conditional",
            Self::Undecided => "Undecided",
            Self::Ambiguous => "Ambiguous",
        }
    }
}

/// Something that is expected to happen, by whom, when, and on what condition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NextStep {
    pub id: StepId,
    pub what: String,
    pub who: Vec<ActorId>,
    pub when: When,
    /// Where it happens, e.g. "Washington (Oval Office)".
    pub place: String,
    pub status: StepStatus,
    /// What it depends on, e.g. "contingent on the Oval Office meeting".
    pub condition: String,
    pub evidence: Vec<Citation>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub suggested: bool,
}

/// A time as the source wrote it, and what the analyst resolved it to.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct When {
    /// The phrase exactly as written, e.g. "as early as next week".
    pub phrase: String,
    /// First day of the resolved date or range.
    pub from: Option<Date>,
    /// Last day of the resolved range; `None` for a single day.
    pub to: Option<Date>,
    pub qualifier: TimeQualifier,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimeQualifier {
    /// On that date.
    Exact,
    /// Not before that date ("as early as").
    Earliest,
    /// Not after that date ("by", "within").
    Deadline,
    /// Around that time ("later this month").
    #[default]
    Approximate,
}

impl TimeQualifier {
    pub const ALL: [TimeQualifier; 4] = [
        Self::Exact,
        Self::Earliest,
        Self::Deadline,
        Self::Approximate,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Exact => "exact",
            Self::Earliest => "earliest",
            Self::Deadline => "deadline",
            Self::Approximate => "approximate",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StepStatus {
    Announced,
    Agreed,
    Proposed,
    Contingent,
    Done,
    Cancelled,
}

impl StepStatus {
    pub const ALL: [StepStatus; 6] = [
        Self::Announced,
        Self::Agreed,
        Self::Proposed,
        Self::Contingent,
        Self::Done,
        Self::Cancelled,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Announced => "Announced",
            Self::Agreed => "Agreed",
            Self::Proposed => "Proposed",
            Self::Contingent => "Contingent",
            Self::Done => "Done",
            Self::Cancelled => "Cancelled",
        }
    }
}

impl When {
    /// The resolved date in words with its qualifier: "not before 18 August 2025".
    pub fn resolved_text(&self) -> Option<String> {
        let from = self.from?;
        let range = match self.to {
            Some(to) if to != from => format!("{} – {}", from.long_form(), to.long_form()),
            _ => from.long_form(),
        };
        Some(match self.qualifier {
            TimeQualifier::Exact => range,
            TimeQualifier::Earliest => format!("not before {range}"),
            TimeQualifier::Deadline => format!("by {range}"),
            TimeQualifier::Approximate => format!("around {range}"),
        })
    }
}

impl Brief {
    /// An empty, undecided position of `actor` on `issue`, with an id no position has yet.
    pub fn new_position(&self, actor: ActorId, issue: IssueId) -> Position {
        Position {
            id: PositionId::fresh(self.positions.iter().map(|p| &p.id)),
            actor,
            issue,
            stance: Stance::Undecided,
            summary: String::new(),
            conditions: String::new(),
            stated_on: None,
            evidence: Vec::new(),
            suggested: false,
        }
    }

    /// The actor's name, or a visible placeholder naming an id no actor has.
    pub fn actor_label(&self, id: &ActorId) -> String {
        self.actor(id)
            .map_or_else(|| format!("(unknown: {id})"), |a| a.name.clone())
    }

    /// The issue's name, or a visible placeholder naming an id no issue has.
    pub fn issue_label(&self, id: &IssueId) -> String {
        self.issue(id)
            .map_or_else(|| format!("(unknown: {id})"), |i| i.name.clone())
    }

    pub fn actor(&self, id: &ActorId) -> Option<&Actor> {
        self.actors.iter().find(|a| &a.id == id)
    }

    /// The names of the actors `ids` name, skipping unknown ids.
    pub fn actor_names(&self, ids: &[ActorId]) -> Vec<String> {
        ids.iter()
            .filter_map(|id| self.actor(id).map(|a| a.name.clone()))
            .collect()
    }

    pub fn issue(&self, id: &IssueId) -> Option<&Issue> {
        self.issues.iter().find(|i| &i.id == id)
    }

    pub fn source(&self, id: &SourceId) -> Option<&Source> {
        self.sources.iter().find(|s| &s.id == id)
    }

    /// Every citation in the brief, in reading order, with where it sits.
    pub fn citations(&self) -> impl Iterator<Item = (String, &Citation)> {
        let status = self
            .sections
            .current_status_evidence
            .iter()
            .enumerate()
            .map(|(j, c)| (format!("sections.current_status_evidence[{j}]"), c));
        let positions = self.positions.iter().enumerate().flat_map(|(i, p)| {
            p.evidence
                .iter()
                .enumerate()
                .map(move |(j, c)| (format!("positions[{i}].evidence[{j}]"), c))
        });
        let steps = self.next_steps.iter().enumerate().flat_map(|(i, s)| {
            s.evidence
                .iter()
                .enumerate()
                .map(move |(j, c)| (format!("next_steps[{i}].evidence[{j}]"), c))
        });
        status.chain(positions).chain(steps)
    }
}
