//! Named edit operations on a brief, and the undo/redo history they make natural.
//!
//! Every change the UI makes is an [`Edit`]: small, named, and applied in one place. The history
//! keeps the brief as it was before each step; a burst of typing into one field within a few
//! seconds is merged into a single step, as word processors do.

use crate::model::{
    Actor, Brief, Citation, Issue, Metadata, NextStep, PolicyOption, Position, Source, Timestamp,
};

/// A narrative field of the brief that is edited as one text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextField {
    Bluf,
    Issue,
    Background,
    CurrentStatus,
    Assessment,
    Recommendation,
    /// One item per line.
    KeyAssumptions,
    Indicators,
    InformationGaps,
}

impl TextField {
    pub const ALL: [TextField; 9] = [
        Self::Bluf,
        Self::Issue,
        Self::Background,
        Self::CurrentStatus,
        Self::Assessment,
        Self::KeyAssumptions,
        Self::Recommendation,
        Self::Indicators,
        Self::InformationGaps,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Bluf => "Bottom line up front",
            Self::Issue => "Issue",
            Self::Background => "Background",
            Self::CurrentStatus => "Current status",
            Self::Assessment => "Assessment",
            Self::Recommendation => "Recommendation",
            Self::KeyAssumptions => "Key assumptions (one per line)",
            Self::Indicators => "Indicators to watch (one per line)",
            Self::InformationGaps => "Information gaps (one per line)",
        }
    }

    /// Where validation reports problems with this field.
    pub fn path(self) -> &'static str {
        match self {
            Self::Bluf => "sections.bluf",
            Self::Issue => "sections.issue",
            Self::Background => "sections.background",
            Self::CurrentStatus => "sections.current_status",
            Self::Assessment => "sections.assessment",
            Self::Recommendation => "sections.recommendation",
            Self::KeyAssumptions => "sections.key_assumptions",
            Self::Indicators => "sections.indicators",
            Self::InformationGaps => "sections.information_gaps",
        }
    }

    pub fn get(self, brief: &Brief) -> String {
        let s = &brief.sections;
        match self {
            Self::Bluf => s.bluf.clone(),
            Self::Issue => s.issue.clone(),
            Self::Background => s.background.clone(),
            Self::CurrentStatus => s.current_status.clone(),
            Self::Assessment => s.assessment.text.clone(),
            Self::Recommendation => s.recommendation.clone(),
            Self::KeyAssumptions => s.key_assumptions.join("\n"),
            Self::Indicators => s.indicators.join("\n"),
            Self::InformationGaps => s.information_gaps.join("\n"),
        }
    }

    fn set(self, brief: &mut Brief, text: &str) {
        let lines = || text.lines().map(str::to_owned).collect::<Vec<_>>();
        let s = &mut brief.sections;
        match self {
            Self::Bluf => s.bluf = text.to_owned(),
            Self::Issue => s.issue = text.to_owned(),
            Self::Background => s.background = text.to_owned(),
            Self::CurrentStatus => s.current_status = text.to_owned(),
            Self::Assessment => s.assessment.text = text.to_owned(),
            Self::Recommendation => s.recommendation = text.to_owned(),
            Self::KeyAssumptions => s.key_assumptions = lines(),
            Self::Indicators => s.indicators = lines(),
            Self::InformationGaps => s.information_gaps = lines(),
        }
    }
}

/// Which table a row edit addresses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Table {
    Actors,
    Issues,
    Positions,
    NextSteps,
    Options,
    Sources,
}

/// Something a citation can be attached to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CiteTarget {
    Position(usize),
    NextStep(usize),
    /// The statements of the current-status section.
    CurrentStatus,
}

/// One change to a brief.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    SetText(TextField, String),
    SetMetadata(Box<Metadata>),
    SetAssessmentJudgement(Box<crate::model::Assessment>),
    AddActor(Actor),
    SetActor(usize, Actor),
    AddIssue(Issue),
    SetIssue(usize, Issue),
    AddPosition(Position),
    SetPosition(usize, Position),
    AddNextStep(NextStep),
    SetNextStep(usize, NextStep),
    AddOption(PolicyOption),
    SetOption(usize, PolicyOption),
    AddSource(Source),
    SetSource(usize, Box<Source>),
    Remove(Table, usize),
    /// Move a row up (`-1`) or down (`+1`).
    Move(Table, usize, isize),
    Cite(CiteTarget, Citation),
    Uncite(CiteTarget, usize),
    /// Replace the list of tradecraft checks this brief silences.
    SetSilencedChecks(Vec<String>),
    /// Replace the whole brief with recovered unsaved edits.
    Restore(Box<Brief>),
    /// Several edits that make one step, e.g. accepting a suggestion with its new actor.
    Batch(Vec<Edit>),
}

