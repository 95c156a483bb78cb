//! The one rule of whether a service's sheet can be published: what holds it back, in no
//! words. `check` says it in its verdict, `publish` refuses on it, and the page notes a
//! sheet that is not complete.

use jiff::civil::Date;

use super::ServiceSheet;

/// What holds a sheet back from being published, in the order it is told.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hold {
    /// Requirements that apply have no answer (`publish --allow-incomplete` lets them be).
    Unanswered(usize),
    /// Requirements whose applicability waits on a fact left unanswered.
    Undecided(usize),
    /// No one is named as having reviewed the self-check (`reviewed-by`).
    NotReviewed,
    /// No one approved the self-check (`approved-by`).
    NotApproved,
    /// The next review (`next-review`, the date) was due before `as-of`.
    ReviewOverdue(Date),
    /// `as-of` is after the day of publishing (the date).
    AsOfInFuture(Date),
}

impl Hold {
    /// Whether it is answers that are missing: the self-check is not complete.
    pub fn is_incomplete(self) -> bool {
        matches!(self, Hold::Unanswered(_) | Hold::Undecided(_))
    }
}

impl ServiceSheet {
    /// Everything that holds the sheet back from being published on `day` (the day is not
    /// compared with `as-of` when there is none).
    pub fn holds(&self, day: Option<Date>) -> Vec<Hold> {
        let s = &self.summary;
        let mut holds = Vec::new();
        if s.unanswered > 0 {
            holds.push(Hold::Unanswered(s.unanswered));
        }
        if s.undecided > 0 {
            holds.push(Hold::Undecided(s.undecided));
        }
        if self.reviewed_by.is_none() {
            holds.push(Hold::NotReviewed);
        }
        if self.approved_by.is_none() {
            holds.push(Hold::NotApproved);
        }
        if let Some(next) = self.next_review.filter(|next| self.as_of > *next) {
            holds.push(Hold::ReviewOverdue(next));
        }
        if let Some(day) = day.filter(|day| self.as_of > *day) {
            holds.push(Hold::AsOfInFuture(day));
        }
        holds
    }
}
