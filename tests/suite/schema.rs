//! create_tables: tables, link tables, constraints and indexes.

use related::prelude::*;
use related::{Dialect, Error};
use related_tests::blog::{self, Author, Post, Publisher, Tag};
use related_tests::harness::{Case, Db, SERVERS, SQLITE};
use related_tests::membership::{self, Club, Member, Membership};
use related_tests::ordered::{self, Board, NOTES, Note, Pin};
use related_tests::shapes::{self, Restaurant};

pub const CASES: &[Case] = &[
    Case::new("schema::sqlite_ddl", sqlite_ddl).on(SQLITE),
    Case::new("schema::constraints_are_enforced", constraints_are_enforced),
    Case::new(
        "schema::a_failed_create_tables_creates_nothing",
        a_failed_create_tables_creates_nothing,
    ),
    Case::new(
        "schema::create_tables_in_the_callers_transaction",
        create_tables_in_the_callers_transaction,
    )
    .on(SERVERS),
    Case::new(
        "schema::tables_that_would_collide_are_refused",
        tables_that_would_collide_are_refused,
    ),
    Case::new(
        "schema::skipped_fields_are_not_stored",
        skipped_fields_are_not_stored,
    ),
    Case::new("schema::through_model_ddl", through_model_ddl).on(SQLITE),
    Case::new(
        "schema::through_model_is_created_once",
        through_model_is_created_once,
    ),
];

fn sqlite_ddl(db: &Db) {
    assert_eq!(db.dialect(), Dialect::Sqlite);
    let ddl = related::schema::create_tables(
        related::schema::Flavor::Sqlite,
        &[Publisher::info(), Author::info(), Tag::info(), Post::info()],
    );
    assert_eq!(
        ddl,
        vec![
            r#"CREATE TABLE "blog_publisher" ("id" INTEGER PRIMARY KEY NOT NULL, "name" TEXT NOT NULL)"#,
            r#"CREATE TABLE "blog_author" ("id" INTEGER PRIMARY KEY NOT NULL, "name" TEXT NOT NULL, "email" TEXT, "publisher_id" INTEGER NOT NULL REFERENCES "blog_publisher" ("id"))"#,
            r#"CREATE TABLE "blog_tag" ("id" INTEGER PRIMARY KEY NOT NULL, "name" TEXT NOT NULL)"#,
            r#"CREATE TABLE "blog_post" ("id" INTEGER PRIMARY KEY NOT NULL, "title" TEXT NOT NULL, "author_id" INTEGER NOT NULL REFERENCES "blog_author" ("id"), "editor_id" INTEGER REFERENCES "blog_author" ("id"))"#,
            r#"CREATE TABLE "blog_post_tags" ("post_id" INTEGER NOT NULL REFERENCES "blog_post" ("id"), "tag_id" INTEGER NOT NULL REFERENCES "blog_tag" ("id"), PRIMARY KEY ("post_id", "tag_id"))"#,
            r#"CREATE INDEX "ix_blog_author_publisher_id" ON "blog_author" ("publisher_id")"#,
            r#"CREATE INDEX "ix_blog_post_author_id" ON "blog_post" ("author_id")"#,
            r#"CREATE INDEX "ix_blog_post_editor_id" ON "blog_post" ("editor_id")"#,
            r#"CREATE INDEX "ix_blog_post_tags_tag_id" ON "blog_post_tags" ("tag_id")"#,
        ]
    );
}

fn constraints_are_enforced(db: &Db) {
    blog::seed(db, 2).unwrap();
    let dangling = Post {
        id: 100,
        title: "dangling".into(),
        author: ForeignKey::new(999),
        editor: None,
        tags: Default::default(),
        python_tags: Default::default(),
    };
    assert!(
        matches!(db.insert(&dangling), Err(Error::Database { .. })),
        "a foreign key to a missing row is refused"
    );
    // Link 1 -> tag 2 exists (post 1 has tags 2 and 5).
    assert!(matches!(
        db.link(Post::tags(), &1, &2),
        Err(Error::Database { .. })
    ));
    assert!(matches!(
        db.link(Post::tags(), &1, &999),
        Err(Error::Database { .. })
    ));
    shapes::seed(db).unwrap();
    let second = Restaurant {
        id: 11,
        serves_pizza: false,
        place: OneToOne::new(1),
    };
    assert!(
        matches!(db.insert(&second), Err(Error::Database { .. })),
        "one-to-one keys are unique"
    );
}

