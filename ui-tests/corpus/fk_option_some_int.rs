// Mistake: a nullable foreign key built from Some(key)
// expect: publisher
// fix: ForeignKey::new
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn main() { let _ = Author { id: 1, name: "Ann".into(), publisher: Some(3), posts: Reverse::new() }; }
