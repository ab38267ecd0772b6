//! The next-steps timeline as geometry both the app and the printed note draw: the date axis,
//! its ticks, and each step's mark. (The position matrix, being plain data about the brief, is
//! `model::PositionMatrix`.)
//!
//! Computing it once here is what keeps the app's view and the PDF from disagreeing about where
//! a step sits on the axis. Pure: no drawing, no I/O.

pub use crate::model::PositionMatrix;
use crate::model::{Brief, Date, NextStep, StepStatus, TimeQualifier};

/// One dated step on the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineEntry {
    /// Index into `brief.next_steps`.
    pub step: usize,
    pub from: Date,
    /// Last day (inclusive); equal to `from` for a single day.
    pub to: Date,
    pub qualifier: TimeQualifier,
    pub status: StepStatus,
}

/// A labelled tick on the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub date: Date,
    pub label: String,
}

/// What a step looks like on the axis, in fractions of the axis width (0 = start, 1 = end).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Mark {
    /// A filled bar over a date range (exact ranges and approximate dates or ranges: `hollow`).
    Bar { from: f32, to: f32, hollow: bool },
    /// A single known day.
    Point { at: f32 },
    /// "Not before": a marker at the date and an arrow on to the right.
    Earliest { at: f32, arrow_to: f32 },
    /// "By": a line from the left ending in a stop at the date.
    Deadline { line_from: f32, at: f32 },
}

/// Next steps on a date axis; steps without a resolved date are listed apart.
#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    /// First day on the axis.
    pub start: Date,
    /// Day after the last day on the axis.
    pub end: Date,
    /// Dated steps, earliest first.
    pub dated: Vec<TimelineEntry>,
    /// Indices of steps without a resolved date, in the brief's order.
    pub undated: Vec<usize>,
    pub ticks: Vec<Tick>,
}

impl Timeline {
    pub fn of(steps: &[NextStep]) -> Self {
        let mut dated = Vec::new();
        let mut undated = Vec::new();
        for (i, step) in steps.iter().enumerate() {
            match step.when.from {
                Some(from) => {
                    let to = step.when.to.filter(|to| *to >= from).unwrap_or(from);
                    dated.push(TimelineEntry {
                        step: i,
                        from,
                        to,
                        qualifier: step.when.qualifier,
                        status: step.status,
                    });
                }
                None => undated.push(i),
            }
        }
        dated.sort_by_key(|e| (e.from, e.to, e.step));
        let first = dated.iter().map(|e| e.from).min();
        let last = dated.iter().map(|e| e.to).max();
        let (start, end) = match (first, last) {
            (Some(first), Some(last)) => {
                let span = last.days_since_epoch() - first.days_since_epoch() + 1;
                // Room either side for arrows and labels, and never a uselessly short axis.
                let pad = (span / 8).max(1);
                let extra = (14 - span - 2 * pad).max(0);
                (
                    first.add_days(-pad - extra / 2).unwrap_or(first),
                    last.add_days(pad + extra - extra / 2 + 1).unwrap_or(last),
                )
            }
            _ => {
                // Nothing to place: an axis nobody draws, kept valid for `fraction`.
                let any = Date {
                    year: 2000,
                    month: 1,
                    day: 1,
                };
                (any, any.add_days(14).unwrap_or(any))
            }
        };
        let ticks = ticks(start, end);
        Self {
            start,
            end,
            dated,
            undated,
            ticks,
        }
    }

    fn days(&self) -> f32 {
        (self.end.days_since_epoch() - self.start.days_since_epoch()).max(1) as f32
    }

    /// Where the start of `date` sits on the axis, 0.0–1.0.
    pub fn fraction(&self, date: Date) -> f32 {
        let offset = (date.days_since_epoch() - self.start.days_since_epoch()) as f32;
        (offset / self.days()).clamp(0.0, 1.0)
    }

    /// How `entry` is drawn on the axis; every fraction lies in 0.0–1.0.
    pub fn mark(&self, entry: &TimelineEntry) -> Mark {
        let unit = |f: f32| f.clamp(0.0, 1.0);
        match self.unclamped_mark(entry) {
            Mark::Bar { from, to, hollow } => Mark::Bar {
                from: unit(from),
                to: unit(to),
                hollow,
            },
            Mark::Point { at } => Mark::Point { at: unit(at) },
            Mark::Earliest { at, arrow_to } => Mark::Earliest {
                at: unit(at),
                arrow_to: unit(arrow_to),
            },
            Mark::Deadline { line_from, at } => Mark::Deadline {
                line_from: unit(line_from),
                at: unit(at),
            },
        }
    }

