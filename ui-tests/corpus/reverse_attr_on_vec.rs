// Mistake: a reverse attribute on a Vec field (SeaORM's has_many as a Vec)
// expect: Vec
// fix: Reverse<
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Shelf {
    pub id: i64,
    #[related(reverse = Book::shelf)]
    pub books: Vec<Book>,
}
#[derive(Clone, Debug, related::Model)]
pub struct Book { pub id: i64, pub shelf: ForeignKey<Shelf> }
fn main() {}
