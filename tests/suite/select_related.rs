//! select_related: the exact SQL of each JOIN shape, one statement per load,
//! filters, ordering and limits, and bad input.

use related::prelude::*;
use related::{Error, Found, NotLoaded, Value};
use related_tests::blog::{self, Author, Post, Publisher};
use related_tests::harness::{Case, Db, SQLITE};
use related_tests::shapes::{self, Book, Category, City, Person, Place};

pub const CASES: &[Case] = &[
    Case::new(
        "select_related::inner_join_for_non_null_fk",
        inner_join_for_non_null_fk,
    ),
    Case::new(
        "select_related::left_join_for_nullable_fk",
        left_join_for_nullable_fk,
    ),
    Case::new(
        "select_related::left_stays_left_down_the_chain",
        left_stays_left_down_the_chain,
    ),
    Case::new(
        "select_related::alias_for_table_joined_twice",
        alias_for_table_joined_twice,
    ),
    Case::new("select_related::self_join_two_levels", self_join_two_levels),
    Case::new("select_related::reverse_one_to_one", reverse_one_to_one),
    Case::new("select_related::chain_of_three", chain_of_three),
    Case::new(
        "select_related::shared_prefix_joins_once",
        shared_prefix_joins_once,
    ),
    Case::new(
        "select_related::filters_order_limit_offset",
        filters_order_limit_offset,
    ),
    Case::new("select_related::boolean_filters", boolean_filters),
    Case::new("select_related::first_and_one", first_and_one),
    Case::new(
        "select_related::unloaded_relation_is_an_error",
        unloaded_relation_is_an_error,
    ),
    Case::new(
        "select_related::quotes_and_semicolons_are_data",
        quotes_and_semicolons_are_data,
    ),
    Case::new("select_related::fk_to_missing_row", fk_to_missing_row).on(SQLITE),
    Case::new(
        "select_related::missing_table_is_an_error",
        missing_table_is_an_error,
    ),
    Case::new(
        "select_related::null_in_non_null_column",
        null_in_non_null_column,
    ),
    Case::new("select_related::wrong_type_in_column", wrong_type_in_column),
    Case::new(
        "select_related::naive_is_one_statement_per_row",
        naive_is_one_statement_per_row,
    ),
];

const POST: &str =
    r#""blog_post"."id", "blog_post"."title", "blog_post"."author_id", "blog_post"."editor_id""#;
const AUTHOR: &str = r#""blog_author"."id", "blog_author"."name", "blog_author"."email", "blog_author"."publisher_id""#;

fn sqls(statements: &[related::LoggedStatement]) -> Vec<String> {
    statements.iter().map(|s| s.sql.clone()).collect()
}

/// Assert that `query` plans exactly `expected` (SQLite form) and sends only
/// that when it runs; return the rows.
fn run_one<M: Model, L>(db: &Db, query: &Query<M, L>, expected: &str) -> Vec<M> {
    let expected = db.sql(expected);
    let plan = query.plan(db.dialect());
    assert_eq!(plan.len(), 1, "plan: {plan:#?}");
    assert_eq!(plan[0].sql, expected);
    let (rows, sent) = db.capture(|| db.all(query));
    let rows = rows.expect("load");
    assert_eq!(sqls(&sent), vec![expected]);
    rows
}

fn inner_join_for_non_null_fk(db: &Db) {
    blog::seed(db, 12).unwrap();
    let q = Post::query().select_related(Post::author());
    let posts = run_one(
        db,
        &q,
        &format!(
            r#"SELECT {POST}, {AUTHOR} FROM "blog_post" INNER JOIN "blog_author" ON "blog_post"."author_id" = "blog_author"."id""#
        ),
    );
    assert_eq!(posts.len(), 12);
    for p in &posts {
        let author = p.author.get().expect("author loaded by the JOIN");
        assert_eq!(author.id, *p.author.key());
        assert_eq!(author.name, format!("Author {}", author.id));
        // The author's own relations were not asked for.
        assert!(author.publisher.get().is_err());
    }
}

fn left_join_for_nullable_fk(db: &Db) {
    blog::seed(db, 9).unwrap();
    let q = Post::query()
        .select_related(Post::editor())
        .order_by(Post::id().asc());
    let posts = run_one(
        db,
        &q,
        &format!(
            r#"SELECT {POST}, "blog_author"."id", "blog_author"."name", "blog_author"."email", "blog_author"."publisher_id" FROM "blog_post" LEFT OUTER JOIN "blog_author" ON "blog_post"."editor_id" = "blog_author"."id" ORDER BY "blog_post"."id""#
        ),
    );
    assert_eq!(posts.len(), 9, "a LEFT JOIN keeps posts without editor");
    for p in &posts {
        match (&p.editor, p.id % 3 == 0) {
            (Some(e), true) => assert_eq!(e.get().unwrap().id, (p.id + 5) % 10 + 1),
            (None, false) => {}
            (editor, _) => panic!("post {} has editor {editor:?}", p.id),
        }
    }
}

