//! Protective markings and sharing labels: how a brief may be handled and with whom.
//!
//! A marking is a scheme, a level within it and free-text caveats ("UK EYES ONLY"); the
//! Traffic Light Protocol (TLP 2.0) label is separate because it governs onward sharing.

use serde::{Deserialize, Serialize};

/// The classification marking printed at the top and bottom of every page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marking {
    pub scheme: MarkingScheme,
    pub level: MarkingLevel,
    /// Handling caveats and descriptors, e.g. "UK EYES ONLY", "PERSONAL".
    pub caveats: Vec<String>,
}

/// The classification scheme the level belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MarkingScheme {
    /// No protective marking at all (open-source products).
    Unmarked,
    /// The UK Government Security Classifications.
    UkGovernment,
}

/// Levels of the UK Government Security Classifications, lowest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum MarkingLevel {
    Official,
    OfficialSensitive,
    Secret,
    TopSecret,
}

impl MarkingLevel {
    pub const ALL: [MarkingLevel; 4] = [
        Self::Official,
        Self::OfficialSensitive,
        Self::Secret,
        Self::TopSecret,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Official => "OFFICIAL",
            Self::OfficialSensitive => "OFFICIAL-SENSITIVE",
            Self::Secret => "SECRET",
            Self::TopSecret => "TOP SECRET",
        }
    }
}

impl Marking {
    /// An unmarked brief.
    pub fn unmarked() -> Self {
        Self {
            scheme: MarkingScheme::Unmarked,
            level: MarkingLevel::Official,
            caveats: Vec::new(),
        }
    }

    /// A UK marking at `level` without caveats.
    pub fn uk(level: MarkingLevel) -> Self {
        Self {
            scheme: MarkingScheme::UkGovernment,
            level,
            caveats: Vec::new(),
        }
    }

    /// The banner text, e.g. "OFFICIAL-SENSITIVE – UK EYES ONLY"; "UNMARKED" when unmarked.
    pub fn banner(&self) -> String {
        match self.scheme {
            MarkingScheme::Unmarked => "UNMARKED".to_owned(),
            MarkingScheme::UkGovernment => {
                let mut text = self.level.label().to_owned();
                for caveat in self.caveats.iter().filter(|c| !c.trim().is_empty()) {
                    text.push_str(" – ");
                    text.push_str(caveat.trim());
                }
                text
            }
        }
    }
}

/// Traffic Light Protocol 2.0 labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tlp {
    Clear,
    Green,
    Amber,
    AmberStrict,
    Red,
}

impl Tlp {
    pub const ALL: [Tlp; 5] = [
        Self::Clear,
        Self::Green,
        Self::Amber,
        Self::AmberStrict,
        Self::Red,
    ];

    /// The label exactly as TLP 2.0 prints it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Clear => "TLP:CLEAR",
            Self::Green => "TLP:GREEN",
            Self::Amber => "TLP:AMBER",
            Self::AmberStrict => "TLP:AMBER+STRICT",
            Self::Red => "TLP:RED",
        }
    }
}
