// Mistake: a bound naming another model's relation trait (Post's) on Author rows
// expect: publisher
// fix: AuthorHasPublisher
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn imprint<P>(a: &Loaded<Author, impl PostHasAuthor<P>>) -> Option<String> {
    a.publisher().map(|p| p.name.clone())
}
fn main() {}
