//! Hostile names and values: a reserved word, every dialect's quote
//! characters and non-ASCII letters in table and column names; values that
//! look like SQL or LIKE patterns, extreme keys, a NUL byte, a megabyte of
//! text. Each reaches the database as a quoted identifier or a bound value,
//! and no input makes a load panic.

use related::prelude::*;
use related::{Error, Prefetch};
use related_tests::harness::{Backend, Case, Db, SQLITE};
use related_tests::hostile::{Branch, Group, Holder, Keyed, Label, Leaf, Lengthy, Order, Reading};

pub const CASES: &[Case] = &[
    Case::new(
        "hostile::names_are_quoted_for_each_dialect",
        names_are_quoted_for_each_dialect,
    ),
    Case::new(
        "hostile::values_are_bound_not_spliced",
        values_are_bound_not_spliced,
    ),
    Case::new(
        "hostile::rows_held_twice_each_get_their_relations",
        rows_held_twice_each_get_their_relations,
    ),
    Case::new(
        "hostile::a_failing_insert_all_writes_nothing",
        a_failing_insert_all_writes_nothing,
    ),
    Case::new(
        "hostile::text_that_is_not_utf8_is_a_decode_error",
        text_that_is_not_utf8_is_a_decode_error,
    )
    .on(SQLITE),
    Case::new(
        "hostile::a_nul_byte_is_data_or_an_error",
        a_nul_byte_is_data_or_an_error,
    ),
    Case::new(
        "hostile::join_aliases_differ_from_table_names_in_any_case",
        join_aliases_differ_from_table_names_in_any_case,
    ),
    Case::new(
        "hostile::key_lists_step_aside_for_tables_named_as_them",
        key_lists_step_aside_for_tables_named_as_them,
    ),
    Case::new(
        "hostile::inserts_larger_than_a_packet",
        inserts_larger_than_a_packet,
    ),
    Case::new(
        "hostile::long_names_give_distinct_constraint_names",
        long_names_give_distinct_constraint_names,
    ),
    Case::new(
        "hostile::floats_round_trip_at_their_edges",
        floats_round_trip_at_their_edges,
    ),
    Case::new(
        "hostile::is_in_lists_past_the_parameter_limit",
        is_in_lists_past_the_parameter_limit,
    ),
    Case::new(
        "hostile::tables_without_constraints_hold_duplicate_keys",
        tables_without_constraints_hold_duplicate_keys,
    ),
];

/// Values every backend stores as given (no NUL, no trailing blanks: MySQL
/// compares `'a '` equal to `'a'`, as the database decides).
fn evil_values() -> Vec<String> {
    vec![
        "'; DROP TABLE \"group\"; --".to_owned(),
        "` OR 1=1 #".to_owned(),
        "50% off_sale\\".to_owned(),
        "$1 ?1 ? :name @p1".to_owned(),
        "🦀 crab, ü, 漢字".to_owned(),
        "line\nbreak\ttab".to_owned(),
        "x".repeat(1 << 20),
    ]
}

/// A group with no orders loaded.
fn group(id: i64, name: impl Into<String>) -> Group {
    Group {
        id,
        name: name.into(),
        orders: Default::default(),
    }
}

/// An order of group `group`, with no labels loaded.
fn order(id: i64, note: impl Into<String>, group: i64) -> Order {
    Order {
        id,
        note: note.into(),
        group: ForeignKey::new(group),
        labels: Default::default(),
    }
}

/// Label `id`, named `label <id>`.
fn label(id: i64) -> Label {
    Label {
        id,
        name: format!("label {id}"),
    }
}

fn schema(db: &Db) {
    db.create_tables(&[Group::info(), Label::info(), Order::info()])
        .unwrap();
}

