//! The gazetteer shipped in `assets/gazetteer.tsv`: states with their short forms, demonyms,
//! capitals and seats of government; international organisations; news outlets (sources, never
//! actors); regions (places, never actors); and official titles.

use crate::model::ActorKind;
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

const DATA: &str = include_str!("../../assets/gazetteer.tsv");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryKind {
    State,
    Org,
    Outlet,
    Region,
    Title,
}

/// How a surface form refers to its entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// The canonical name or an alias: "Japan", "U.S.", "NATO".
    Name,
    /// An adjective or people word: "Japanese", "Israelis".
    Demonym,
    /// A capital or seat used for the state: "Moscow", "the Kremlin".
    Metonym,
}

#[derive(Debug)]
pub struct Entry {
    pub kind: EntryKind,
    pub name: String,
    pub aliases: Vec<String>,
    pub demonyms: Vec<String>,
    /// A region with a government of its own ("Greenland", "Quebec", "Texas"): an actor when
    /// it acts, a place otherwise.
    pub governs: bool,
}

impl Entry {
    /// "Sudanese" for Sudan; the name itself where the gazetteer gives no demonym.
    pub fn demonym(&self) -> &str {
        self.demonyms
            .first()
            .map_or(self.name.as_str(), String::as_str)
    }

    pub fn actor_kind(&self) -> ActorKind {
        match self.kind {
            EntryKind::State => ActorKind::State,
            _ => ActorKind::InternationalOrganisation,
        }
    }
}

#[derive(Debug, Default)]
pub struct Gazetteer {
    pub entries: Vec<Entry>,
    surfaces: HashMap<String, (usize, Form)>,
    /// For each first word of a surface form, the most words a form starting with it has.
    first_words: HashMap<String, usize>,
    /// The longest surface form, in words.
    pub max_words: usize,
}

impl Gazetteer {
    fn parse(data: &str) -> Self {
        let mut gazetteer = Self::default();
        for line in data.lines() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let columns: Vec<&str> = line.split('\t').collect();
            let column = |n: usize| -> Vec<String> {
                columns
                    .get(n)
                    .map(|c| {
                        c.split('|')
                            .map(str::trim)
                            .filter(|s| !s.is_empty())
                            .map(String::from)
                            .collect()
                    })
                    .unwrap_or_default()
            };
            let governs = columns.first().is_some_and(|k| k.trim() == "polity");
            let kind = match columns.first().map(|k| k.trim()) {
                Some("state") => EntryKind::State,
                Some("org") => EntryKind::Org,
                Some("outlet") => EntryKind::Outlet,
                Some("region" | "polity") => EntryKind::Region,
                Some("title") => EntryKind::Title,
                _ => continue,
            };
            let Some(name) = columns.get(1).map(|n| n.trim().to_string()) else {
                continue;
            };
            if name.is_empty() {
                continue;
            }
            let index = gazetteer.entries.len();
            let aliases = column(2);
            let demonyms = column(3);
            let metonyms = column(4);
            let mut add = |surface: &str, form: Form| {
                let words = surface.split_whitespace().count();
                gazetteer.max_words = gazetteer.max_words.max(words);
                if let Some(first) = surface.split_whitespace().next() {
                    for key in [first.to_string(), first.to_lowercase()] {
                        let longest = gazetteer.first_words.entry(key).or_insert(0);
                        *longest = (*longest).max(words);
                    }
                }
                gazetteer
                    .surfaces
                    .entry(surface.to_string())
                    .or_insert((index, form));
            };
            add(&name, Form::Name);
            for alias in &aliases {
                add(alias, Form::Name);
            }
            for demonym in &demonyms {
                add(demonym, Form::Demonym);
            }
            for metonym in &metonyms {
                add(metonym, Form::Metonym);
            }
            gazetteer.entries.push(Entry {
                kind,
                name,
                aliases,
                demonyms,
                governs,
            });
        }
        gazetteer
    }

    /// The most words a surface form starting with `word` has; 0 if none starts with it.
    pub fn longest_from(&self, word: &str) -> usize {
        self.first_words.get(word).copied().unwrap_or(0)
    }

    /// The entry a surface form names, exactly as written.
    pub fn lookup(&self, surface: &str) -> Option<(&Entry, usize, Form)> {
        let &(index, form) = self.surfaces.get(surface)?;
        Some((self.entries.get(index)?, index, form))
    }

    pub fn is_title(&self, surface: &str) -> bool {
        self.lookup(surface)
            .is_some_and(|(e, _, _)| e.kind == EntryKind::Title)
            || self
                .lookup(&surface.to_lowercase())
                .is_some_and(|(e, _, _)| e.kind == EntryKind::Title)
    }
}

/// The shipped gazetteer, parsed once.
pub fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| Gazetteer::parse(DATA))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_capitals_demonyms_and_titles_are_known() {
        let g = gazetteer();
        let (russia, _, form) = g.lookup("Kremlin").expect("Kremlin");
        assert_eq!((russia.name.as_str(), form), ("Russia", Form::Metonym));
        assert_eq!(
            g.lookup("U.S.").map(|e| e.0.name.as_str()),
            Some("United States")
        );
        assert_eq!(g.lookup("Kyiv").map(|e| e.0.name.as_str()), Some("Ukraine"));
        assert_eq!(g.lookup("Kiev").map(|e| e.0.name.as_str()), Some("Ukraine"));
        assert_eq!(
            g.lookup("Brussels").map(|e| e.0.name.as_str()),
            Some("European Union")
        );
        assert_eq!(g.lookup("Japanese").map(|e| e.2), Some(Form::Demonym));
        assert_eq!(
            g.lookup("Reuters").map(|e| e.0.kind),
            Some(EntryKind::Outlet)
        );
        assert!(g.is_title("Prime Minister"));
        let states = g
            .entries
            .iter()
            .filter(|e| e.kind == EntryKind::State)
            .count();
        assert!(states >= 195, "{states} states");
    }
}
