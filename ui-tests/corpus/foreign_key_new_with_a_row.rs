// Mistake: ForeignKey::new with a row
// expect: not `models::Author`
// fix: ForeignKey::from(&row)
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let a = Author { id: 1, name: "x".into(), publisher: None, posts: Default::default() }; let _ = Post { id: 1, title: "t".into(), subtitle: None, views: 0, author: ForeignKey::new(a), tags: Default::default(), comments: Default::default(), python_tags: Default::default() }; }
