//! Starting points for a new brief, one per kind of note an analyst is commonly asked for.

use super::brief::*;
use super::ids::OptionId;
use super::marking::Marking;
use super::time::Timestamp;

/// The kinds of brief `briefdesk new --template` and the app's New menu offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Template {
    /// A briefing note for information: background, status and assessment.
    #[default]
    ForInformation,
    /// A briefing note for decision: options with pros and cons and a recommendation.
    ForDecision,
    /// A short situation update: what changed and what happens next.
    SituationUpdate,
    /// A meeting brief: who the reader meets, their positions, and lines to take.
    MeetingBrief,
}

impl Template {
    pub const ALL: [Template; 4] = [
        Self::ForInformation,
        Self::ForDecision,
        Self::SituationUpdate,
        Self::MeetingBrief,
    ];

    /// The name used on the command line.
    pub fn slug(self) -> &'static str {
        match self {
            Self::ForInformation => "information",
            Self::ForDecision => "decision",
            Self::SituationUpdate => "situation-update",
            Self::MeetingBrief => "meeting",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::ForInformation => "Briefing note for information",
            Self::ForDecision => "Briefing note for decision",
            Self::SituationUpdate => "Situation update",
            Self::MeetingBrief => "Meeting brief",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.slug() == slug)
    }

    /// A new draft brief with this template's prompts, stamped `now`.
    pub fn instantiate(self, title: &str, reference: &str, now: Timestamp) -> Brief {
        let purpose = match self {
            Self::ForDecision => Purpose::ForDecision,
            _ => Purpose::ForInformation,
        };
        let mut sections = Sections::default();
        match self {
            Self::ForDecision => {
                sections.options = ["Option A", "Option B"]
                    .into_iter()
                    .enumerate()
                    .map(|(i, title)| PolicyOption {
                        id: OptionId::new(format!("option-{}", i + 1)),
                        title: title.to_owned(),
                        description: String::new(),
                        pros: Vec::new(),
                        cons: Vec::new(),
                    })
                    .collect();
            }
            Self::SituationUpdate => {
                sections.indicators = vec![String::new()];
            }
            Self::MeetingBrief => {
                sections.key_assumptions = vec![String::new()];
            }
            Self::ForInformation => {}
        }
        Brief {
            meta: Metadata {
                reference: reference.to_owned(),
                version: 1,
                title: title.to_owned(),
                purpose,
                audience: String::new(),
                author: String::new(),
                reviewer: String::new(),
                issue_date: Some(now.date),
                information_cutoff: Some(now),
                created: now,
                updated: now,
                status: BriefStatus::Draft,
                marking: Marking::unmarked(),
                tlp: None,
            },
            sections,
            actors: Vec::new(),
            issues: Vec::new(),
            positions: Vec::new(),
            next_steps: Vec::new(),
            sources: Vec::new(),
            silenced_checks: Vec::new(),
        }
    }
}