fn left_stays_left_down_the_chain(db: &Db) {
    shapes::seed(db).unwrap();
    // Person.city is nullable, so City and the non-null City.country below
    // it must both be LEFT, or Bob (no city) would vanish.
    let q = Person::query()
        .select_related(Person::city().then(City::country()))
        .order_by(Person::id().asc());
    let people = run_one(
        db,
        &q,
        r#"SELECT "person"."id", "person"."name", "person"."city_id", "city"."id", "city"."name", "city"."country_id", "country"."id", "country"."name" FROM "person" LEFT OUTER JOIN "city" ON "person"."city_id" = "city"."id" LEFT OUTER JOIN "country" ON "city"."country_id" = "country"."id" ORDER BY "person"."id""#,
    );
    let summary: Vec<(String, Option<String>)> = people
        .iter()
        .map(|p| {
            let country = p.city.as_ref().map(|c| {
                let city = c.get().unwrap();
                city.country.get().unwrap().name.clone()
            });
            (p.name.clone(), country)
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            ("Ann".to_owned(), Some("France".to_owned())),
            ("Bob".to_owned(), None),
            ("Chi".to_owned(), Some("Japan".to_owned())),
        ]
    );
}

fn alias_for_table_joined_twice(db: &Db) {
    shapes::seed(db).unwrap();
    let q = Book::query()
        .select_related(Book::author())
        .select_related(Book::editor())
        .order_by(Book::id().asc());
    let books = run_one(
        db,
        &q,
        r#"SELECT "book"."id", "book"."title", "book"."author_id", "book"."editor_id", "person"."id", "person"."name", "person"."city_id", "T3"."id", "T3"."name", "T3"."city_id" FROM "book" INNER JOIN "person" ON "book"."author_id" = "person"."id" LEFT OUTER JOIN "person" "T3" ON "book"."editor_id" = "T3"."id" ORDER BY "book"."id""#,
    );
    let names: Vec<(String, Option<String>)> = books
        .iter()
        .map(|b| {
            (
                b.author.get().unwrap().name.clone(),
                b.editor.as_ref().map(|e| e.get().unwrap().name.clone()),
            )
        })
        .collect();
    assert_eq!(
        names,
        vec![
            ("Ann".to_owned(), Some("Bob".to_owned())),
            ("Bob".to_owned(), None),
            ("Chi".to_owned(), Some("Ann".to_owned())),
        ]
    );
}

fn self_join_two_levels(db: &Db) {
    shapes::seed(db).unwrap();
    let q = Category::query()
        .select_related(Category::parent().then(Category::parent()))
        .order_by(Category::id().desc());
    let cats = run_one(
        db,
        &q,
        r#"SELECT "category"."id", "category"."name", "category"."parent_id", "T2"."id", "T2"."name", "T2"."parent_id", "T3"."id", "T3"."name", "T3"."parent_id" FROM "category" LEFT OUTER JOIN "category" "T2" ON "category"."parent_id" = "T2"."id" LEFT OUTER JOIN "category" "T3" ON "T2"."parent_id" = "T3"."id" ORDER BY "category"."id" DESC"#,
    );
    let grandchild = &cats[0];
    assert_eq!(grandchild.name, "grandchild");
    let parent = grandchild.parent.as_ref().unwrap().get().unwrap();
    assert_eq!(parent.name, "child");
    let grandparent = parent.parent.as_ref().unwrap().get().unwrap();
    assert_eq!(grandparent.name, "root");
    // Two levels were asked for: the third is not loaded, and says so.
    assert!(grandparent.parent.is_none(), "root has no parent");
    let root = &cats[2];
    assert!(root.parent.is_none());
}

fn reverse_one_to_one(db: &Db) {
    shapes::seed(db).unwrap();
    let q = Place::query()
        .select_related(Place::restaurant())
        .order_by(Place::id().asc());
    let places = run_one(
        db,
        &q,
        r#"SELECT "place"."id", "place"."name", "restaurant"."id", "restaurant"."serves_pizza", "restaurant"."place_id" FROM "place" LEFT OUTER JOIN "restaurant" ON "restaurant"."place_id" = "place"."id" ORDER BY "place"."id""#,
    );
    assert_eq!(places.len(), 2);
    let r = places[0]
        .restaurant
        .get()
        .unwrap()
        .expect("Corner has a restaurant");
    assert_eq!(r.id, 10);
    assert!(r.serves_pizza);
    assert_eq!(
        places[1].restaurant.get().unwrap(),
        None,
        "loaded, and none found"
    );
}