fn names_are_quoted_for_each_dialect(db: &Db) {
    schema(db);
    let keys = [i64::MIN, -1, 0, i64::MAX];
    for (i, id) in keys.iter().enumerate() {
        db.insert(&group(*id, format!("group {i}"))).unwrap();
    }
    for id in 1..=3i64 {
        db.insert(&label(id)).unwrap();
    }
    // Order n belongs to group keys[n % 4] and has labels 1..=n % 3.
    for n in 1..=8i64 {
        db.insert(&order(n, format!("note {n}"), keys[(n % 4) as usize]))
            .unwrap();
        for label in 1..=(n % 3) {
            db.link(Order::labels(), &n, &label).unwrap();
        }
    }

    let (orders, sent) = db.capture(|| {
        db.fetch(
            &Order::query()
                .select_related(Order::group())
                .prefetch_related(Order::labels())
                .filter(Order::note().ne("none"))
                .order_by(Order::note().desc()),
        )
    });
    let orders = orders.unwrap();
    assert_eq!(sent.len(), 2, "one JOIN statement and one prefetch level");
    let got: Vec<(i64, i64, String, Vec<i64>)> = orders
        .iter()
        .map(|o| {
            let mut labels: Vec<i64> = o.labels().iter().map(|l| l.id).collect();
            labels.sort();
            (o.id, o.group().id, o.group().name.clone(), labels)
        })
        .collect();
    let mut expected: Vec<(i64, i64, String, Vec<i64>)> = (1..=8i64)
        .map(|n| {
            let g = (n % 4) as usize;
            (n, keys[g], format!("group {g}"), (1..=(n % 3)).collect())
        })
        .collect();
    expected.sort_by_key(|e| std::cmp::Reverse(format!("note {}", e.0)));
    assert_eq!(got, expected);

    // The reverse side, keyed by the extreme keys, and a filter through
    // the relation's quoted column.
    let groups = db
        .fetch(
            &Group::query()
                .prefetch_related(Group::orders())
                .order_by(Group::id().asc()),
        )
        .unwrap();
    let per_group: Vec<(i64, Vec<i64>)> = groups
        .iter()
        .map(|g| {
            let mut ids: Vec<i64> = g.orders().iter().map(|o| o.id).collect();
            ids.sort();
            (g.id, ids)
        })
        .collect();
    assert_eq!(
        per_group,
        vec![
            (i64::MIN, vec![4, 8]),
            (-1, vec![1, 5]),
            (0, vec![2, 6]),
            (i64::MAX, vec![3, 7]),
        ]
    );
    let through = db
        .count(&Order::query().filter(Order::group().col(Group::name()).eq("group 3")))
        .unwrap();
    assert_eq!(through, 2);
    let labelled = db
        .count(&Label::query().filter(Label::name().is_in(["label 1", "label 3"])))
        .unwrap();
    assert_eq!(labelled, 2);
}

fn values_are_bound_not_spliced(db: &Db) {
    schema(db);
    let values = evil_values();
    for (i, v) in values.iter().enumerate() {
        db.insert(&group(i as i64 + 1, v.clone())).unwrap();
    }
    for (i, v) in values.iter().enumerate() {
        let found = db
            .all(&Group::query().filter(Group::name().eq(v.as_str())))
            .unwrap();
        let ids: Vec<i64> = found.iter().map(|g| g.id).collect();
        assert_eq!(
            ids,
            vec![i as i64 + 1],
            "eq finds exactly its row: {:.40}",
            v
        );
        assert_eq!(&found[0].name, v, "the value round-trips unchanged");
    }
    // LIKE metacharacters in a lookup match themselves.
    let found = db
        .all(&Group::query().filter(Group::name().contains("% off_")))
        .unwrap();
    assert_eq!(found.iter().map(|g| g.id).collect::<Vec<_>>(), vec![3]);
    let none = db
        .all(&Group::query().filter(Group::name().contains("%_")))
        .unwrap();
    assert!(none.is_empty(), "`%_` is not a wildcard here");
    let found = db
        .all(&Group::query().filter(Group::name().starts_with("🦀")))
        .unwrap();
    assert_eq!(found.iter().map(|g| g.id).collect::<Vec<_>>(), vec![5]);
    // Every row is still there: nothing was executed as SQL.
    assert_eq!(db.count(&Group::query()).unwrap(), values.len() as u64);
}

