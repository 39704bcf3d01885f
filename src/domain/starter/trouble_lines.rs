//! The shape of a problem's lines, apart from the problems themselves, so each language's
//! lines (`trouble_en`, `trouble_tl`) and the chooser (`trouble`) depend on it and not on each
//! other.

use super::Plot;

/// A problem's own plot and the lines around it, in one language.
pub struct Lines {
    /// Goal, problem and win sentences (`{trouble}` is the problem's words).
    pub plot: Plot,
    /// Tries at this problem.
    pub tries: &'static [&'static str],
    /// What the hero learned.
    pub lessons: &'static [&'static str],
    /// Titles.
    pub titles: &'static [&'static str],
}
