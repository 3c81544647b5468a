// Mistake: a model without an id field or a primary_key attribute.
// expect: Note
// fix: primary_key
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)] pub struct Note { pub note_id: i64, pub text: String } fn main() {}
