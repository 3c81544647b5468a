// Mistake: a Counted field given the reverse attribute of the relation it counts
// expect: reverse
// fix: count_related
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Entry {
    pub id: i64,
    #[related(reverse = Remark::entry)]
    pub remarks: Reverse<Remark>,
    #[related(reverse = Remark::entry)]
    pub remark_count: Counted<Remark>,
}
#[derive(Clone, Debug, related::Model)]
pub struct Remark { pub id: i64, pub entry: ForeignKey<Entry> }
fn main() {}
