//! The two analyst views, as geometry both the app and the printed note draw: the position
//! matrix (actors × issues) and the next-steps timeline (steps on a date axis).
//!
//! Computing them once here is what keeps the app's views and the PDF from disagreeing about
//! which cell holds which position or where a step sits on the axis. Pure: no drawing, no I/O.

use crate::model::{Brief, Date, NextStep, Stance, StepStatus, TimeQualifier};

/// Actors × issues, each cell holding the positions (indices into `brief.positions`) that actor
/// holds on that issue.
#[derive(Clone, Debug, PartialEq)]
pub struct PositionMatrix {
    /// Indices into `brief.actors`, in the brief's order.
    pub actors: Vec<usize>,
    /// Indices into `brief.issues`, in the brief's order.
    pub issues: Vec<usize>,
    /// `cells[row][column]`: indices into `brief.positions`.
    pub cells: Vec<Vec<Vec<usize>>>,
}

impl PositionMatrix {
    /// Every actor and every issue, so that empty cells show as gaps to fill.
    pub fn of(brief: &Brief) -> Self {
        Self::build(brief, false)
    }

    /// Only actors that hold at least one position: the compact form for print.
    pub fn compact(brief: &Brief) -> Self {
        Self::build(brief, true)
    }

    fn build(brief: &Brief, only_with_positions: bool) -> Self {
        let issues: Vec<usize> = (0..brief.issues.len()).collect();
        let mut actors = Vec::new();
        let mut cells = Vec::new();
        for (a, actor) in brief.actors.iter().enumerate() {
            let row: Vec<Vec<usize>> = brief
                .issues
                .iter()
                .map(|issue| {
                    brief
                        .positions
                        .iter()
                        .enumerate()
                        .filter(|(_, p)| p.actor == actor.id && p.issue == issue.id)
                        .map(|(i, _)| i)
                        .collect()
                })
                .collect();
            if only_with_positions && row.iter().all(Vec::is_empty) {
                continue;
            }
            actors.push(a);
            cells.push(row);
        }
        Self {
            actors,
            issues,
            cells,
        }
    }

    /// How many cells are empty: the gaps in what the brief knows.
    pub fn gaps(&self) -> usize {
        self.cells.iter().flatten().filter(|c| c.is_empty()).count()
    }
}

/// The short word a matrix cell shows for a stance.
pub fn stance_word(stance: Stance) -> &'static str {
    stance.label()
}

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

    /// How `entry` is drawn on the axis.
    pub fn mark(&self, entry: &TimelineEntry) -> Mark {
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

/// Tick dates at a spacing that suits the axis: days, weeks (Mondays), months or years.
fn ticks(start: Date, end: Date) -> Vec<Tick> {
    let span = end.days_since_epoch() - start.days_since_epoch();
    let short = |d: Date| format!("{} {}", d.day, &month_name(d.month)[..3]);
    let mut out = Vec::new();
    let mut day = start;
    while day < end {
        let tick = if span <= 16 {
            Some(short(day))
        } else if span <= 90 {
            (day.weekday_from_monday() == 0).then(|| short(day))
        } else if span <= 800 {
            (day.day == 1).then(|| format!("{} {}", &month_name(day.month)[..3], day.year))
        } else {
            (day.day == 1 && day.month == 1).then(|| day.year.to_string())
        };
        if let Some(label) = tick {
            out.push(Tick { date: day, label });
        }
        match day.add_days(1) {
            Some(next) => day = next,
            None => break,
        }
        if out.len() > 60 {
            break;
        }
    }
    out
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
}