fn chain_of_three(db: &Db) {
    shapes::seed(db).unwrap();
    let q = Book::query()
        .select_related(Book::author().then(Person::city()).then(City::country()))
        .order_by(Book::id().asc());
    let books = run_one(
        db,
        &q,
        r#"SELECT "book"."id", "book"."title", "book"."author_id", "book"."editor_id", "person"."id", "person"."name", "person"."city_id", "city"."id", "city"."name", "city"."country_id", "country"."id", "country"."name" FROM "book" INNER JOIN "person" ON "book"."author_id" = "person"."id" LEFT OUTER JOIN "city" ON "person"."city_id" = "city"."id" LEFT OUTER JOIN "country" ON "city"."country_id" = "country"."id" ORDER BY "book"."id""#,
    );
    let countries: Vec<Option<String>> = books
        .iter()
        .map(|b| {
            let author = b.author.get().unwrap();
            author
                .city
                .as_ref()
                .map(|c| c.get().unwrap().country.get().unwrap().name.clone())
        })
        .collect();
    assert_eq!(
        countries,
        vec![Some("France".to_owned()), None, Some("Japan".to_owned())]
    );
}

fn shared_prefix_joins_once(db: &Db) {
    blog::seed(db, 5).unwrap();
    // `author` and `author__publisher` share the author JOIN.
    let q = Post::query()
        .select_related(Post::author())
        .select_related(Post::author().then(Author::publisher()))
        .filter(Post::id().eq(3i64));
    let posts = run_one(
        db,
        &q,
        &format!(
            r#"SELECT {POST}, {AUTHOR}, "blog_publisher"."id", "blog_publisher"."name" FROM "blog_post" INNER JOIN "blog_author" ON "blog_post"."author_id" = "blog_author"."id" INNER JOIN "blog_publisher" ON "blog_author"."publisher_id" = "blog_publisher"."id" WHERE "blog_post"."id" = ?"#
        ),
    );
    assert_eq!(posts.len(), 1);
    let author = posts[0].author.get().unwrap();
    assert_eq!(author.id, 4);
    assert_eq!(author.publisher.get().unwrap().id, 4 % 3 + 1);
}

fn filters_order_limit_offset(db: &Db) {
    blog::seed(db, 30).unwrap();
    let q = Post::query()
        .filter(
            Post::id().ge(5i64).and(Post::id().le(25i64))
                & (Post::title().like("Post 1%") | Post::id().is_in([20i64, 21, 22]))
                & !Post::author_id().eq(2i64),
        )
        .filter(Post::id().ne(13i64))
        .order_by(Post::author_id().desc())
        .order_by(Post::id().asc())
        .limit(4)
        .offset(1);
    let (rows, sent) = db.capture(|| db.all(&q));
    let rows = rows.unwrap();
    assert_eq!(
        sqls(&sent),
        vec![db.sql(&format!(
            r#"SELECT {POST} FROM "blog_post" WHERE ("blog_post"."id" >= ? AND "blog_post"."id" <= ? AND ("blog_post"."title" LIKE ? OR "blog_post"."id" IN (?, ?, ?)) AND ("blog_post"."author_id" = ?) IS NOT TRUE AND "blog_post"."id" <> ?) ORDER BY "blog_post"."author_id" DESC, "blog_post"."id" LIMIT ? OFFSET ?"#
        ))]
    );
    assert_eq!(sent[0].params, 10, "every value is a bind parameter");
    // By hand: ids 5..=25 matching "Post 1%" (10..=19) or 20..=22, author
    // (i % 10 + 1) != 2 (drops 11, 21), id != 13.
    let mut expected: Vec<i64> = (5..=25)
        .filter(|i| (10..=19).contains(i) || (20..=22).contains(i))
        .filter(|i| i % 10 + 1 != 2 && *i != 13)
        .collect();
    expected.sort_by_key(|i| (std::cmp::Reverse(i % 10 + 1), *i));
    let expected: Vec<i64> = expected.into_iter().skip(1).take(4).collect();
    assert_eq!(rows.iter().map(|p| p.id).collect::<Vec<_>>(), expected);

    // lt / gt / is_null / is_not_null / empty IN
    let ids = |q: Query<Post>| db.all(&q).unwrap().iter().map(|p| p.id).collect::<Vec<_>>();
    let base = || Post::query().order_by(Post::id().asc());
    assert_eq!(ids(base().filter(Post::id().lt(3i64))), vec![1, 2]);
    assert_eq!(ids(base().filter(Post::id().gt(28i64))), vec![29, 30]);
    assert_eq!(
        ids(base().filter(Post::editor_id().is_not_null() & Post::id().le(9i64))),
        vec![3, 6, 9]
    );
    assert_eq!(
        ids(base().filter(Post::editor_id().is_null() & Post::id().le(4i64))),
        vec![1, 2, 4]
    );
    assert_eq!(
        ids(base().filter(Post::id().is_in(Vec::<i64>::new()))),
        Vec::<i64>::new()
    );
    assert_eq!(ids(base().offset(28)), vec![29, 30]);
    // `eq(None)` on a nullable column means IS NULL, as in Django.
    assert_eq!(
        ids(base().filter(Post::editor_id().eq(None) & Post::id().lt(3i64))),
        vec![1, 2]
    );
}