    fn unclamped_mark(&self, entry: &TimelineEntry) -> Mark {
        let from = self.fraction(entry.from);
        let after = entry.to.add_days(1).map_or(1.0, |d| self.fraction(d));
        let day = 1.0 / self.days();
        let range = entry.to > entry.from;
        match entry.qualifier {
            TimeQualifier::Earliest => Mark::Earliest {
                at: if range {
                    after - day / 2.0
                } else {
                    from + day / 2.0
                },
                arrow_to: 1.0,
            },
            TimeQualifier::Deadline => Mark::Deadline {
                line_from: if range { from } else { 0.0 },
                at: after - day / 2.0,
            },
            TimeQualifier::Exact if !range => Mark::Point {
                at: from + day / 2.0,
            },
            TimeQualifier::Exact => Mark::Bar {
                from,
                to: after,
                hollow: false,
            },
            TimeQualifier::Approximate => Mark::Bar {
                from: if range { from } else { (from - day).max(0.0) },
                to: if range { after } else { (after + day).min(1.0) },
                hollow: true,
            },
        }
    }
}

/// Tick dates at a spacing that suits the axis: days, weeks (Mondays), months or years, never
/// more than a few dozen whatever the span (a typo'd year 9999 must not stall a frame).
fn ticks(start: Date, end: Date) -> Vec<Tick> {
    let span = end.days_since_epoch() - start.days_since_epoch();
    let short = |d: Date| format!("{} {}", d.day, &month_name(d.month)[..3]);
    let mut out = Vec::new();
    if span <= 90 {
        let step = if span <= 16 { 1 } else { 7 };
        let first = if step == 1 {
            start
        } else {
            start
                .add_days(i64::from((7 - start.weekday_from_monday()) % 7))
                .unwrap_or(start)
        };
        let mut day = first;
        while day < end && out.len() < 40 {
            out.push(Tick {
                date: day,
                label: short(day),
            });
            match day.add_days(step) {
                Some(next) => day = next,
                None => break,
            }
        }
    } else if span <= 800 {
        let (mut year, mut month) = (start.year, start.month);
        while let Some(first) = Date::new(year, month, 1) {
            if first >= end || out.len() >= 40 {
                break;
            }
            if first >= start {
                out.push(Tick {
                    date: first,
                    label: format!("{} {}", &month_name(month)[..3], year),
                });
            }
            (year, month) = if month == 12 {
                (year + 1, 1)
            } else {
                (year, month + 1)
            };
        }
    } else {
        let years = (span / 365).max(1);
        let step = i32::try_from((years + 9) / 10).unwrap_or(1000).max(1);
        let mut year = start.year + 1;
        year += (step - year.rem_euclid(step)) % step;
        while let Some(first) = Date::new(year, 1, 1) {
            if first >= end || out.len() >= 40 {
                break;
            }
            out.push(Tick {
                date: first,
                label: year.to_string(),
            });
            year += step;
        }
    }
    out
}

/// What stands beside a step's mark: "Status · who · “phrase”".
pub fn step_detail(brief: &Brief, step: &NextStep) -> String {
    let mut detail = step.status.label().to_owned();
    let who = brief.actor_names(&step.who);
    if !who.is_empty() {
        detail.push_str(&format!(" · {}", who.join(", ")));
    }
    if !step.when.phrase.trim().is_empty() {
        detail.push_str(&format!(" · “{}”", step.when.phrase.trim()));
    }
    detail
}

/// One line about a step for lists beside the axis: "what — who (status), “phrase”".
pub fn step_line(brief: &Brief, step: &NextStep) -> String {
    let mut text = step.what.trim().to_owned();
    let who = brief.actor_names(&step.who);
    if !who.is_empty() {
        text.push_str(&format!(" — {}", who.join(", ")));
    }
    text.push_str(&format!(" ({})", step.status.label().to_lowercase()));
    if !step.when.phrase.trim().is_empty() {
        text.push_str(&format!(", “{}”", step.when.phrase.trim()));
    }
    text
}

