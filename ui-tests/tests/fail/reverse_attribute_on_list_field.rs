// `#[related(reverse = ..)]` on a `Vec<T>` field: the one error is the
// field's type, naming `Reverse<T>`; the attribute is not reported again.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Book {
    pub id: i64,
    pub shelf: ForeignKey<Shelf>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Shelf {
    pub id: i64,
    #[related(reverse = Book::shelf)]
    pub books: Vec<Book>,
}

fn main() {}
