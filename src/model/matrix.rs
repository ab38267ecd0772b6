//! Who stands where: the brief's positions arranged as actors × issues, the grid analysts draw
//! by hand. Plain data about the brief, shared by the app's matrix view, the printed matrix and
//! the Markdown export.

use super::brief::Brief;

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
        use std::collections::HashMap;
        let issues: Vec<usize> = (0..brief.issues.len()).collect();
        let column: HashMap<&str, usize> = brief
            .issues
            .iter()
            .enumerate()
            .map(|(j, issue)| (issue.id.as_str(), j))
            .collect();
        let mut held: HashMap<(&str, usize), Vec<usize>> = HashMap::new();
        for (p, position) in brief.positions.iter().enumerate() {
            if let Some(&j) = column.get(position.issue.as_str()) {
                held.entry((position.actor.as_str(), j))
                    .or_default()
                    .push(p);
            }
        }
        let mut actors = Vec::new();
        let mut cells = Vec::new();
        for (a, actor) in brief.actors.iter().enumerate() {
            let row: Vec<Vec<usize>> = issues
                .iter()
                .map(|&j| held.remove(&(actor.id.as_str(), j)).unwrap_or_default())
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
