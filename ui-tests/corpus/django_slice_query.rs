// Mistake: slicing a query for a page, as Django's Post.objects.all()[:10].
// expect: slicing
// fix: limit(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = &Post::query()[..10]; }
