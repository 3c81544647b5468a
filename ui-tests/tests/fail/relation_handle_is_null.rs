// A relation handle is not a column: a NULL foreign key is tested on its
// key column (`Book::editor_id().is_null()`).
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Editor {
    pub id: i64,
}

#[derive(Clone, Debug, related::Model)]
pub struct Book {
    pub id: i64,
    pub editor: Option<ForeignKey<Editor>>,
}

fn main() {
    let _ = Book::query().filter(Book::editor().is_null());
}
