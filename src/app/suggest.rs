//! The drafting assistant in the app: analyse a source off the UI thread, list what it
//! proposes, and accept (copy into the brief with its citation, as one undo step) or reject
//! (hide) each proposal. Items a drafted brief already holds as `suggested` are accepted or
//! rejected in place.

use super::history::{Edit, Table};
use super::{BriefdeskApp, Job, JobResult};
use crate::analysis::{self, Suggestions};
use crate::model::{Article, Issue, IssueId, SourceId};
use std::sync::mpsc;

/// Proposals for one source, waiting for the analyst.
#[derive(Clone, Debug, PartialEq)]
pub struct SuggestionList {
    pub source: SourceId,
    pub items: Suggestions,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Proposal {
    Actor(usize),
    Position(usize),
    NextStep(usize),
}

/// The issue new positions go under: the brief's first, or one made for them.
fn issue_for(brief: &crate::model::Brief) -> (IssueId, Option<Issue>) {
    match brief.issues.first() {
        Some(issue) => (issue.id.clone(), None),
        None => {
            let issue = Issue {
                id: IssueId::new("main-issue"),
                name: "Main issue".into(),
                description: "Created when a suggested position was accepted; rename it.".into(),
            };
            (issue.id.clone(), Some(issue))
        }
    }
}

impl BriefdeskApp {
    /// Analyses source `index` of the open brief on a worker thread.
    pub fn suggest_from_source(&mut self, index: usize) {
        let Some(open) = &self.open else { return };
        let Some(source) = open.brief.sources.get(index).cloned() else {
            return;
        };
        let brief = open.brief.clone();
        let (sender, receiver) = mpsc::channel();
        let label = format!("Analysing {}", source.title);
        std::thread::spawn(move || {
            let article = Article::from_source(&source);
            let found = analysis::analyze(&article);
            let (issue, _) = issue_for(&brief);
            let items = analysis::suggestions_for(&brief, &source, &found, &issue);
            let _ = sender.send(JobResult::Suggested {
                source: source.id.clone(),
                items: Box::new(items),
            });
        });
        self.jobs.push(Job { label, receiver });
    }

    pub(super) fn show_suggestions(&mut self, source: SourceId, items: Suggestions) {
        let total = items.actors.len() + items.positions.len() + items.next_steps.len();
        self.notify(
            format!(
                "{total} suggestion{} from {source}",
                if total == 1 { "" } else { "s" }
            ),
            false,
        );
        self.suggestions = Some(SuggestionList { source, items });
    }

    /// Copies a proposal into the brief, with whatever it needs (its actor, an issue) and its
    /// citation, as one undo step.
    pub fn accept(&mut self, proposal: Proposal) {
        let (Some(open), Some(list)) = (&self.open, &mut self.suggestions) else {
            return;
        };
        let brief = &open.brief;
        let mut edits = Vec::new();
        let need_actor = |id: &crate::model::ActorId, edits: &mut Vec<Edit>| {
            if !brief.actors.iter().any(|a| &a.id == id)
                && let Some(actor) = list.items.actors.iter().find(|a| &a.id == id)
            {
                let mut actor = actor.clone();
                actor.suggested = false;
                edits.push(Edit::AddActor(actor));
            }
        };
        match proposal {
            Proposal::Actor(i) => {
                if let Some(actor) = list.items.actors.get(i) {
                    let id = actor.id.clone();
                    need_actor(&id, &mut edits);
                }
            }
            Proposal::Position(i) => {
                if let Some(p) = list.items.positions.get(i).cloned() {
                    need_actor(&p.actor, &mut edits);
                    let (issue, new_issue) = issue_for(brief);
                    if let Some(issue) = new_issue {
                        edits.push(Edit::AddIssue(issue));
                    }
                    let mut p = p;
                    p.issue = issue;
                    p.suggested = false;
                    edits.push(Edit::AddPosition(p));
                }
            }
            Proposal::NextStep(i) => {
                if let Some(s) = list.items.next_steps.get(i).cloned() {
                    for who in &s.who {
                        need_actor(who, &mut edits);
                    }
                    let mut s = s;
                    s.suggested = false;
                    edits.push(Edit::AddNextStep(s));
                }
            }
        }
        self.reject(proposal);
        if !edits.is_empty() {
            self.edit(Edit::Batch(edits));
        }
    }

    /// Hides a proposal.
    pub fn reject(&mut self, proposal: Proposal) {
        let Some(list) = &mut self.suggestions else {
            return;
        };
        let items = &mut list.items;
        match proposal {
            Proposal::Actor(i) if i < items.actors.len() => {
                items.actors.remove(i);
            }
            Proposal::Position(i) if i < items.positions.len() => {
                items.positions.remove(i);
            }
            Proposal::NextStep(i) if i < items.next_steps.len() => {
                items.next_steps.remove(i);
            }
            _ => {}
        }
    }

    /// Accepts an item the brief holds as suggested (e.g. from `briefdesk draft`).
    pub fn accept_in_brief(&mut self, table: Table, i: usize) {
        let Some(open) = &self.open else { return };
        let brief = &open.brief;
        let edit = match table {
            Table::Actors => brief.actors.get(i).cloned().map(|mut a| {
                a.suggested = false;
                Edit::SetActor(i, a)
            }),
            Table::Positions => brief.positions.get(i).cloned().map(|mut p| {
                p.suggested = false;
                Edit::SetPosition(i, p)
            }),
            Table::NextSteps => brief.next_steps.get(i).cloned().map(|mut s| {
                s.suggested = false;
                Edit::SetNextStep(i, s)
            }),
            _ => None,
        };
        if let Some(edit) = edit {
            self.edit(edit);
        }
    }
}