impl Edit {
    /// What the Undo menu item says.
    pub fn label(&self) -> String {
        match self {
            Self::SetText(field, _) => format!("edit {}", field.label().to_lowercase()),
            Self::SetMetadata(_) => "edit details".into(),
            Self::SetAssessmentJudgement(_) => "edit likelihood and confidence".into(),
            Self::AddActor(_) => "add actor".into(),
            Self::SetActor(..) => "edit actor".into(),
            Self::AddIssue(_) => "add issue".into(),
            Self::SetIssue(..) => "edit issue".into(),
            Self::AddPosition(_) => "add position".into(),
            Self::SetPosition(..) => "edit position".into(),
            Self::AddNextStep(_) => "add next step".into(),
            Self::SetNextStep(..) => "edit next step".into(),
            Self::AddOption(_) => "add option".into(),
            Self::SetOption(..) => "edit option".into(),
            Self::AddSource(_) => "add source".into(),
            Self::SetSource(..) => "edit source".into(),
            Self::Remove(table, _) => format!("remove {}", table_noun(*table)),
            Self::Move(table, _, _) => format!("move {}", table_noun(*table)),
            Self::Cite(..) => "cite source".into(),
            Self::Uncite(..) => "remove citation".into(),
            Self::SetSilencedChecks(_) => "silence or restore a check".into(),
            Self::Restore(_) => "restore unsaved changes".into(),
            Self::Batch(_) => "accept suggestion".into(),
        }
    }

    /// Edits with the same key typed in quick succession merge into one undo step.
    fn merge_key(&self) -> Option<String> {
        match self {
            Self::SetText(field, _) => Some(format!("{field:?}")),
            Self::SetMetadata(_) => Some("meta".into()),
            Self::SetActor(i, _) => Some(format!("actor{i}")),
            Self::SetIssue(i, _) => Some(format!("issue{i}")),
            Self::SetPosition(i, _) => Some(format!("position{i}")),
            Self::SetNextStep(i, _) => Some(format!("step{i}")),
            Self::SetOption(i, _) => Some(format!("option{i}")),
            Self::SetSource(i, _) => Some(format!("source{i}")),
            _ => None,
        }
    }

    /// Applies the edit; an index past the end (a stale edit) changes nothing.
    pub fn apply(self, brief: &mut Brief) {
        fn set<T>(rows: &mut [T], i: usize, value: T) {
            if let Some(row) = rows.get_mut(i) {
                *row = value;
            }
        }
        fn remove<T>(rows: &mut Vec<T>, i: usize) {
            if i < rows.len() {
                rows.remove(i);
            }
        }
        fn shift<T>(rows: &mut [T], i: usize, by: isize) {
            let Some(j) = i.checked_add_signed(by) else {
                return;
            };
            if i < rows.len() && j < rows.len() {
                rows.swap(i, j);
            }
        }
        match self {
            Self::SetText(field, text) => field.set(brief, &text),
            Self::SetMetadata(meta) => brief.meta = *meta,
            Self::SetAssessmentJudgement(a) => brief.sections.assessment = *a,
            Self::AddActor(x) => brief.actors.push(x),
            Self::SetActor(i, x) => set(&mut brief.actors, i, x),
            Self::AddIssue(x) => brief.issues.push(x),
            Self::SetIssue(i, x) => set(&mut brief.issues, i, x),
            Self::AddPosition(x) => brief.positions.push(x),
            Self::SetPosition(i, x) => set(&mut brief.positions, i, x),
            Self::AddNextStep(x) => brief.next_steps.push(x),
            Self::SetNextStep(i, x) => set(&mut brief.next_steps, i, x),
            Self::AddOption(x) => brief.sections.options.push(x),
            Self::SetOption(i, x) => set(&mut brief.sections.options, i, x),
            Self::AddSource(x) => brief.sources.push(x),
            Self::SetSource(i, x) => set(&mut brief.sources, i, *x),
            Self::Remove(table, i) => match table {
                Table::Actors => remove(&mut brief.actors, i),
                Table::Issues => remove(&mut brief.issues, i),
                Table::Positions => remove(&mut brief.positions, i),
                Table::NextSteps => remove(&mut brief.next_steps, i),
                Table::Options => remove(&mut brief.sections.options, i),
                Table::Sources => remove(&mut brief.sources, i),
            },
            Self::Move(table, i, by) => match table {
                Table::Actors => shift(&mut brief.actors, i, by),
                Table::Issues => shift(&mut brief.issues, i, by),
                Table::Positions => shift(&mut brief.positions, i, by),
                Table::NextSteps => shift(&mut brief.next_steps, i, by),
                Table::Options => shift(&mut brief.sections.options, i, by),
                Table::Sources => shift(&mut brief.sources, i, by),
            },
            Self::Cite(target, citation) => {
                if let Some(evidence) = evidence_mut(brief, target) {
                    evidence.push(citation);
                }
            }
            Self::SetSilencedChecks(codes) => brief.silenced_checks = codes,
            Self::Restore(recovered) => *brief = *recovered,
            Self::Batch(edits) => {
                for edit in edits {
                    edit.apply(brief);
                }
            }
            Self::Uncite(target, j) => {
                if let Some(evidence) = evidence_mut(brief, target) {
                    remove(evidence, j);
                }
            }
        }
    }
}

