// Mistake: through repeated on the Reverse side of a many-to-many
// expect: through
// fix: ManyToMany
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Label {
    pub id: i64,
    pub name: String,
    #[related(reverse = Note::labels, through = "note_labels")]
    pub notes: Reverse<Note>,
}
#[derive(Clone, Debug, related::Model)]
pub struct Note {
    pub id: i64,
    #[related(through = "note_labels")]
    pub labels: ManyToMany<Label>,
}
fn main() {}
