// A self-referencing ForeignKey written with `Self`, its reverse side, and a
// chain through it twice (`parent__parent`).
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Category {
    pub id: i64,
    pub name: String,
    pub parent: Option<ForeignKey<Self>>,
    #[related(reverse = Self::parent)]
    pub children: Reverse<Self>,
}

fn main() {
    let _ = Category::query().select_related(Category::parent().then(Category::parent()));
    let _ = Category::query().prefetch_related(Category::children().then(Category::children()));
    let _ = Category::query().filter(Category::parent_id().is_null());

    assert_eq!(
        (Category::info().relations[1])().kind,
        related::RelationKind::ReverseForeignKey { column: "parent_id" }
    );
}