fn a_nul_byte_is_data_or_an_error(db: &Db) {
    schema(db);
    let row = group(1, "before\0after");
    match (db.backend(), db.insert(&row)) {
        // PostgreSQL's text cannot hold a NUL: an error naming it, no panic.
        (Backend::Postgres, Err(e)) => {
            let text = e.to_string();
            assert!(text.contains("0x00"), "the error says why: {text}");
        }
        (Backend::Postgres, Ok(())) => panic!("PostgreSQL stored a NUL in text"),
        (_, result) => {
            result.unwrap();
            let found = db
                .all(&Group::query().filter(Group::name().eq("before\0after")))
                .unwrap();
            assert_eq!(found.len(), 1);
            assert_eq!(
                found[0].name, "before\0after",
                "the NUL and what follows it are kept"
            );
        }
    }
    // The connection is still usable after the failure, and the failed
    // insert left no row.
    let stored = db.count(&Group::query().filter(Group::id().eq(1))).unwrap();
    let expected = if db.backend() == Backend::Postgres {
        0
    } else {
        1
    };
    assert_eq!(stored, expected);
}

/// A group's id with its orders' ids, each with its labels' ids.
type GroupGraph = (i64, Vec<(i64, Vec<i64>)>);

/// `prefetch_onto` on rows the caller holds more than once (the same key
/// twice, as Django's `prefetch_related_objects` allows): every copy gets
/// its relations, and the key list sends each key once.
fn rows_held_twice_each_get_their_relations(db: &Db) {
    schema(db);
    for id in 1..=2 {
        db.insert(&group(id, format!("group {id}"))).unwrap();
        db.insert(&label(id)).unwrap();
    }
    for n in 1..=3i64 {
        db.insert(&order(n, format!("note {n}"), 1 + n % 2))
            .unwrap();
        db.link(Order::labels(), &n, &(1 + n % 2)).unwrap();
    }
    let mut groups = db.all(&Group::query().order_by(Group::id().asc())).unwrap();
    let twice = groups[0].clone();
    groups.push(twice);
    groups.push(groups[1].clone());
    let (result, sent) = db.capture(|| {
        db.prefetch_onto(
            &Group::query().prefetch_related(Group::orders().then(Order::labels())),
            &mut groups,
        )
    });
    result.unwrap();
    assert_eq!(sent.len(), 2, "one statement per level");
    let got: Vec<GroupGraph> = groups
        .iter()
        .map(|g| {
            let mut orders: Vec<(i64, Vec<i64>)> = g
                .orders
                .get()
                .unwrap()
                .iter()
                .map(|o| (o.id, o.labels.get().unwrap().iter().map(|l| l.id).collect()))
                .collect();
            orders.sort();
            (g.id, orders)
        })
        .collect();
    // Group 1 holds order 2 (label 1); group 2 orders 1 and 3 (label 2).
    let one = (1, vec![(2, vec![1])]);
    let two = (2, vec![(1, vec![2]), (3, vec![2])]);
    assert_eq!(got, vec![one.clone(), two.clone(), one, two]);
}

/// `insert_all` whose last row collides with a stored key, past the
/// parameter limit (three INSERTs on a server, 70,000 on SQLite): the
/// error names the table, and none of its rows stay, not even those of the
/// statements that ran before the failing one.
fn a_failing_insert_all_writes_nothing(db: &Db) {
    schema(db);
    let numbered = |id: i64| group(id, format!("group {id}"));
    db.insert(&numbered(70_000)).unwrap();
    let rows: Vec<Group> = (1..=70_000).map(numbered).collect();
    let err = db.insert_all(&rows).unwrap_err();
    assert!(
        err.to_string().contains("group"),
        "the error names the table: {err}"
    );
    assert_eq!(
        db.count(&Group::query()).unwrap(),
        1,
        "no row of the failed write stays"
    );
    // The connection still writes.
    db.insert_all(&rows[..10]).unwrap();
    assert_eq!(db.count(&Group::query()).unwrap(), 11);
}

