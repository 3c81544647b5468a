//! Default ordering: a model's `#[related(ordering = "...")]` (Django's
//! `Meta.ordering`) applies wherever a statement over its table has no
//! `order_by` of its own: the base statement, and every prefetch level of
//! that model (its SQL, its top-N per parent, and the order of each
//! parent's children).

use crate::model::table::Model;
use crate::query::builder::QueryCore;

impl<M: Model> QueryCore<M> {
    /// The `(column, descending)` terms this query's statement orders by:
    /// its own `order_by`, else the model's default ordering (possibly
    /// none).
    pub(crate) fn effective_order(&self) -> &[(&'static str, bool)] {
        if self.order.is_empty() {
            M::info().ordering
        } else {
            &self.order
        }
    }
}