fn through_model_ddl(db: &Db) {
    assert_eq!(db.dialect(), Dialect::Sqlite);
    let member =
        r#"CREATE TABLE "club_member" ("id" INTEGER PRIMARY KEY NOT NULL, "name" TEXT NOT NULL)"#;
    let club =
        r#"CREATE TABLE "club_club" ("id" INTEGER PRIMARY KEY NOT NULL, "name" TEXT NOT NULL)"#;
    let membership = r#"CREATE TABLE "club_membership" ("id" INTEGER PRIMARY KEY NOT NULL, "member_id" INTEGER NOT NULL REFERENCES "club_member" ("id"), "club_id" INTEGER NOT NULL REFERENCES "club_club" ("id"), "role" TEXT NOT NULL)"#;
    let indexes = [
        r#"CREATE INDEX "ix_club_membership_member_id" ON "club_membership" ("member_id")"#,
        r#"CREATE INDEX "ix_club_membership_club_id" ON "club_membership" ("club_id")"#,
    ];
    // The through model is created as the model, never as a bare link
    // table, wherever it sits in the list.
    let last = related::schema::create_tables(
        related::schema::Flavor::Sqlite,
        &[Member::info(), Club::info(), Membership::info()],
    );
    let mut expected = vec![member, club, membership];
    expected.extend(indexes);
    assert_eq!(last, expected);
    let first = related::schema::create_tables(
        related::schema::Flavor::Sqlite,
        &[Membership::info(), Member::info(), Club::info()],
    );
    let mut expected = vec![membership, member, club];
    expected.extend(indexes);
    assert_eq!(first, expected);
    // Without the model in the list, the relation still gets its link
    // table (two key columns).
    let bare = related::schema::create_tables(
        related::schema::Flavor::Sqlite,
        &[Member::info(), Club::info()],
    );
    assert_eq!(
        bare,
        vec![
            member,
            r#"CREATE TABLE "club_membership" ("member_id" INTEGER NOT NULL REFERENCES "club_member" ("id"), "club_id" INTEGER NOT NULL REFERENCES "club_club" ("id"), PRIMARY KEY ("member_id", "club_id"))"#,
            club,
            r#"CREATE INDEX "ix_club_membership_club_id" ON "club_membership" ("club_id")"#,
        ]
    );
}

