// Mistake: building a row, tags as a vec
// expect: tags
// fix: default
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post { id: 1, title: "t".into(), subtitle: None, views: 0, author: ForeignKey::new(1), tags: vec![], comments: Reverse::default(), python_tags: Prefetched::default() }; }
