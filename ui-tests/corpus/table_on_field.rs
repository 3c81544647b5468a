// Mistake: the table attribute put on a field instead of the struct
// expect: table
// fix: struct
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Page {
    #[related(table = "cms_page")]
    pub id: i64,
    pub title: String,
}
fn main() {}
