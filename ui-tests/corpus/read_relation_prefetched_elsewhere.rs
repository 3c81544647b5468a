// Mistake: reading the relation whose rows a Prefetch put in another field with .to(..).
// expect: tags
// fix: .python_tags()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch(Prefetch::new(Post::tags()).to(Post::python_tags())).fetch(&related::Sqlite::open_in_memory().unwrap()).unwrap().first().map(|p| p.tags().len()); }