fn table_noun(table: Table) -> &'static str {
    match table {
        Table::Actors => "actor",
        Table::Issues => "issue",
        Table::Positions => "position",
        Table::NextSteps => "next step",
        Table::Options => "option",
        Table::Sources => "source",
    }
}

fn evidence_mut(brief: &mut Brief, target: CiteTarget) -> Option<&mut Vec<Citation>> {
    match target {
        CiteTarget::Position(i) => brief.positions.get_mut(i).map(|p| &mut p.evidence),
        CiteTarget::NextStep(i) => brief.next_steps.get_mut(i).map(|s| &mut s.evidence),
        CiteTarget::CurrentStatus => Some(&mut brief.sections.current_status_evidence),
    }
}

/// How long a pause ends a burst of typing, in seconds.
const MERGE_WINDOW_SECS: i64 = 2;
/// Undo steps kept per brief.
const DEPTH: usize = 500;

struct Step {
    before: Brief,
    label: String,
}

/// Undo and redo for one open brief.
#[derive(Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Merge key and time of the last edit, while a burst may still continue.
    last: Option<(String, i64)>,
}

/// Seconds since the Unix epoch, for comparing moments from the clock seam.
pub(crate) fn seconds(t: Timestamp) -> i64 {
    t.date.days_since_epoch() * 86_400
        + i64::from(t.hour) * 3600
        + i64::from(t.minute) * 60
        + i64::from(t.second)
}

impl History {
    /// Applies `edit` to `brief`, recording how to undo it.
    pub fn apply(&mut self, brief: &mut Brief, edit: Edit, now: Timestamp) {
        let key = edit.merge_key();
        let now = seconds(now);
        let merges = matches!((&key, &self.last), (Some(k), Some((last, at))) if k == last && now - at <= MERGE_WINDOW_SECS);
        if !merges {
            self.undo.push(Step {
                before: brief.clone(),
                label: edit.label(),
            });
            if self.undo.len() > DEPTH {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.last = key.map(|k| (k, now));
        edit.apply(brief);
    }

    /// Ends the current typing burst, so the next edit starts a new undo step.
    pub fn seal(&mut self) {
        self.last = None;
    }

    pub fn undo(&mut self, brief: &mut Brief) -> Option<String> {
        let step = self.undo.pop()?;
        let after = std::mem::replace(brief, step.before);
        self.redo.push(Step {
            before: after,
            label: step.label.clone(),
        });
        self.last = None;
        Some(step.label)
    }

    pub fn redo(&mut self, brief: &mut Brief) -> Option<String> {
        let step = self.redo.pop()?;
        let before = std::mem::replace(brief, step.before);
        self.undo.push(Step {
            before,
            label: step.label.clone(),
        });
        self.last = None;
        Some(step.label)
    }

    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::template::Template;

    fn brief() -> Brief {
        Template::ForInformation.instantiate("T", "BN-1", at(0))
    }

    fn at(second: u8) -> Timestamp {
        format!("2025-08-17T08:30:{second:02}Z")
            .parse()
            .expect("timestamp")
    }

    #[test]
    fn typing_bursts_merge_and_pauses_split() {
        let mut b = brief();
        let mut h = History::default();
        h.apply(&mut b, Edit::SetText(TextField::Bluf, "a".into()), at(0));
        h.apply(&mut b, Edit::SetText(TextField::Bluf, "ab".into()), at(1));
        h.apply(&mut b, Edit::SetText(TextField::Bluf, "abc".into()), at(9));
        assert_eq!(b.sections.bluf, "abc");
        h.undo(&mut b);
        assert_eq!(b.sections.bluf, "ab");
        h.undo(&mut b);
        assert_eq!(b.sections.bluf, "");
        assert!(h.undo(&mut b).is_none());
        h.redo(&mut b);
        h.redo(&mut b);
        assert_eq!(b.sections.bluf, "abc");
    }

    #[test]
    fn stale_indices_change_nothing() {
        let mut b = brief();
        let before = b.clone();
        Edit::Remove(Table::Positions, 7).apply(&mut b);
        Edit::Move(Table::Actors, 0, -1).apply(&mut b);
        assert_eq!(b, before);
    }
}