/// SQLite keeps whatever bytes it is given in a TEXT column (and a BLOB in
/// any column): such a cell read into a `String` is a decode error naming
/// the model, the field, the column and the statement, never a panic, and
/// the rows of the same table that are text still load.
fn text_that_is_not_utf8_is_a_decode_error(db: &Db) {
    schema(db);
    let insert = |id: i64, value: &str| {
        db.execute(
            &format!(r#"INSERT INTO "group" ("id", "select") VALUES ({id}, {value})"#),
            &[],
        )
        .unwrap();
    };
    insert(1, "'fine'");
    insert(2, "CAST(X'66FF6F' AS TEXT)");
    insert(3, "X'0001'");
    for id in [2, 3] {
        let err = db
            .all(&Group::query().filter(Group::id().eq(id)))
            .unwrap_err();
        let text = err.to_string();
        match err {
            Error::Decode {
                model,
                field,
                column,
                ..
            } => assert_eq!(
                (model, field, column),
                ("Group", "name", "select"),
                "{text}"
            ),
            other => panic!("row {id}: expected a decode error, got {other:?}"),
        }
        assert!(
            text.contains("SELECT"),
            "the error shows the statement: {text}"
        );
    }
    let fine = db.all(&Group::query().filter(Group::id().eq(1))).unwrap();
    assert_eq!(fine[0].name, "fine");
}

fn join_aliases_differ_from_table_names_in_any_case(db: &Db) {
    db.create_tables(&[Leaf::info(), Branch::info()]).unwrap();
    for id in 1..=2i64 {
        db.insert(&Leaf {
            id,
            name: format!("leaf {id}"),
        })
        .unwrap();
    }
    // 1 is the root; 2 and 3 hang below it, 4 below 3. Branch n's leaf is
    // 1 + n % 2.
    for (id, parent) in [(1i64, None), (2, Some(1i64)), (3, Some(1)), (4, Some(3))] {
        db.insert(&Branch {
            id,
            parent: parent.map(ForeignKey::new),
            leaf: ForeignKey::new(1 + id % 2),
        })
        .unwrap();
    }
    // The parent's join comes first and takes a generated alias; the
    // leaf's table, `t2`, comes after it, and both have their own leaf.
    let branches = db
        .fetch(
            &Branch::query()
                .select_related(Branch::parent().then(Branch::leaf()))
                .select_related(Branch::leaf())
                .order_by(Branch::id().asc()),
        )
        .unwrap();
    // (branch, its leaf, its parent with the parent's leaf)
    type Row = (i64, String, Option<(i64, String)>);
    let got: Vec<Row> = branches
        .iter()
        .map(|b| {
            (
                b.id,
                b.leaf().name.clone(),
                b.parent().map(|p| (p.id, p.leaf().name.clone())),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (1, "leaf 2".to_owned(), None),
            (2, "leaf 1".to_owned(), Some((1, "leaf 2".to_owned()))),
            (3, "leaf 2".to_owned(), Some((1, "leaf 2".to_owned()))),
            (4, "leaf 1".to_owned(), Some((3, "leaf 2".to_owned()))),
        ]
    );
    // A filter through the aliased join reads the parent's row.
    let under_root = db
        .count(&Branch::query().filter(Branch::parent().col(Branch::id()).eq(1)))
        .unwrap();
    assert_eq!(under_root, 2);
}

/// A prefetch and a count between tables named `__k` and `__k2` (the
/// names a key list takes as an alias), each way, with the level's own
/// join back to `__k`: every statement runs and relates what the JOIN
/// relates.
fn key_lists_step_aside_for_tables_named_as_them(db: &Db) {
    db.create_tables(&[Keyed::info(), Holder::info()]).unwrap();
    for (code, name) in [("fr", "France"), ("de", "Germany"), ("it", "Italy")] {
        db.insert(&Keyed {
            code: code.to_owned(),
            name: name.to_owned(),
            holders: Default::default(),
            holder_count: Default::default(),
        })
        .unwrap();
    }
    for (id, code) in [(1i64, "fr"), (2, "fr"), (3, "de")] {
        db.insert(&Holder {
            id,
            note: format!("note {id}"),
            keyed: ForeignKey::new(code.to_owned()),
        })
        .unwrap();
    }
    // Into `__k`.
    let holders = db
        .fetch(
            &Holder::query()
                .prefetch_related(Holder::keyed())
                .order_by(Holder::id().asc()),
        )
        .unwrap();
    let got: Vec<(i64, &str)> = holders
        .iter()
        .map(|h| (h.id, h.keyed().name.as_str()))
        .collect();
    assert_eq!(got, [(1, "France"), (2, "France"), (3, "Germany")]);
    // Into `__k2`, joining `__k` inside the level; and counted.
    let keyed = db
        .fetch(
            &Keyed::query()
                .prefetch(Prefetch::new(Keyed::holders()).select_related(Holder::keyed()))
                .count_related(Keyed::holders(), Keyed::holder_count())
                .order_by(Keyed::code().asc()),
        )
        .unwrap();
    type Row = (String, Vec<(i64, String)>, u64);
    let got: Vec<Row> = keyed
        .iter()
        .map(|k| {
            (
                k.code.clone(),
                k.holders()
                    .iter()
                    .map(|h| (h.id, h.keyed().code.clone()))
                    .collect(),
                k.holder_count(),
            )
        })
        .collect();
    let row = |code: &str, ids: &[i64], n| -> Row {
        let held = ids.iter().map(|&i| (i, code.to_owned())).collect();
        (code.to_owned(), held, n)
    };
    assert_eq!(
        got,
        [row("de", &[3], 1), row("fr", &[1, 2], 2), row("it", &[], 0)]
    );
}

/// 5,000 rows of 4 KiB (20 MB) in one `insert_all`: past MySQL's
/// `max_allowed_packet` as one statement, so the rows go in statements of
/// at most 4 MiB of values, all in one transaction; every row arrives.
fn inserts_larger_than_a_packet(db: &Db) {
    db.create_tables(&[Group::info(), Label::info(), Order::info()])
        .unwrap();
    let groups: Vec<Group> = (1..=5_000).map(|id| group(id, "g".repeat(4096))).collect();
    let ((), sent) = db.capture(|| db.insert_all(&groups).unwrap());
    assert_eq!(db.count(&Group::query()).unwrap(), 5_000);
    if db.backend() != Backend::Sqlite {
        assert!((5..=10).contains(&sent.len()), "{} statements", sent.len());
    }
    let longest = db
        .all(&Group::query().filter(Group::id().eq(5_000)))
        .unwrap();
    assert_eq!(longest[0].name.len(), 4096);
}

fn long_names_give_distinct_constraint_names(db: &Db) {
    db.create_tables(&[Leaf::info(), Lengthy::info()]).unwrap();
    for id in 1..=2i64 {
        db.insert(&Leaf {
            id,
            name: format!("leaf {id}"),
        })
        .unwrap();
    }
    db.insert(&Lengthy {
        id: 7,
        one: ForeignKey::new(1),
        two: ForeignKey::new(2),
    })
    .unwrap();
    let rows = db
        .fetch(
            &Lengthy::query()
                .select_related(Lengthy::one())
                .select_related(Lengthy::two()),
        )
        .unwrap();
    let got: Vec<(i64, &str, &str)> = rows
        .iter()
        .map(|r| (r.id, r.one().name.as_str(), r.two().name.as_str()))
        .collect();
    assert_eq!(got, vec![(7, "leaf 1", "leaf 2")]);
}

fn is_in_lists_past_the_parameter_limit(db: &Db) {
    schema(db);
    for id in 1..=5i64 {
        db.insert(&group(id * 10, format!("g{id}"))).unwrap();
        db.insert(&order(id * 10, format!("o{id}"), id * 10))
            .unwrap();
    }
    // More values than any backend takes as parameters (SQLite 32,766,
    // PostgreSQL and MySQL 65,535), holding three stored keys.
    let many: Vec<i64> = (1..=100_000).filter(|k| k % 20 != 0).collect();
    let names: Vec<String> = (0..70_000).map(|i| format!("g{i}")).collect();
    let (found, sent) = db.capture(|| {
        db.all(
            &Group::query()
                .filter(Group::id().is_in(&many))
                .order_by(Group::id().asc()),
        )
    });
    if db.backend() == Backend::Mysql {
        // No array parameters: refused before it is sent, naming the limit.
        let err = found.unwrap_err();
        let text = err.to_string();
        assert!(matches!(err, Error::Database { .. }), "{err:?}");
        assert!(text.contains("95000 bind parameters"), "{text:.300}");
        assert!(text.contains("at most 65535"), "{text:.300}");
        assert!(text.len() < 2_000, "{} bytes", text.len());
        // The connection is fine for the next load.
        assert_eq!(db.count(&Group::query()).unwrap(), 5);
        return;
    }
    let ids: Vec<i64> = found.unwrap().iter().map(|g| g.id).collect();
    assert_eq!(ids, vec![10, 30, 50]);
    assert_eq!(sent.len(), 1, "{sent:?}");
    // Text values, negated, counted, inside a prefetch level's filter, and
    // through a relation.
    let named = db
        .count(&Group::query().filter(Group::name().is_in(&names)))
        .unwrap();
    assert_eq!(named, 5);
    let others = db
        .count(&Group::query().filter(!Group::id().is_in(&many)))
        .unwrap();
    assert_eq!(others, 2);
    let groups = db
        .fetch(
            &Group::query()
                .prefetch(Prefetch::new(Group::orders()).filter(Order::id().is_in(&many)))
                .order_by(Group::id().asc()),
        )
        .unwrap();
    let per_group: Vec<usize> = groups.iter().map(|g| g.orders().len()).collect();
    assert_eq!(per_group, vec![1, 0, 1, 0, 1]);
    let through = db
        .count(&Order::query().filter(Order::group().col(Group::id()).is_in(&many)))
        .unwrap();
    assert_eq!(through, 3);
}

fn floats_round_trip_at_their_edges(db: &Db) {
    db.create_tables(&[Reading::info()]).unwrap();
    // Finite values every backend keeps bit for bit (as f64 and as f32).
    let finite: [(f64, Option<f32>); 6] = [
        (0.1, Some(0.1)),
        (-2.5e-3, Some(-2.5e-3)),
        (1e308, Some(f32::MAX)),
        (f64::MIN_POSITIVE, Some(f32::MIN_POSITIVE)),
        (5e-324, Some(1e-45)),
        (-1.7976931348623157e308, None),
    ];
    for (i, (value, ratio)) in finite.iter().enumerate() {
        db.insert(&Reading {
            id: i as i64,
            value: *value,
            ratio: *ratio,
        })
        .unwrap();
    }
    let rows = db
        .all(&Reading::query().order_by(Reading::id().asc()))
        .unwrap();
    let got: Vec<(u64, Option<u32>)> = rows
        .iter()
        .map(|r| (r.value.to_bits(), r.ratio.map(f32::to_bits)))
        .collect();
    let expected: Vec<(u64, Option<u32>)> = finite
        .iter()
        .map(|(v, r)| (v.to_bits(), r.map(f32::to_bits)))
        .collect();
    assert_eq!(got, expected);
    assert_eq!(
        db.count(&Reading::query().filter(Reading::value().eq(5e-324)))
            .unwrap(),
        1
    );
    // NaN and the infinities: kept where the database has them, otherwise
    // an error naming the statement (never a panic, never another value).
    for (i, v) in [f64::INFINITY, f64::NEG_INFINITY, f64::NAN]
        .into_iter()
        .enumerate()
    {
        let id = 100 + i as i64;
        let stored = db.insert(&Reading {
            id,
            value: v,
            ratio: None,
        });
        let kept = match (db.backend(), v.is_nan()) {
            (Backend::Postgres, _) | (Backend::Sqlite, false) => true,
            // SQLite stores NaN as NULL (refused by NOT NULL); MySQL's
            // DOUBLE has neither NaN nor the infinities.
            _ => false,
        };
        if kept {
            stored.unwrap();
            let back = db
                .one(&Reading::query().filter(Reading::id().eq(id)))
                .unwrap();
            assert_eq!(back.value.to_bits(), v.to_bits(), "{v}");
        } else {
            let err = stored.unwrap_err();
            assert!(matches!(err, Error::Database { .. }), "{v}: {err:?}");
            assert!(err.to_string().contains("INSERT INTO"), "{err}");
            assert_eq!(
                db.count(&Reading::query().filter(Reading::id().eq(id)))
                    .unwrap(),
                0
            );
        }
    }
}

/// Tables made by someone else, without primary keys or foreign keys:
/// two publishers share id 1, two tags share id 7, a link row is there
/// twice. Rows come in the numbers the database's JOIN gives, and a key
/// names one row in one load (the README's "Shared rows"): no panic, no
/// row lost, and every copy of key 1 reads as the same publisher.
fn tables_without_constraints_hold_duplicate_keys(db: &Db) {
    use related_tests::blog::{Author, Post, Publisher, Tag};
    for sql in [
        r#"CREATE TABLE "blog_publisher" ("id" BIGINT NOT NULL, "name" TEXT NOT NULL)"#,
        r#"CREATE TABLE "blog_author" ("id" BIGINT NOT NULL, "name" TEXT NOT NULL, "email" TEXT, "publisher_id" BIGINT NOT NULL)"#,
        r#"CREATE TABLE "blog_tag" ("id" BIGINT NOT NULL, "name" TEXT NOT NULL)"#,
        r#"CREATE TABLE "blog_post" ("id" BIGINT NOT NULL, "title" TEXT NOT NULL, "author_id" BIGINT NOT NULL, "editor_id" BIGINT)"#,
        r#"CREATE TABLE "blog_post_tags" ("post_id" BIGINT NOT NULL, "tag_id" BIGINT NOT NULL)"#,
        r#"INSERT INTO "blog_publisher" ("id", "name") VALUES (1, 'first'), (1, 'second')"#,
        r#"INSERT INTO "blog_author" ("id", "name", "publisher_id") VALUES (1, 'ann', 1), (2, 'bob', 1)"#,
        r#"INSERT INTO "blog_tag" ("id", "name") VALUES (7, 'seven'), (7, 'also seven')"#,
        r#"INSERT INTO "blog_post" ("id", "title", "author_id") VALUES (1, 'one', 1), (2, 'two', 2)"#,
        r#"INSERT INTO "blog_post_tags" ("post_id", "tag_id") VALUES (1, 7), (1, 7), (2, 7)"#,
    ] {
        db.execute(&db.sql(sql), &[]).unwrap();
    }
    let one_name = |names: Vec<String>, of: &str| {
        assert!(
            names.windows(2).all(|w| w[0] == w[1]),
            "one row per key for {of}: {names:?}"
        );
        names.into_iter().next().unwrap_or_default()
    };
    // select_related: one row per JOIN match (2 authors x 2 publishers).
    let authors = db
        .fetch(&Author::query().select_related(Author::publisher()))
        .unwrap();
    let mut ids: Vec<i64> = authors.iter().map(|a| a.id).collect();
    ids.sort();
    assert_eq!(ids, [1, 1, 2, 2]);
    let name = one_name(
        authors.iter().map(|a| a.publisher().name.clone()).collect(),
        "the joined publisher",
    );
    assert!(["first", "second"].contains(&name.as_str()), "{name}");
    // A prefetched foreign key: each author once, publisher 1 once.
    let authors = db
        .fetch(&Author::query().prefetch_related(Author::publisher()))
        .unwrap();
    assert_eq!(authors.len(), 2);
    one_name(
        authors.iter().map(|a| a.publisher().name.clone()).collect(),
        "the prefetched publisher",
    );
    // Reverse: both publishers numbered 1 get both authors.
    let publishers = db
        .fetch(&Publisher::query().prefetch_related(Publisher::authors()))
        .unwrap();
    assert_eq!(publishers.len(), 2);
    for p in &publishers {
        let mut ids: Vec<i64> = p.authors().iter().map(|a| a.id).collect();
        ids.sort();
        assert_eq!(ids, [1, 2], "publisher {}", p.name);
    }
    // Many-to-many: the rows of the SQL join (post 1: 2 links x 2 tags,
    // post 2: 1 x 2), all reading as one tag 7.
    let posts = db
        .fetch(
            &Post::query()
                .prefetch_related(Post::tags())
                .order_by(Post::id().asc()),
        )
        .unwrap();
    let counts: Vec<(i64, usize)> = posts.iter().map(|p| (p.id, p.tags().len())).collect();
    assert_eq!(counts, [(1, 4), (2, 2)]);
    one_name(
        posts
            .iter()
            .flat_map(|p| p.tags().iter().map(|t| t.name.clone()))
            .collect(),
        "tag 7",
    );
    // Reverse many-to-many: each tag row numbered 7 gets the posts of
    // every link row (post 1 twice, post 2).
    let tags = db
        .fetch(&Tag::query().prefetch_related(Tag::posts()))
        .unwrap();
    assert_eq!(tags.len(), 2);
    for t in &tags {
        let mut ids: Vec<i64> = t.posts().iter().map(|p| p.id).collect();
        ids.sort();
        assert_eq!(ids, [1, 1, 2], "tag {}", t.name);
    }
}
