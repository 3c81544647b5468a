//! Default ordering (`#[related(ordering = "...")]`): the base statement and
//! every prefetch level of the model use it unless the query or the
//! Prefetch orders otherwise.

use related::LoggedStatement;
use related::prelude::*;
use related_tests::harness::{Case, Db};
use related_tests::ordered::{self, Board, LABELS, Label, NOTES, Note, PINS, Pin, labelled};

pub const CASES: &[Case] = &[
    Case::new("ordering::base_statement", base_statement),
    Case::new("ordering::order_by_replaces_it", order_by_replaces_it),
    Case::new(
        "ordering::foreign_key_by_field_name",
        foreign_key_by_field_name,
    ),
    Case::new("ordering::prefetch_levels", prefetch_levels),
    Case::new(
        "ordering::prefetch_order_by_replaces_it",
        prefetch_order_by_replaces_it,
    ),
    Case::new("ordering::top_n_per_parent", top_n_per_parent),
    Case::new(
        "ordering::several_keys_in_one_call",
        several_keys_in_one_call,
    ),
];

const NOTE: &str =
    r#""ord_note"."id", "ord_note"."title", "ord_note"."rank", "ord_note"."board_id""#;
const NOTE_ORDER: &str = r#" ORDER BY "ord_note"."rank" DESC, "ord_note"."title""#;

fn sqls(sent: &[LoggedStatement]) -> Vec<String> {
    sent.iter().map(|s| s.sql.clone()).collect()
}

/// Run `query`, asserting the statements it plans and sends (SQLite form).
fn run<M: Model, L>(db: &Db, query: &Query<M, L>, expected: &[String]) -> Vec<M> {
    let expected: Vec<String> = expected.iter().map(|s| db.sql(s)).collect();
    let planned: Vec<String> = query
        .plan(db.dialect())
        .into_iter()
        .map(|p| p.sql)
        .collect();
    assert_eq!(planned, expected, "plan");
    let (rows, sent) = db.capture(|| db.all(query));
    assert_eq!(sqls(&sent), expected, "sent");
    rows.expect("load")
}

fn ids<M: Model<Pk = i64>>(rows: &[M]) -> Vec<i64> {
    rows.iter().map(|r| *r.pk()).collect()
}

/// [`ids`] of the rows a relation field holds (each in an `Arc`, shared
/// with the other rows of the load), or of borrowed rows.
fn shared_ids<R: std::ops::Deref<Target: Model<Pk = i64>>>(rows: &[R]) -> Vec<i64> {
    rows.iter().map(|r| *r.pk()).collect()
}

/// Note ids in the default order (rank descending, then title), among the
/// notes `keep` accepts.
fn notes_by_default(keep: impl Fn(&(i64, &str, i32, i64)) -> bool) -> Vec<i64> {
    let mut notes: Vec<_> = NOTES.iter().filter(|n| keep(n)).collect();
    notes.sort_by(|a, b| b.2.cmp(&a.2).then(a.1.cmp(b.1)));
    notes.iter().map(|n| n.0).collect()
}

