// Mistake: sqlx's rename attribute on a model field
// expect: sqlx
// fix: related(column
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

#[derive(Clone, Debug, related::Model)]
pub struct Note { pub id: i64, #[sqlx(rename = "body_text")] pub body: String }
fn main() {}
