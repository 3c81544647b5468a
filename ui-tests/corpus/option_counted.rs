// Mistake: a Counted field wrapped in Option
// expect: Counted
// fix: Counted<Note>
#![allow(dead_code)]
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

#[derive(Clone, Debug, related::Model)]
pub struct Article { pub id: i64, #[related(reverse = Note::article)] pub notes: Reverse<Note>, pub note_count: Option<Counted<Note>> }
#[derive(Clone, Debug, related::Model)]
pub struct Note { pub id: i64, pub article: ForeignKey<Article> }
fn main() {}
