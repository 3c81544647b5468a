// Every term of `ordering` names a stored column of the model, once.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
#[related(ordering = "-rank, titel")]
pub struct Note {
    pub id: i64,
    pub title: String,
    pub rank: i32,
    pub tags: ManyToMany<Tag>,
}

#[derive(Clone, Debug, related::Model)]
#[related(ordering = "notes, , -id, id")]
pub struct Tag {
    pub id: i64,
    #[related(reverse = Note::tags)]
    pub notes: Reverse<Note>,
}

fn main() {}