fn base_statement(db: &Db) {
    ordered::seed(db).unwrap();
    let notes = run(
        db,
        &Note::query(),
        &[format!(r#"SELECT {NOTE} FROM "ord_note"{NOTE_ORDER}"#)],
    );
    let expected = notes_by_default(|_| true);
    assert_ne!(expected, (1..=6).collect::<Vec<_>>(), "not the pk order");
    assert_eq!(ids(&notes), expected);

    // A limit keeps the first rows in that order.
    let top = run(
        db,
        &Note::query().filter(Note::rank().ge(2)).limit(3),
        &[format!(
            r#"SELECT {NOTE} FROM "ord_note" WHERE "ord_note"."rank" >= ?{NOTE_ORDER} LIMIT ?"#
        )],
    );
    assert_eq!(ids(&top), expected[..3].to_vec());
    let first = db.first(&Note::query()).unwrap().expect("a note");
    assert_eq!(first.id, expected[0]);

    // Labels: by name, the reverse of their ids.
    let labels = run(
        db,
        &Label::query(),
        &[r#"SELECT "ord_label"."id", "ord_label"."name" FROM "ord_label" ORDER BY "ord_label"."name""#.to_owned()],
    );
    let mut by_name = LABELS.to_vec();
    by_name.sort_by_key(|l| l.1);
    assert_eq!(
        ids(&labels),
        by_name.iter().map(|l| l.0).collect::<Vec<_>>()
    );
}

fn order_by_replaces_it(db: &Db) {
    ordered::seed(db).unwrap();
    let notes = run(
        db,
        &Note::query().order_by(Note::id().asc()),
        &[format!(
            r#"SELECT {NOTE} FROM "ord_note" ORDER BY "ord_note"."id""#
        )],
    );
    assert_eq!(ids(&notes), (1..=6).collect::<Vec<_>>());
    // A JOIN does not change it either way.
    let notes = run(
        db,
        &Note::query().select_related(Note::board()),
        &[format!(
            r#"SELECT {NOTE}, "ord_board"."id", "ord_board"."name" FROM "ord_note" INNER JOIN "ord_board" ON "ord_note"."board_id" = "ord_board"."id"{NOTE_ORDER}"#
        )],
    );
    assert_eq!(ids(&notes), notes_by_default(|_| true));
}

fn foreign_key_by_field_name(db: &Db) {
    ordered::seed(db).unwrap();
    let pins = run(
        db,
        &Pin::query(),
        &[r#"SELECT "ord_pin"."id", "ord_pin"."board_id", "ord_pin"."note_id" FROM "ord_pin" ORDER BY "ord_pin"."board_id", "ord_pin"."id" DESC"#.to_owned()],
    );
    let mut expected = PINS.to_vec();
    expected.sort_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)));
    assert_eq!(ids(&pins), expected.iter().map(|p| p.0).collect::<Vec<_>>());
}

fn prefetch_levels(db: &Db) {
    ordered::seed(db).unwrap();
    let boards = run(
        db,
        &Board::query()
            .prefetch_related(Board::notes().then(Note::labels()))
            .order_by(Board::id().asc()),
        &[
            r#"SELECT "ord_board"."id", "ord_board"."name" FROM "ord_board" ORDER BY "ord_board"."id""#.to_owned(),
            format!(
                r#"SELECT {NOTE} FROM "ord_note" WHERE "ord_note"."board_id" IN rarray(?){NOTE_ORDER}"#
            ),
            r#"SELECT "ord_label"."id", "ord_label"."name", "ord_note_labels"."note_id" FROM "ord_label" INNER JOIN "ord_note_labels" ON "ord_note_labels"."label_id" = "ord_label"."id" WHERE "ord_note_labels"."note_id" IN rarray(?) ORDER BY "ord_label"."name""#.to_owned(),
        ],
    );
    assert_eq!(boards.len(), 3);
    let mut by_name = LABELS.to_vec();
    by_name.sort_by_key(|l| l.1);
    for b in &boards {
        let notes = b.notes.get().unwrap();
        assert_eq!(
            shared_ids(notes),
            notes_by_default(|n| n.3 == b.id),
            "board {}",
            b.id
        );
        for n in notes {
            let expected: Vec<i64> = by_name
                .iter()
                .filter(|l| labelled(n.id, l.0))
                .map(|l| l.0)
                .collect();
            assert_eq!(
                shared_ids(n.labels.get().unwrap()),
                expected,
                "note {}",
                n.id
            );
        }
    }
    // The reverse side: labels by name, each label's notes by rank.
    let labels = db
        .all(&Label::query().prefetch_related(Label::notes()))
        .unwrap();
    for l in &labels {
        assert_eq!(
            shared_ids(l.notes.get().unwrap()),
            notes_by_default(|n| labelled(n.0, l.id)),
            "label {}",
            l.id
        );
    }
}

fn prefetch_order_by_replaces_it(db: &Db) {
    ordered::seed(db).unwrap();
    let boards = run(
        db,
        &Board::query()
            .prefetch(Prefetch::new(Board::notes()).order_by(Note::id().desc()))
            .order_by(Board::id().asc()),
        &[
            r#"SELECT "ord_board"."id", "ord_board"."name" FROM "ord_board" ORDER BY "ord_board"."id""#.to_owned(),
            format!(
                r#"SELECT {NOTE} FROM "ord_note" WHERE "ord_note"."board_id" IN rarray(?) ORDER BY "ord_note"."id" DESC"#
            ),
        ],
    );
    for b in &boards {
        let mut expected: Vec<i64> = NOTES.iter().filter(|n| n.3 == b.id).map(|n| n.0).collect();
        expected.reverse();
        assert_eq!(shared_ids(b.notes.get().unwrap()), expected);
    }
}

fn top_n_per_parent(db: &Db) {
    ordered::seed(db).unwrap();
    let boards = run(
        db,
        &Board::query()
            .prefetch(
                Prefetch::new(Board::notes())
                    .limit(2)
                    .to(Board::top_notes()),
            )
            .order_by(Board::id().asc()),
        &[
            r#"SELECT "ord_board"."id", "ord_board"."name" FROM "ord_board" ORDER BY "ord_board"."id""#.to_owned(),
            r#"SELECT "c0", "c1", "c2", "c3" FROM (SELECT "ord_note"."id" AS "c0", "ord_note"."title" AS "c1", "ord_note"."rank" AS "c2", "ord_note"."board_id" AS "c3", ROW_NUMBER() OVER (PARTITION BY "ord_note"."board_id" ORDER BY "ord_note"."rank" DESC, "ord_note"."title") AS "__rn" FROM "ord_note" WHERE "ord_note"."board_id" IN rarray(?)) "__ranked" WHERE "__rn" <= ? ORDER BY "__rn""#.to_owned(),
        ],
    );
    for b in &boards {
        let mut expected = notes_by_default(|n| n.3 == b.id);
        expected.truncate(2);
        assert_eq!(
            shared_ids(b.top_notes.get().unwrap()),
            expected,
            "board {}",
            b.id
        );
        assert!(b.notes.get().is_err());
    }
}

/// `order_by` given several keys at once (a tuple, as Diesel's; an array;
/// a `Vec` built at run time) orders as one call per key, in the base
/// statement and in a `Prefetch`, its top-N per parent included. Keys
/// other than the model's default ordering, so that the default cannot
/// pass for them.
fn several_keys_in_one_call(db: &Db) {
    ordered::seed(db).unwrap();
    // Rank ascending, then id descending: ties at ranks 1 and 3.
    let mut expected: Vec<&(i64, &str, i32, i64)> = NOTES.iter().collect();
    expected.sort_by(|a, b| a.2.cmp(&b.2).then(b.0.cmp(&a.0)));
    let expected: Vec<i64> = expected.iter().map(|n| n.0).collect();
    let sql = format!(
        r#"SELECT {NOTE} FROM "ord_note" ORDER BY "ord_note"."rank", "ord_note"."id" DESC"#
    );
    let chosen = vec![Note::rank().asc(), Note::id().desc()];
    for query in [
        Note::query().order_by((Note::rank().asc(), Note::id().desc())),
        Note::query().order_by([Note::rank().asc(), Note::id().desc()]),
        Note::query().order_by(chosen),
        Note::query()
            .order_by(Note::rank().asc())
            .order_by(Note::id().desc()),
    ] {
        let notes = run(db, &query, std::slice::from_ref(&sql));
        assert_eq!(ids(&notes), expected);
    }
    // Three keys, the tuple followed by another call.
    let notes = run(
        db,
        &Note::query()
            .order_by((Note::board_id().desc(), Note::rank().desc()))
            .order_by(Note::title().asc()),
        &[format!(
            r#"SELECT {NOTE} FROM "ord_note" ORDER BY "ord_note"."board_id" DESC, "ord_note"."rank" DESC, "ord_note"."title""#
        )],
    );
    let mut by_board: Vec<&(i64, &str, i32, i64)> = NOTES.iter().collect();
    by_board.sort_by(|a, b| b.3.cmp(&a.3).then(b.2.cmp(&a.2)).then(a.1.cmp(b.1)));
    assert_eq!(
        ids(&notes),
        by_board.iter().map(|n| n.0).collect::<Vec<_>>()
    );

    // A Prefetch: each board's two first notes by rank, then id descending.
    let boards = db
        .all(
            &Board::query()
                .prefetch(
                    Prefetch::new(Board::notes())
                        .order_by((Note::rank().asc(), Note::id().desc()))
                        .limit(2),
                )
                .order_by(Board::id().asc()),
        )
        .unwrap();
    assert!(!boards.is_empty());
    for b in &boards {
        let mut mine: Vec<&(i64, &str, i32, i64)> = NOTES.iter().filter(|n| n.3 == b.id).collect();
        mine.sort_by(|x, y| x.2.cmp(&y.2).then(y.0.cmp(&x.0)));
        let want: Vec<i64> = mine.iter().take(2).map(|n| n.0).collect();
        assert_eq!(shared_ids(b.notes.get().unwrap()), want, "board {}", b.id);
    }
}