fn boolean_filters(db: &Db) {
    shapes::seed(db).unwrap();
    let q = shapes::Restaurant::query()
        .filter(shapes::Restaurant::serves_pizza().eq(true))
        .select_related(shapes::Restaurant::place());
    let rows = db.all(&q).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].place.get().unwrap().name, "Corner");
    let none = db
        .all(&shapes::Restaurant::query().filter(shapes::Restaurant::serves_pizza().eq(false)))
        .unwrap();
    assert!(none.is_empty());
}

fn first_and_one(db: &Db) {
    blog::seed(db, 3).unwrap();
    let by_id = Author::query().order_by(Author::id().desc());
    let (first, sent) = db.capture(|| db.first(&by_id));
    assert_eq!(first.unwrap().map(|a| a.id), Some(10));
    assert_eq!(sent.len(), 1);
    assert!(
        sent[0].sql.ends_with(&db.sql(" LIMIT ?")),
        "{}",
        sent[0].sql
    );
    let none = db.first(&Author::query().filter(Author::id().gt(100i64)));
    assert!(none.unwrap().is_none());
    let one = db.one(&Author::query().filter(Author::id().eq(7i64)));
    assert_eq!(one.unwrap().name, "Author 7");
    // Zero or several rows are an error saying which.
    for (q, found) in [
        (Author::query().filter(Author::id().gt(100i64)), Found::None),
        (
            Author::query().filter(Author::id().le(5i64)),
            Found::MoreThanOne,
        ),
    ] {
        match db.one(&q) {
            Err(Error::NotOne {
                model, found: n, ..
            }) => assert_eq!((model, n), ("Author", found)),
            other => panic!("expected NotOne, got {other:?}"),
        }
    }
}

fn unloaded_relation_is_an_error(db: &Db) {
    blog::seed(db, 2).unwrap();
    let (posts, sent) = db.capture(|| db.all(&Post::query()));
    let posts = posts.unwrap();
    assert_eq!(sent.len(), 1);
    let err = posts[0].author.get().unwrap_err();
    assert_eq!(
        err,
        NotLoaded::Joinable {
            model: "Post",
            field: "author"
        }
    );
    assert_eq!(
        err.to_string(),
        "`Post.author` was not loaded: add `.select_related(Post::author())` (one JOIN) or `.prefetch_related(Post::author())` to the query"
    );
    let err = posts[0].tags.get().unwrap_err();
    assert_eq!(
        err.to_string(),
        "`Post.tags` was not loaded: add `.prefetch_related(Post::tags())` to the query"
    );
    // Reading did not send anything.
    let (_, sent) = db.capture(|| {
        let _ = posts[1].author.get();
        let _ = posts[1].tags.get().map(|t| t.len());
    });
    assert!(sent.is_empty(), "no hidden query: {sent:?}");
    // The key itself is always there.
    assert_eq!(*posts[0].author.key(), 2);
}

fn quotes_and_semicolons_are_data(db: &Db) {
    blog::seed(db, 3).unwrap();
    let evil = "x'; DROP TABLE \"blog_post\"; -- `` \" \\";
    db.insert(&Publisher {
        id: 99,
        name: evil.to_owned(),
        authors: Default::default(),
    })
    .unwrap();
    let (rows, sent) =
        db.capture(|| db.all(&Publisher::query().filter(Publisher::name().eq(evil))));
    let rows = rows.unwrap();
    assert_eq!(sent.len(), 1, "exactly one statement ran");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].name, evil, "the value round-trips unchanged");
    let none = db
        .all(&Publisher::query().filter(Publisher::name().like("%'; DROP%")))
        .unwrap();
    assert_eq!(none.len(), 1);
    assert_eq!(
        db.all(&Post::query()).unwrap().len(),
        3,
        "blog_post still exists"
    );
}

