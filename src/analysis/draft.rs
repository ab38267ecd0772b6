//! From analysis to brief items: actors, positions and next steps marked `suggested`, each
//! citing the sentence it came from, merged into a brief without duplicating its actors.

use super::Analysis;
use crate::model::{
    Actor, ActorId, Article, Brief, Citation, Issue, IssueId, NextStep, Position, PositionId,
    Source, SourceId, StepId, Timestamp, When, slug, template::Template, unique_slug,
};

/// The brief items proposed for one source, ready to be accepted one by one.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Suggestions {
    /// Actors the brief does not have yet.
    pub actors: Vec<Actor>,
    pub positions: Vec<Position>,
    pub next_steps: Vec<NextStep>,
}

/// The brief's actor that `name` denotes (by name or alias), if any.
fn existing_actor<'a>(actors: &'a [Actor], name: &str, aliases: &[String]) -> Option<&'a Actor> {
    actors.iter().find(|a| {
        let names: Vec<&str> = std::iter::once(a.name.as_str())
            .chain(a.aliases.iter().map(String::as_str))
            .collect();
        names.contains(&name)
            || aliases.iter().any(|alias| names.contains(&alias.as_str()))
            || a.name.split_whitespace().last() == name.split_whitespace().last()
                && name.contains(' ')
                && a.name.contains(' ')
    })
}

/// Proposes brief items from `analysis` of the article kept as `source` in `brief`.
/// Positions go under `issue`.
pub fn suggestions_for(
    brief: &Brief,
    source: &Source,
    analysis: &Analysis,
    issue: &IssueId,
) -> Suggestions {
    let mut suggestions = Suggestions::default();
    let mut known: Vec<Actor> = brief.actors.clone();
    let id_of = |name: &str, known: &mut Vec<Actor>, new: &mut Vec<Actor>| -> Option<ActorId> {
        if let Some(actor) = existing_actor(known, name, &[]) {
            return Some(actor.id.clone());
        }
        let found = analysis.actors.iter().find(|a| a.name == name)?;
        let id = ActorId::new(unique_slug(slug(&found.name), |c| {
            known.iter().any(|a| a.id.as_str() == c)
        }));
        let actor = Actor {
            id: id.clone(),
            name: found.name.clone(),
            kind: found.kind,
            role: found.role.clone(),
            affiliation: None,
            aliases: found.aliases.clone(),
            suggested: true,
        };
        known.push(actor.clone());
        new.push(actor);
        Some(id)
    };
    for found in &analysis.actors {
        if existing_actor(&known, &found.name, &found.aliases).is_none() {
            id_of(&found.name, &mut known, &mut suggestions.actors);
        }
    }
    let mut position_ids: Vec<String> = brief
        .positions
        .iter()
        .map(|p| p.id.as_str().to_string())
        .collect();
    for p in &analysis.positions {
        let Some(actor) = id_of(&p.actor, &mut known, &mut suggestions.actors) else {
            continue;
        };
        let Some(citation) = Citation::of(source, p.start, p.end) else {
            continue;
        };
        let id = PositionId::new(unique_slug(
            format!("{}-{}", actor.as_str(), slug(&p.cue)),
            |c| position_ids.iter().any(|t| t == c),
        ));
        position_ids.push(id.as_str().to_string());
        suggestions.positions.push(Position {
            id,
            actor,
            issue: issue.clone(),
            stance: p.stance,
            summary: p.summary.clone(),
            conditions: p.conditions.clone(),
            stated_on: source.published,
            evidence: vec![citation],
            suggested: true,
        });
    }
    let mut step_ids: Vec<String> = brief
        .next_steps
        .iter()
        .map(|s| s.id.as_str().to_string())
        .collect();
    for s in &analysis.next_steps {
        let Some(citation) = Citation::of(source, s.start, s.end) else {
            continue;
        };
        let who = s
            .who
            .iter()
            .filter_map(|name| id_of(name, &mut known, &mut suggestions.actors))
            .collect();
        let id = StepId::new(unique_slug(format!("step-{}", slug(&s.when)), |c| {
            step_ids.iter().any(|t| t == c)
        }));
        step_ids.push(id.as_str().to_string());
        suggestions.next_steps.push(NextStep {
            id,
            what: s.what.clone(),
            who,
            when: When {
                phrase: s.when.clone(),
                from: s.date_from,
                to: s.date_to,
                qualifier: s.qualifier,
            },
            place: String::new(),
            status: s.status,
            condition: s.condition.clone(),
            evidence: vec![citation],
            suggested: true,
        });
    }
    suggestions
}

/// A new draft brief from articles, pre-filled with the assistant's suggestions.
pub fn draft_brief(articles: &[Article], reference: &str, now: Timestamp) -> Brief {
    let title = articles
        .first()
        .map_or("Untitled brief".to_string(), |a| a.title.clone());
    let mut brief = Template::ForInformation.instantiate(&title, reference, now);
    let issue = Issue {
        id: IssueId::new(slug(&title)),
        name: title.clone(),
        description: "Proposed by the drafting assistant; rename to the question at stake.".into(),
    };
    brief.issues.push(issue.clone());
    for (n, article) in articles.iter().enumerate() {
        let id = SourceId::new(unique_slug(
            slug(if article.title.is_empty() {
                "source"
            } else {
                &article.title
            }),
            |c| brief.sources.iter().any(|s| s.id.as_str() == c),
        ));
        let source = article.to_source(id, Some(now.date));
        let analysis = super::analyze(article);
        let suggestions = suggestions_for(&brief, &source, &analysis, &issue.id);
        brief.sources.push(source);
        brief.actors.extend(suggestions.actors);
        brief.positions.extend(suggestions.positions);
        brief.next_steps.extend(suggestions.next_steps);
        if n == 0 {
            brief.sections.background = article
                .body
                .split("\n\n")
                .next()
                .unwrap_or_default()
                .trim()
                .to_string();
        }
    }
    brief
}