fn month_name(month: u8) -> &'static str {
    crate::model::MONTH_NAMES[usize::from(month.clamp(1, 12) - 1)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::When;

    fn step(from: Option<&str>, to: Option<&str>, qualifier: TimeQualifier) -> NextStep {
        NextStep {
            id: crate::model::StepId::new("s"),
            what: "x".into(),
            who: Vec::new(),
            when: When {
                phrase: String::new(),
                from: from.and_then(|d| d.parse().ok()),
                to: to.and_then(|d| d.parse().ok()),
                qualifier,
            },
            place: String::new(),
            status: StepStatus::Proposed,
            condition: String::new(),
            evidence: Vec::new(),
            suggested: false,
        }
    }

    #[test]
    fn dated_steps_sit_in_date_order_inside_the_axis() {
        let steps = vec![
            step(Some("2025-09-01"), None, TimeQualifier::Exact),
            step(None, None, TimeQualifier::Exact),
            step(
                Some("2025-08-18"),
                Some("2025-08-22"),
                TimeQualifier::Approximate,
            ),
            step(Some("2025-08-22"), None, TimeQualifier::Deadline),
        ];
        let t = Timeline::of(&steps);
        assert_eq!(
            t.dated.iter().map(|e| e.step).collect::<Vec<_>>(),
            vec![2, 3, 0]
        );
        assert_eq!(t.undated, vec![1]);
        assert!(t.start < t.dated[0].from && t.end > t.dated[2].to);
        for e in &t.dated {
            match t.mark(e) {
                Mark::Bar { from, to, .. } => assert!(0.0 <= from && from < to && to <= 1.0),
                Mark::Point { at } => assert!((0.0..=1.0).contains(&at)),
                Mark::Deadline { line_from, at } => assert!(line_from == 0.0 && at > 0.0),
                Mark::Earliest { .. } => panic!("no earliest step here"),
            }
        }
        assert!(!t.ticks.is_empty());
        assert!(t.ticks.windows(2).all(|w| w[0].date < w[1].date));
    }

    #[test]
    fn a_long_axis_ticks_by_month() {
        let steps = vec![
            step(Some("2025-01-10"), None, TimeQualifier::Exact),
            step(Some("2025-06-10"), None, TimeQualifier::Earliest),
        ];
        let t = Timeline::of(&steps);
        assert!(
            t.ticks.iter().all(|tick| tick.date.day == 1),
            "{:?}",
            t.ticks
        );
        assert!(t.ticks.iter().any(|tick| tick.label == "Mar 2025"));
    }

    #[test]
    fn a_vast_axis_keeps_a_few_year_ticks() {
        let steps = vec![
            step(Some("0001-01-01"), None, TimeQualifier::Exact),
            step(Some("9999-12-31"), None, TimeQualifier::Exact),
        ];
        let t = Timeline::of(&steps);
        assert!((2..=40).contains(&t.ticks.len()), "{}", t.ticks.len());
        assert!(
            t.ticks
                .iter()
                .all(|tick| tick.date.month == 1 && tick.date.day == 1)
        );
        let last = t.ticks.last().expect("ticks").date.year;
        assert!(last > 8000, "ticks span the axis: {last}");
    }

    #[test]
    fn the_matrix_puts_each_position_in_its_cell_once() {
        use crate::model::{
            Actor, ActorId, ActorKind, Issue, IssueId, Position, PositionId, Stance,
        };
        let mut brief = crate::model::template::Template::ForInformation.instantiate(
            "T",
            "BN-1",
            "2025-08-17T08:30:00Z".parse().expect("timestamp"),
        );
        for id in ["a", "b", "c"] {
            brief.actors.push(Actor {
                id: ActorId::new(id),
                name: id.to_uppercase(),
                kind: ActorKind::Person,
                role: String::new(),
                affiliation: None,
                aliases: Vec::new(),
                suggested: false,
            });
        }
        for id in ["x", "y"] {
            brief.issues.push(Issue {
                id: IssueId::new(id),
                name: id.into(),
                description: String::new(),
            });
        }
        for (n, (actor, issue)) in [("a", "x"), ("c", "y"), ("a", "x"), ("c", "x"), ("z", "x")]
            .into_iter()
            .enumerate()
        {
            brief.positions.push(Position {
                id: PositionId::new(format!("p{n}")),
                actor: ActorId::new(actor),
                issue: IssueId::new(issue),
                stance: Stance::Supports,
                summary: String::new(),
                conditions: String::new(),
                stated_on: None,
                evidence: Vec::new(),
                suggested: false,
            });
        }
        let full = PositionMatrix::of(&brief);
        assert_eq!(full.actors.len(), brief.actors.len());
        let mut seen = vec![0; brief.positions.len()];
        for (r, row) in full.cells.iter().enumerate() {
            for (c, held) in row.iter().enumerate() {
                for &p in held {
                    seen[p] += 1;
                    assert_eq!(brief.positions[p].actor, brief.actors[full.actors[r]].id);
                    assert_eq!(brief.positions[p].issue, brief.issues[full.issues[c]].id);
                }
            }
        }
        // Each position once, except the one naming an unknown actor, which has no row.
        assert_eq!(seen, vec![1, 1, 1, 1, 0]);
        assert_eq!(full.cells[0][0], vec![0, 2]);
        let compact = PositionMatrix::compact(&brief);
        assert!(compact.actors.len() < full.actors.len());
        assert!(
            compact
                .cells
                .iter()
                .all(|row| row.iter().any(|c| !c.is_empty()))
        );
        assert_eq!(
            full.gaps() - compact.gaps(),
            (full.actors.len() - compact.actors.len()) * full.issues.len()
        );
    }
}