fn fk_to_missing_row(db: &Db) {
    // Every backend enforces the constraints `create_tables` made; SQLite
    // can switch them off, so the dangling row is made there.
    let sqlite = db.as_sqlite().expect("a SQLite case");
    blog::seed(db, 3).unwrap();
    sqlite.execute_batch("PRAGMA foreign_keys = OFF").unwrap();
    db.execute(
        r#"INSERT INTO "blog_post" ("id", "title", "author_id", "editor_id") VALUES (?, ?, ?, ?)"#,
        &[
            Value::I64(50),
            Value::Text("dangling".into()),
            Value::I64(1000),
            Value::I64(2000),
        ],
    )
    .unwrap();
    // INNER JOIN (non-null FK): the row is not returned, as in Django.
    let posts = db
        .all(&Post::query().select_related(Post::author()))
        .unwrap();
    assert!(posts.iter().all(|p| p.id != 50));
    assert_eq!(posts.len(), 3);
    // LEFT JOIN (nullable FK): the row is returned and reading the relation
    // says the target is missing.
    let posts = db
        .all(
            &Post::query()
                .select_related(Post::editor())
                .filter(Post::id().eq(50i64)),
        )
        .unwrap();
    let err = posts[0].editor.as_ref().unwrap().get().unwrap_err();
    assert_eq!(
        err,
        NotLoaded::Missing {
            model: "Post",
            field: "editor"
        }
    );
}

fn missing_table_is_an_error(db: &Db) {
    // No tables created.
    let err = db
        .all(&Post::query().select_related(Post::author()))
        .unwrap_err();
    match &err {
        Error::Database { statement, .. } => {
            assert!(statement.starts_with("SELECT "), "{statement}");
            assert!(statement.contains("blog_post"));
        }
        other => panic!("expected a database error, got {other:?}"),
    }
    assert!(err.to_string().contains("statement: SELECT"), "{err}");
}

fn loose_author_table(db: &Db) {
    // A table without NOT NULL, so bad data can get in.
    db.execute(
        &db.sql(r#"CREATE TABLE "blog_author" ("id" BIGINT, "name" TEXT, "email" TEXT, "publisher_id" TEXT)"#),
        &[],
    )
    .unwrap();
}

fn null_in_non_null_column(db: &Db) {
    loose_author_table(db);
    db.execute(
        &db.sql(r#"INSERT INTO "blog_author" ("id", "name", "email", "publisher_id") VALUES (?, NULL, NULL, ?)"#),
        &[Value::I64(1), Value::Text("1".into())],
    )
    .unwrap();
    let err = db.all(&Author::query()).unwrap_err();
    match err {
        Error::Decode {
            model,
            field,
            column,
            statement,
            ..
        } => {
            assert_eq!((model, field, column), ("Author", "name", "name"));
            assert!(statement.contains(r#"FROM "#), "{statement}");
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
}

fn wrong_type_in_column(db: &Db) {
    loose_author_table(db);
    db.execute(
        &db.sql(r#"INSERT INTO "blog_author" ("id", "name", "email", "publisher_id") VALUES (?, ?, NULL, ?)"#),
        &[
            Value::I64(1),
            Value::Text("Ann".into()),
            Value::Text("not a number".into()),
        ],
    )
    .unwrap();
    let err = db.all(&Author::query()).unwrap_err();
    let text = err.to_string();
    match err {
        Error::Decode {
            model,
            field,
            column,
            ..
        } => assert_eq!(
            (model, field, column),
            ("Author", "publisher", "publisher_id")
        ),
        other => panic!("expected a decode error, got {other:?}"),
    }
    assert!(text.contains("Author.publisher"), "{text}");
}

fn naive_is_one_statement_per_row(db: &Db) {
    blog::seed(db, 50).unwrap();
    let (count, sent) = db.capture(|| {
        let posts = db.all(&Post::query().limit(50)).unwrap();
        let mut names = 0;
        for p in &posts {
            let author = db
                .all(&Author::query().filter(Author::id().eq(*p.author.key())))
                .unwrap();
            names += author.len();
        }
        names
    });
    assert_eq!(count, 50);
    assert_eq!(sent.len(), 51);
    let (posts, sent) = db.capture(|| {
        db.all(
            &Post::query()
                .select_related(Post::author().then(Author::publisher()))
                .limit(50),
        )
    });
    assert_eq!(posts.unwrap().len(), 50);
    assert_eq!(sent.len(), 1);
}