fn through_model_is_created_once(db: &Db) {
    let orders = [
        vec![Member::info(), Club::info(), Membership::info()],
        vec![Membership::info(), Member::info(), Club::info()],
        vec![Club::info(), Membership::info(), Member::info()],
    ];
    for models in orders {
        let names: Vec<&str> = models.iter().map(|m| m.name).collect();
        db.create_tables(&models)
            .unwrap_or_else(|e| panic!("create_tables({names:?}): {e}"));
        membership::fill(db).unwrap();

        // The relation reads the model's rows as its links.
        let members = db
            .all(
                &Member::query()
                    .prefetch_related(Member::clubs())
                    .prefetch_related(Member::memberships().then(Membership::club()))
                    .order_by(Member::id().asc()),
            )
            .unwrap();
        assert_eq!(members.len(), 4);
        for m in &members {
            let expected: Vec<i64> = (1..=3)
                .filter(|&c| membership::role(m.id, c).is_some())
                .collect();
            let clubs: Vec<i64> = m.clubs.get().unwrap().iter().map(|c| c.id).collect();
            assert_eq!(clubs, expected, "{names:?}: member {}", m.id);
            for ms in m.memberships.get().unwrap() {
                let club = ms.club.get().unwrap();
                assert_eq!(Some(ms.role.as_str()), membership::role(m.id, club.id));
            }
        }
        let clubs = db
            .all(
                &Club::query()
                    .prefetch_related(Club::members())
                    .order_by(Club::id().asc()),
            )
            .unwrap();
        for c in &clubs {
            let expected: Vec<i64> = (1..=4)
                .filter(|&m| membership::role(m, c.id).is_some())
                .collect();
            let got: Vec<i64> = c.members.get().unwrap().iter().map(|m| m.id).collect();
            assert_eq!(got, expected, "{names:?}: club {}", c.id);
        }
        // The model's own constraints hold: a membership of a missing club
        // is refused.
        let dangling = Membership {
            id: 999,
            member: ForeignKey::new(1),
            club: ForeignKey::new(99),
            role: "ghost".into(),
        };
        assert!(matches!(db.insert(&dangling), Err(Error::Database { .. })));

        for table in ["club_membership", "club_member", "club_club"] {
            db.execute(&db.sql(&format!(r#"DROP TABLE "{table}""#)), &[])
                .unwrap();
        }
    }
}

/// A `#[related(skip)]` field has no column: the DDL leaves it out, an
/// insert does not write it, and every loaded row holds its type's default,
/// in the base statement, through a JOIN (the columns after it keep their
/// places) and in a prefetch level.
fn skipped_fields_are_not_stored(db: &Db) {
    ordered::seed(db).unwrap();
    let names =
        |info: &related::ModelInfo| -> Vec<&str> { info.columns.iter().map(|c| c.name).collect() };
    assert_eq!(names(Board::info()), ["id", "name"]);
    assert_eq!(names(Note::info()), ["id", "title", "rank", "board_id"]);
    let ddl = related::schema::create_tables(
        related::schema::Flavor::Sqlite,
        &[Board::info(), Note::info()],
    );
    assert!(
        ddl.iter()
            .all(|s| !s.contains("cache") && !s.contains("seen")),
        "{ddl:?}"
    );

    let pins = db
        .fetch(
            &Pin::query()
                .select_related(Pin::note().then(Note::board()))
                .select_related(Pin::board())
                .order_by(Pin::id().asc()),
        )
        .unwrap();
    let got: Vec<(i64, &str, i32, &str, &str)> = pins
        .iter()
        .map(|p| {
            (
                p.id,
                p.note().title.as_str(),
                p.note().rank,
                p.note().board().name.as_str(),
                p.board().name.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (1, "read", 2, "work", "work"),
            (2, "bake", 3, "home", "home"),
            (3, "swim", 5, "work", "work"),
            (4, "walk", 1, "home", "home"),
        ]
    );
    for p in &pins {
        assert!(p.note().cache.is_empty());
        assert_eq!((p.note().board().seen, p.board().seen), (0, 0));
    }

    let boards = db
        .fetch(
            &Board::query()
                .prefetch_related(Board::notes())
                .order_by(Board::id().asc()),
        )
        .unwrap();
    for b in &boards {
        assert_eq!(b.seen, 0);
        let mut titles: Vec<&str> = b.notes().iter().map(|n| n.title.as_str()).collect();
        titles.sort();
        let mut want: Vec<&str> = NOTES.iter().filter(|n| n.3 == b.id).map(|n| n.1).collect();
        want.sort();
        assert_eq!(titles, want, "notes of board {}", b.id);
        assert!(b.notes().iter().all(|n| n.cache.is_empty()));
    }

    // The caller's own SQL: columns found by name, the skipped field left
    // at its default.
    let raw: Vec<Note> = db
        .raw(&db.sql(r#"SELECT * FROM "ord_note" WHERE "id" = 5"#), &[])
        .unwrap();
    assert_eq!((raw[0].title.as_str(), raw[0].rank), ("swim", 5));
    assert!(raw[0].cache.is_empty());
}

#[derive(Clone, Debug, Model)]
#[related(table = "cx_post")]
pub struct CxPost {
    pub id: i64,
    pub tags: ManyToMany<CxTag>,
}

#[derive(Clone, Debug, Model)]
#[related(table = "cx_tag")]
pub struct CxTag {
    pub id: i64,
}

/// A model whose table is `CxPost.tags`'s link table, without its columns.
#[derive(Clone, Debug, Model)]
#[related(table = "cx_post_tags")]
pub struct CxNote {
    pub id: i64,
    pub note: String,
}

/// Two tables whose names share their first 66 bytes.
#[derive(Clone, Debug, Model)]
#[related(table = "a_table_name_long_enough_to_pass_the_limit_of_postgresql_on_names_one")]
pub struct LongOne {
    pub id: i64,
}

#[derive(Clone, Debug, Model)]
#[related(table = "a_table_name_long_enough_to_pass_the_limit_of_postgresql_on_names_two")]
pub struct LongTwo {
    pub id: i64,
    pub weight: i32,
}

/// `create_tables` refuses, before sending anything, what would make one
/// table of two: a model named like another's link table (without its
/// columns), and on the servers names past their limit (PostgreSQL would
/// cut both long names to one). Nothing is created.
fn tables_that_would_collide_are_refused(db: &Db) {
    let err = db
        .create_tables(&[CxPost::info(), CxTag::info(), CxNote::info()])
        .unwrap_err()
        .to_string();
    for part in ["`cx_post_tags`", "`CxPost.tags`", "`CxNote`", "cx_post_id"] {
        assert!(err.contains(part), "names {part}: {err}");
    }
    let long = db.create_tables(&[LongOne::info(), LongTwo::info()]);
    if db.backend() == related_tests::harness::Backend::Sqlite {
        long.unwrap();
        db.insert(&LongTwo { id: 1, weight: 3 }).unwrap();
        assert_eq!(db.all(&LongOne::query()).unwrap().len(), 0);
    } else {
        let err = long.unwrap_err().to_string();
        assert!(err.contains("LongOne") && err.contains("too long"), "{err}");
    }
    // Nothing was created by the refused calls.
    assert!(db.all(&CxTag::query()).is_err());
}

/// `create_tables` is one transaction where DDL can be (SQLite,
/// PostgreSQL): a table that exists already fails the call, and the tables
/// it created before that one are gone too, so the call can be run again
/// once the clash is resolved. MySQL commits each CREATE by itself.
fn a_failed_create_tables_creates_nothing(db: &Db) {
    db.create_tables(&[Tag::info()]).unwrap();
    let err = db
        .create_tables(&[Publisher::info(), Tag::info(), Author::info()])
        .unwrap_err()
        .to_string();
    assert!(err.contains("blog_tag"), "{err}");
    let publishers = db.all(&Publisher::query());
    if db.backend() == related_tests::harness::Backend::Mysql {
        assert!(publishers.is_ok(), "MySQL commits each CREATE TABLE");
    } else {
        assert!(
            publishers.is_err(),
            "the failed call created `blog_publisher`"
        );
        // Once the clash is gone, the same call succeeds.
        db.create_tables(&[Publisher::info(), Author::info()])
            .unwrap();
        assert_eq!(db.all(&Author::query()).unwrap().len(), 0);
    }
    if db.backend() == related_tests::harness::Backend::Sqlite {
        // `AsyncSqlite` runs the same DDL as a job of its own.
        let adb = related::AsyncSqlite::open_in_memory().unwrap();
        related_tests::server::block_on(async {
            (&adb).create_tables(&[Tag::info()]).await.unwrap();
            let clash = (&adb)
                .create_tables(&[Publisher::info(), Tag::info(), Author::info()])
                .await;
            assert!(clash.is_err());
            assert!(
                Publisher::query().all_async(&adb).await.is_err(),
                "the failed call created `blog_publisher`"
            );
        });
    }
}

/// Inside the caller's transaction: PostgreSQL creates the tables in it
/// (a savepoint), so the caller's rollback removes them; MariaDB would
/// commit the caller's transaction at the first CREATE TABLE, so the call
/// is refused before any is sent, and the caller's rollback still undoes
/// the caller's own row.
fn create_tables_in_the_callers_transaction(db: &Db) {
    db.create_tables(&[Tag::info()]).unwrap();
    let pool = db.new_pool(1, &[]).expect("a server");
    let tag = Tag {
        id: 1,
        name: "mine".to_owned(),
        posts: Default::default(),
    };
    let created = db.block_on(async {
        related_tests::on_pool!(&pool, |p| {
            let mut tx = p.begin().await.unwrap();
            (&mut tx).insert(&tag).await.unwrap();
            let created = (&mut tx).create_tables(&[Publisher::info()]).await;
            tx.rollback().await.unwrap();
            created
        })
    });
    match db.backend() {
        related_tests::harness::Backend::Mysql => {
            let err = created.unwrap_err().to_string();
            assert!(err.contains("inside a transaction"), "{err}");
        }
        _ => created.unwrap(),
    }
    assert!(
        db.all(&Publisher::query()).is_err(),
        "rolled back with the caller's transaction"
    );
    assert_eq!(
        db.all(&Tag::query()).unwrap().len(),
        0,
        "the caller's row was not committed"
    );
    db.block_on(pool.close());
}
