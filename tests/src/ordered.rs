//! Models with a default ordering (`#[related(ordering = "...")]`, Django's
//! `Meta.ordering`), seeded so that no default order is the primary key
//! order.

use related::prelude::*;

use crate::harness::Db;

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "ord_board")]
pub struct Board {
    pub id: i64,
    /// Not stored (`skip`), between two columns: the columns after it keep
    /// their places.
    #[related(skip)]
    pub seen: u32,
    pub name: String,
    #[related(reverse = Note::board)]
    pub notes: Reverse<Note>,
    pub top_notes: Prefetched<Note>,
    pub note_count: Counted<Note>,
    /// Notes of rank 3 or more.
    pub ranked_count: Counted<Note>,
}

/// Ordered by rank, highest first, then title.
#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "ord_note", ordering = "-rank, title")]
pub struct Note {
    pub id: i64,
    pub title: String,
    /// Not stored (`skip`): empty in every loaded row, whatever was inserted.
    #[related(skip)]
    pub cache: Vec<String>,
    pub rank: i32,
    pub board: ForeignKey<Board>,
    #[related(through = "ord_note_labels")]
    pub labels: ManyToMany<Label>,
    pub label_count: Counted<Label>,
}

/// Ordered by name.
#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "ord_label", ordering = "name")]
pub struct Label {
    pub id: i64,
    pub name: String,
    #[related(reverse = Note::labels)]
    pub notes: Reverse<Note>,
    pub note_count: Counted<Note>,
}

/// Ordered by a foreign key named by its field (`board` is `board_id`),
/// then newest first.
#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "ord_pin", ordering = "board, -id")]
pub struct Pin {
    pub id: i64,
    pub board: ForeignKey<Board>,
    pub note: ForeignKey<Note>,
}

/// `(id, title, rank, board)` of every note.
pub const NOTES: &[(i64, &str, i32, i64)] = &[
    (1, "walk", 1, 1),
    (2, "bake", 3, 1),
    (3, "call", 3, 1),
    (4, "read", 2, 2),
    (5, "swim", 5, 2),
    (6, "alpha", 1, 1),
];
/// `(id, name)` of every label: names in the reverse of id order.
pub const LABELS: &[(i64, &str)] = &[(1, "zeta"), (2, "mu"), (3, "alpha")];
/// `(id, board, note)` of every pin.
pub const PINS: &[(i64, i64, i64)] = &[(1, 2, 4), (2, 1, 2), (3, 2, 5), (4, 1, 1)];

/// Whether note `n` has label `l`.
pub fn labelled(n: i64, l: i64) -> bool {
    (n + l) % 2 == 0 || l == 3
}

pub fn models() -> Vec<&'static related::ModelInfo> {
    vec![Board::info(), Note::info(), Label::info(), Pin::info()]
}

pub fn seed(db: &Db) -> related::Result<()> {
    db.create_tables(&models())?;
    for (id, name) in [(1, "home"), (2, "work"), (3, "empty")] {
        db.insert(&Board {
            id,
            seen: 7,
            name: name.into(),
            notes: Default::default(),
            top_notes: Default::default(),
            note_count: Default::default(),
            ranked_count: Default::default(),
        })?;
    }
    for &(id, title, rank, board) in NOTES {
        db.insert(&Note {
            id,
            title: title.into(),
            cache: vec!["not stored".into()],
            rank,
            board: ForeignKey::new(board),
            labels: Default::default(),
            label_count: Default::default(),
        })?;
    }
    for &(id, name) in LABELS {
        db.insert(&Label {
            id,
            name: name.into(),
            notes: Default::default(),
            note_count: Default::default(),
        })?;
    }
    for &(id, board, note) in PINS {
        db.insert(&Pin {
            id,
            board: ForeignKey::new(board),
            note: ForeignKey::new(note),
        })?;
    }
    for &(n, ..) in NOTES {
        for &(l, _) in LABELS {
            if labelled(n, l) {
                db.link(Note::labels(), &n, &l)?;
            }
        }
    }
    Ok(())
}
