//! Typed identifiers, so an actor id can never be passed where an issue id is expected.
//!
//! Ids are short human-readable slugs (`trump`, `nato-membership`) because briefs are RON files
//! that analysts read and diff; they are unique within one brief, not globally.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// Wraps an existing id string.
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            /// The id as written in the file.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// A fresh id, `prefix-N`, that is not in `taken`.
            pub fn fresh<'a>(taken: impl IntoIterator<Item = &'a Self>) -> Self {
                let taken: std::collections::HashSet<&str> =
                    taken.into_iter().map(|id| id.as_str()).collect();
                let mut n = taken.len() + 1;
                loop {
                    let candidate = format!("{}-{}", $prefix, n);
                    if !taken.contains(candidate.as_str()) {
                        return Self(candidate);
                    }
                    n += 1;
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

typed_id!(
    /// Identifies an [`Actor`](super::Actor) within a brief.
    ActorId,
    "actor"
);
typed_id!(
    /// Identifies an [`Issue`](super::Issue) within a brief.
    IssueId,
    "issue"
);
typed_id!(
    /// Identifies a [`Position`](super::Position) within a brief.
    PositionId,
    "position"
);
typed_id!(
    /// Identifies a [`NextStep`](super::NextStep) within a brief.
    StepId,
    "step"
);
typed_id!(
    /// Identifies a [`Source`](super::Source) within a brief.
    SourceId,
    "source"
);
typed_id!(
    /// Identifies a [`PolicyOption`](super::PolicyOption) within a brief.
    OptionId,
    "option"
);

/// A short lower-case, dash-separated id from free text (at most 40 characters; "item" if the
/// text has no letters or digits).
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out: String = out.trim_end_matches('-').chars().take(40).collect();
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "item".into()
    } else {
        out.to_string()
    }
}

/// `base`, or `base-2`, `base-3`, … : the first that `taken` does not hold.
pub fn unique_slug(base: String, taken: impl Fn(&str) -> bool) -> String {
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| !taken(candidate))
        .unwrap_or(base)
}
