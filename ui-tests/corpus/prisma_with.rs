// Mistake: Prisma's / Toasty's with(..) / include(..).
// expect: with
// fix: prefetch_related
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().with(Post::tags()); }
