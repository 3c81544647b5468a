//! prefetch_related and Prefetch: the exact SQL and statement count of each
//! relation kind, nesting, custom queries and targets, and bad input.

use related::prelude::*;
use related::{Error, LoggedStatement, Sqlite, Value};
use related_tests::blog::{self, Author, Post, Publisher, Tag};
use related_tests::harness::{Case, Db, SQLITE};
use related_tests::shapes::{self, Category, Place};
use related_tests::shop::{self, Item, Order, Product, Review, Student};

pub const CASES: &[Case] = &[
    Case::new("prefetch::m2m_auto_through", m2m_auto_through),
    Case::new("prefetch::m2m_explicit_through", m2m_explicit_through),
    Case::new("prefetch::reverse_fk", reverse_fk),
    Case::new("prefetch::reverse_m2m", reverse_m2m),
    Case::new("prefetch::reverse_o2o", reverse_o2o),
    Case::new("prefetch::forward_fk", forward_fk),
    Case::new(
        "prefetch::nullable_fk_drops_null_keys",
        nullable_fk_drops_null_keys,
    ),
    Case::new("prefetch::three_levels", three_levels),
    Case::new("prefetch::filter_order_and_target", filter_order_and_target),
    Case::new(
        "prefetch::two_targets_on_one_relation",
        two_targets_on_one_relation,
    ),
    Case::new(
        "prefetch::same_lookup_twice_is_an_error",
        same_lookup_twice_is_an_error,
    ),
    Case::new("prefetch::top_n_per_parent", top_n_per_parent),
    Case::new(
        "prefetch::empty_parent_set_sends_nothing",
        empty_parent_set_sends_nothing,
    ),
    Case::new(
        "prefetch::keys_come_from_returned_rows",
        keys_come_from_returned_rows,
    )
    .on(SQLITE),
    Case::new(
        "prefetch::below_a_select_related_hop",
        below_a_select_related_hop,
    ),
    Case::new(
        "prefetch::select_related_inside_a_level",
        select_related_inside_a_level,
    ),
    Case::new("prefetch::dashboard", dashboard),
    Case::new(
        "prefetch::self_relation_two_levels",
        self_relation_two_levels,
    ),
    Case::new(
        "prefetch::onto_rows_the_caller_has",
        onto_rows_the_caller_has,
    ),
    Case::new(
        "prefetch::onto_rows_that_hold_the_relation_already",
        onto_rows_that_hold_the_relation_already,
    ),
    Case::new(
        "prefetch::in_memory_operations_send_nothing",
        in_memory_operations_send_nothing,
    ),
    Case::new("prefetch::plan_shows_every_level", plan_shows_every_level),
    Case::new("prefetch::duplicate_through_rows", duplicate_through_rows),
    Case::new("prefetch::link_takes_rows_or_keys", link_takes_rows_or_keys),
    Case::new(
        "prefetch::link_from_the_reverse_side",
        link_from_the_reverse_side,
    ),
    Case::new(
        "prefetch::queryset_is_djangos_prefetch_queryset",
        queryset_is_djangos_prefetch_queryset,
    ),
    Case::new(
        "prefetch::offset_skips_each_parents_first_rows",
        offset_skips_each_parents_first_rows,
    ),
    Case::new(
        "prefetch::writes_inside_the_callers_transaction",
        writes_inside_the_callers_transaction,
    ),
    Case::new(
        "prefetch::a_failed_write_inside_the_callers_transaction_undoes_only_itself",
        a_failed_write_inside_the_callers_transaction_undoes_only_itself,
    )
    .on(SQLITE),
    Case::new(
        "prefetch::a_panic_inside_transaction_rolls_back",
        a_panic_inside_transaction_rolls_back,
    )
    .on(SQLITE),
    Case::new(
        "prefetch::through_row_to_missing_child",
        through_row_to_missing_child,
    )
    .on(SQLITE),
    Case::new(
        "prefetch::split_at_the_variable_limit",
        split_at_the_variable_limit,
    )
    .on(SQLITE),
    Case::new(
        "prefetch::hundred_thousand_parents",
        hundred_thousand_parents,
    ),
];

const POST: &str =
    r#""blog_post"."id", "blog_post"."title", "blog_post"."author_id", "blog_post"."editor_id""#;

fn sqls(sent: &[LoggedStatement]) -> Vec<String> {
    sent.iter().map(|s| s.sql.clone()).collect()
}

/// Run `query`, asserting the statements it plans and sends (SQLite form).
fn run<M: Model, L>(db: &Db, query: &Query<M, L>, expected: &[&str]) -> Vec<M> {
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

/// Tags of blog post `i`, by the seed's formula.
fn tags_of(i: i64) -> Vec<i64> {
    let mut t: Vec<i64> = (0..(i % 4 + 1)).map(|k| (i + k * 3) % 8 + 1).collect();
    t.sort();
    t
}

fn m2m_auto_through(db: &Db) {
    shop::seed(db).unwrap();
    let students = run(
        db,
        &Student::query()
            .prefetch_related(Student::clubs())
            .order_by(Student::id().asc()),
        &[
            r#"SELECT "student"."id", "student"."name" FROM "student" ORDER BY "student"."id""#,
            r#"SELECT "club"."id", "club"."name", "student_clubs"."student_id" FROM "club" INNER JOIN "student_clubs" ON "student_clubs"."club_id" = "club"."id" WHERE "student_clubs"."student_id" IN rarray(?)"#,
        ],
    );
    for s in &students {
        let expected: Vec<i64> = (1..=3).filter(|c| (s.id + c) % 2 == 0).collect();
        assert_eq!(
            shared_ids(s.clubs.get().unwrap()),
            expected,
            "student {}",
            s.id
        );
    }
}

fn m2m_explicit_through(db: &Db) {
    shop::seed(db).unwrap();
    let students = run(
        db,
        &Student::query()
            .prefetch_related(Student::courses())
            .order_by(Student::id().asc()),
        &[
            r#"SELECT "student"."id", "student"."name" FROM "student" ORDER BY "student"."id""#,
            r#"SELECT "course"."id", "course"."title", "enrollment"."student" FROM "course" INNER JOIN "enrollment" ON "enrollment"."course" = "course"."id" WHERE "enrollment"."student" IN rarray(?)"#,
        ],
    );
    for s in &students {
        let expected: Vec<i64> = if s.id == 4 {
            vec![]
        } else {
            (1..=s.id).collect()
        };
        assert_eq!(
            shared_ids(s.courses.get().unwrap()),
            expected,
            "student {}",
            s.id
        );
    }
}

fn reverse_fk(db: &Db) {
    blog::seed(db, 25).unwrap();
    let authors = run(
        db,
        &Author::query()
            .prefetch_related(Author::posts())
            .order_by(Author::id().asc()),
        &[
            r#"SELECT "blog_author"."id", "blog_author"."name", "blog_author"."email", "blog_author"."publisher_id" FROM "blog_author" ORDER BY "blog_author"."id""#,
            &format!(
                r#"SELECT {POST} FROM "blog_post" WHERE "blog_post"."author_id" IN rarray(?)"#
            ),
        ],
    );
    assert_eq!(authors.len(), 10);
    for a in &authors {
        let expected: Vec<i64> = (1..=25).filter(|i| i % 10 + 1 == a.id).collect();
        assert_eq!(
            shared_ids(a.posts.get().unwrap()),
            expected,
            "author {}",
            a.id
        );
    }
}

fn reverse_m2m(db: &Db) {
    blog::seed(db, 20).unwrap();
    let tags = run(
        db,
        &Tag::query()
            .prefetch_related(Tag::posts())
            .order_by(Tag::id().asc()),
        &[
            r#"SELECT "blog_tag"."id", "blog_tag"."name" FROM "blog_tag" ORDER BY "blog_tag"."id""#,
            &format!(
                r#"SELECT {POST}, "blog_post_tags"."tag_id" FROM "blog_post" INNER JOIN "blog_post_tags" ON "blog_post_tags"."post_id" = "blog_post"."id" WHERE "blog_post_tags"."tag_id" IN rarray(?)"#
            ),
        ],
    );
    for t in &tags {
        let expected: Vec<i64> = (1..=20).filter(|i| tags_of(*i).contains(&t.id)).collect();
        assert_eq!(shared_ids(t.posts.get().unwrap()), expected, "tag {}", t.id);
    }
}

fn reverse_o2o(db: &Db) {
    shapes::seed(db).unwrap();
    let places = run(
        db,
        &Place::query()
            .prefetch_related(Place::restaurant())
            .order_by(Place::id().asc()),
        &[
            r#"SELECT "place"."id", "place"."name" FROM "place" ORDER BY "place"."id""#,
            r#"SELECT "restaurant"."id", "restaurant"."serves_pizza", "restaurant"."place_id" FROM "restaurant" WHERE "restaurant"."place_id" IN rarray(?)"#,
        ],
    );
    assert_eq!(places[0].restaurant.get().unwrap().map(|r| r.id), Some(10));
    assert_eq!(places[1].restaurant.get().unwrap(), None);
}

fn forward_fk(db: &Db) {
    blog::seed(db, 12).unwrap();
    let posts = run(
        db,
        &Post::query()
            .prefetch_related(Post::author().then(Author::publisher()))
            .order_by(Post::id().asc()),
        &[
            &format!(r#"SELECT {POST} FROM "blog_post" ORDER BY "blog_post"."id""#),
            r#"SELECT "blog_author"."id", "blog_author"."name", "blog_author"."email", "blog_author"."publisher_id" FROM "blog_author" WHERE "blog_author"."id" IN rarray(?)"#,
            r#"SELECT "blog_publisher"."id", "blog_publisher"."name" FROM "blog_publisher" WHERE "blog_publisher"."id" IN rarray(?)"#,
        ],
    );
    for p in &posts {
        let a = p.author.get().unwrap();
        assert_eq!(a.id, p.id % 10 + 1);
        assert_eq!(a.publisher.get().unwrap().id, a.id % 3 + 1);
    }
}

fn nullable_fk_drops_null_keys(db: &Db) {
    blog::seed(db, 10).unwrap();
    let posts = db
        .all(
            &Post::query()
                .prefetch_related(Post::editor())
                .order_by(Post::id().asc()),
        )
        .unwrap();
    for p in &posts {
        match &p.editor {
            Some(e) => assert_eq!(e.get().unwrap().id, (p.id + 5) % 10 + 1),
            None => assert!(p.id % 3 != 0),
        }
    }
    // Only NULL keys: no prefetch statement at all.
    let (rows, sent) = db.capture(|| {
        db.all(
            &Post::query()
                .filter(Post::editor_id().is_null())
                .prefetch_related(Post::editor()),
        )
    });
    assert_eq!(rows.unwrap().len(), 7);
    assert_eq!(sent.len(), 1, "{sent:#?}");
}

fn three_levels(db: &Db) {
    shop::seed(db).unwrap();
    let orders = run(
        db,
        &Order::query()
            .prefetch_related(
                Order::items()
                    .then(Item::product())
                    .then(Product::reviews()),
            )
            .order_by(Order::id().asc()),
        &[
            r#"SELECT "shop_order"."id", "shop_order"."customer_id" FROM "shop_order" ORDER BY "shop_order"."id""#,
            r#"SELECT "item"."id", "item"."order_id", "item"."product_id", "item"."quantity" FROM "item" WHERE "item"."order_id" IN rarray(?)"#,
            r#"SELECT "product"."id", "product"."name" FROM "product" WHERE "product"."id" IN rarray(?)"#,
            r#"SELECT "review"."id", "review"."product_id", "review"."rating" FROM "review" WHERE "review"."product_id" IN rarray(?)"#,
        ],
    );
    assert_eq!(orders.len(), 6);
    for o in &orders {
        let items = o.items.get().unwrap();
        let expected: Vec<i64> = if o.id == 6 {
            vec![]
        } else {
            (0..(o.id % 3 + 1)).map(|k| o.id * 10 + k).collect()
        };
        assert_eq!(shared_ids(items), expected);
        for it in items {
            let product = it.product.get().unwrap();
            assert_eq!(product.id, *it.product.key());
            let reviews: Vec<i64> = (0..(product.id - 1)).map(|r| product.id * 10 + r).collect();
            assert_eq!(shared_ids(product.reviews.get().unwrap()), reviews);
        }
    }
}

fn filter_order_and_target(db: &Db) {
    blog::seed(db, 30).unwrap();
    let authors = run(
        db,
        &Author::query()
            .prefetch(
                Prefetch::new(Author::posts())
                    .filter(Post::title().like("Post 1%"))
                    .order_by(Post::id().desc()),
            )
            .order_by(Author::id().asc()),
        &[
            r#"SELECT "blog_author"."id", "blog_author"."name", "blog_author"."email", "blog_author"."publisher_id" FROM "blog_author" ORDER BY "blog_author"."id""#,
            &format!(
                r#"SELECT {POST} FROM "blog_post" WHERE "blog_post"."author_id" IN rarray(?) AND "blog_post"."title" LIKE ? ORDER BY "blog_post"."id" DESC"#
            ),
        ],
    );
    for a in &authors {
        let mut expected: Vec<i64> = (1..=30)
            .filter(|i| i % 10 + 1 == a.id && i.to_string().starts_with('1'))
            .collect();
        expected.reverse();
        assert_eq!(
            shared_ids(a.posts.get().unwrap()),
            expected,
            "author {}",
            a.id
        );
    }
}

fn two_targets_on_one_relation(db: &Db) {
    blog::seed(db, 16).unwrap();
    let posts = run(
        db,
        &Post::query()
            .prefetch_related(Post::tags())
            .prefetch(
                Prefetch::new(Post::tags())
                    .filter(Tag::name().eq("tag1"))
                    .to(Post::python_tags()),
            )
            .order_by(Post::id().asc()),
        &[
            &format!(r#"SELECT {POST} FROM "blog_post" ORDER BY "blog_post"."id""#),
            r#"SELECT "blog_tag"."id", "blog_tag"."name", "blog_post_tags"."post_id" FROM "blog_tag" INNER JOIN "blog_post_tags" ON "blog_post_tags"."tag_id" = "blog_tag"."id" WHERE "blog_post_tags"."post_id" IN rarray(?)"#,
            r#"SELECT "blog_tag"."id", "blog_tag"."name", "blog_post_tags"."post_id" FROM "blog_tag" INNER JOIN "blog_post_tags" ON "blog_post_tags"."tag_id" = "blog_tag"."id" WHERE "blog_post_tags"."post_id" IN rarray(?) AND "blog_tag"."name" = ?"#,
        ],
    );
    for p in &posts {
        assert_eq!(shared_ids(p.tags.get().unwrap()), tags_of(p.id));
        let python: Vec<i64> = tags_of(p.id).into_iter().filter(|t| *t == 1).collect();
        assert_eq!(shared_ids(p.python_tags.get().unwrap()), python);
    }
}

fn same_lookup_twice_is_an_error(db: &Db) {
    blog::seed(db, 3).unwrap();
    let q = Post::query()
        .prefetch(Prefetch::new(Post::tags()).filter(Tag::name().eq("tag1")))
        .prefetch(Prefetch::new(Post::tags()).filter(Tag::name().eq("tag2")));
    let (res, sent) = db.capture(|| db.all(&q));
    match res {
        Err(e @ Error::DuplicateLookup { .. }) => {
            let Error::DuplicateLookup {
                lookup,
                first,
                second,
            } = &e
            else {
                unreachable!()
            };
            assert_eq!(lookup, "tags");
            // Each query named, as written: the error tells them apart.
            assert_eq!(first, r#"`Prefetch` (filter `"blog_tag"."name" = ?`)"#);
            assert_eq!(second, first);
            assert_eq!(
                e.to_string(),
                "the lookup `tags` was given two queries: \
                 `Prefetch` (filter `\"blog_tag\".\"name\" = ?`), then \
                 `Prefetch` (filter `\"blog_tag\".\"name\" = ?`); \
                 give each a target field of its own with `Prefetch::to(...)`"
            );
        }
        other => panic!("expected DuplicateLookup, got {other:?}"),
    }
    assert!(sent.is_empty(), "nothing runs: {sent:?}");
    // A query of 100,000 values (one array parameter in the description,
    // SQLite's form): the message stays short.
    let many: Vec<i64> = (1..=100_000).collect();
    let big = || Prefetch::new(Post::tags()).filter(Tag::id().is_in(&many));
    let q = Post::query().prefetch(big()).prefetch(big());
    match db.all(&q) {
        Err(e @ Error::DuplicateLookup { .. }) => {
            let text = e.to_string();
            assert!(text.len() < 1_500, "{} bytes", text.len());
            assert!(text.contains("\"blog_tag\".\"id\" IN rarray(?)"), "{text}");
        }
        other => panic!("expected DuplicateLookup, got {other:?}"),
    }
    // Queries that differ in more than their filter are told apart.
    let q = Post::query()
        .prefetch(
            Prefetch::new(Post::tags())
                .order_by(Tag::name().desc())
                .limit(1),
        )
        .prefetch(
            Prefetch::new(Post::tags())
                .filter(Tag::id().gt(0))
                .prefetch_related(Tag::posts()),
        );
    let (res, sent) = db.capture(|| db.all(&q));
    match res {
        Err(Error::DuplicateLookup { first, second, .. }) => {
            assert_eq!(
                first,
                "`Prefetch` (order_by `name DESC`, limit 1 per parent)"
            );
            assert_eq!(
                second,
                r#"`Prefetch` (filter `"blog_tag"."id" > ?`, loading `posts` below)"#
            );
        }
        other => panic!("expected DuplicateLookup, got {other:?}"),
    }
    assert!(sent.is_empty(), "nothing runs: {sent:?}");
    assert!(sent.is_empty(), "nothing runs: {sent:?}");
    // A plain lookup and one Prefetch of the same relation merge: the
    // Prefetch's query wins, as in Django.
    let q = Post::query()
        .prefetch_related(Post::tags())
        .prefetch(Prefetch::new(Post::tags()).filter(Tag::id().le(2i64)));
    let (posts, sent) = db.capture(|| db.all(&q));
    assert_eq!(sent.len(), 2);
    for p in posts.unwrap() {
        let expected: Vec<i64> = tags_of(p.id).into_iter().filter(|t| *t <= 2).collect();
        assert_eq!(shared_ids(p.tags.get().unwrap()), expected);
    }
}

fn top_n_per_parent(db: &Db) {
    blog::seed(db, 40).unwrap();
    let authors = run(
        db,
        &Author::query()
            .prefetch(
                Prefetch::new(Author::posts())
                    .order_by(Post::id().desc())
                    .limit(2),
            )
            .order_by(Author::id().asc()),
        &[
            r#"SELECT "blog_author"."id", "blog_author"."name", "blog_author"."email", "blog_author"."publisher_id" FROM "blog_author" ORDER BY "blog_author"."id""#,
            r#"SELECT "c0", "c1", "c2", "c3" FROM (SELECT "blog_post"."id" AS "c0", "blog_post"."title" AS "c1", "blog_post"."author_id" AS "c2", "blog_post"."editor_id" AS "c3", ROW_NUMBER() OVER (PARTITION BY "blog_post"."author_id" ORDER BY "blog_post"."id" DESC) AS "__rn" FROM "blog_post" WHERE "blog_post"."author_id" IN rarray(?)) "__ranked" WHERE "__rn" <= ? ORDER BY "__rn""#,
        ],
    );
    for a in &authors {
        let mut all: Vec<i64> = (1..=40).filter(|i| i % 10 + 1 == a.id).collect();
        all.reverse();
        all.truncate(2);
        assert_eq!(shared_ids(a.posts.get().unwrap()), all, "author {}", a.id);
    }
    // Top-N over a many-to-many: per post, its 2 highest tags.
    let posts = db
        .all(
            &Post::query()
                .prefetch(
                    Prefetch::new(Post::tags())
                        .order_by(Tag::id().desc())
                        .limit(2),
                )
                .order_by(Post::id().asc()),
        )
        .unwrap();
    for p in &posts {
        let mut t = tags_of(p.id);
        t.reverse();
        t.truncate(2);
        assert_eq!(shared_ids(p.tags.get().unwrap()), t, "post {}", p.id);
    }
}

fn empty_parent_set_sends_nothing(db: &Db) {
    blog::seed(db, 5).unwrap();
    let q = Post::query()
        .filter(Post::id().lt(0i64))
        .select_related(Post::author())
        .prefetch_related(Post::tags())
        .prefetch_related(Post::editor().then(Author::posts()));
    let (rows, sent) = db.capture(|| db.all(&q));
    assert!(rows.unwrap().is_empty());
    assert_eq!(sent.len(), 1, "only the base statement: {sent:#?}");
}

fn keys_come_from_returned_rows(db: &Db) {
    // Counting keys needs expanded IN lists, a SQLite option.
    assert!(db.as_sqlite().is_some());
    let db = Db::from_sqlite(Sqlite::open_in_memory().unwrap().with_expanded_key_lists());
    blog::seed(&db, 30).unwrap();
    let q = Post::query()
        .filter(Post::id().gt(10i64))
        .order_by(Post::id().asc())
        .limit(3)
        .prefetch_related(Post::author());
    let (posts, sent) = db.capture(|| db.all(&q));
    let posts = posts.unwrap();
    assert_eq!(ids(&posts), vec![11, 12, 13]);
    assert_eq!(sent.len(), 2);
    // Authors 2, 3, 4: one key per distinct author of the 3 returned posts.
    assert_eq!(sent[1].params, 3, "{}", sent[1].sql);
    // Keys are deduplicated: 30 posts share 10 authors.
    let (_, sent) = db.capture(|| db.all(&Post::query().prefetch_related(Post::author())));
    assert_eq!(sent[1].params, 10);
}

fn below_a_select_related_hop(db: &Db) {
    blog::seed(db, 20).unwrap();
    // The author JOIN already loaded the authors: only their posts need a
    // statement.
    let q = Post::query()
        .select_related(Post::author())
        .prefetch_related(Post::author().then(Author::posts()))
        .filter(Post::id().le(3i64))
        .order_by(Post::id().asc());
    let (posts, sent) = db.capture(|| db.all(&q));
    let posts = posts.unwrap();
    assert_eq!(sent.len(), 2, "{:#?}", sqls(&sent));
    assert_eq!(
        sent[1].sql,
        db.sql(&format!(
            r#"SELECT {POST} FROM "blog_post" WHERE "blog_post"."author_id" IN rarray(?)"#
        ))
    );
    for p in &posts {
        let author = p.author.get().unwrap();
        let expected: Vec<i64> = (1..=20).filter(|i| i % 10 + 1 == author.id).collect();
        assert_eq!(shared_ids(author.posts.get().unwrap()), expected);
    }
    // Without the JOIN, the author level is a statement of its own.
    let q = Post::query()
        .prefetch_related(Post::author().then(Author::posts()))
        .filter(Post::id().le(3i64));
    let (posts, sent) = db.capture(|| db.all(&q));
    assert_eq!(sent.len(), 3);
    for p in posts.unwrap() {
        assert_eq!(p.author.get().unwrap().posts.get().unwrap().len(), 2);
    }
}

fn select_related_inside_a_level(db: &Db) {
    shop::seed(db).unwrap();
    let orders = run(
        db,
        &Order::query()
            .prefetch(Prefetch::new(Order::items()).select_related(Item::product()))
            .order_by(Order::id().asc()),
        &[
            r#"SELECT "shop_order"."id", "shop_order"."customer_id" FROM "shop_order" ORDER BY "shop_order"."id""#,
            r#"SELECT "item"."id", "item"."order_id", "item"."product_id", "item"."quantity", "product"."id", "product"."name" FROM "item" INNER JOIN "product" ON "item"."product_id" = "product"."id" WHERE "item"."order_id" IN rarray(?)"#,
        ],
    );
    for o in &orders {
        for it in o.items.get().unwrap() {
            assert_eq!(
                it.product.get().unwrap().name,
                format!("Product {}", it.product.key())
            );
        }
    }
}

fn dashboard(db: &Db) {
    shop::seed(db).unwrap();
    let q = Order::query()
        .select_related(Order::customer().then(shop::Customer::company()))
        .prefetch(Prefetch::new(Order::items()).select_related(Item::product()))
        .prefetch_below(
            Order::items().then(Item::product()),
            Prefetch::new(Product::reviews())
                .filter(Review::rating().ge(4))
                .to(Product::top_reviews()),
        )
        .order_by(Order::id().asc());
    let (orders, sent) = db.capture(|| db.all(&q));
    let orders = orders.unwrap();
    assert_eq!(sent.len(), 3, "{:#?}", sqls(&sent));
    for o in &orders {
        let customer = o.customer.get().unwrap();
        assert_eq!(customer.company.get().unwrap().id, customer.id % 2 + 1);
        for it in o.items.get().unwrap() {
            let product = it.product.get().unwrap();
            let top: Vec<i64> = (0..(product.id - 1))
                .filter(|r| (product.id * 3 + r) % 5 + 1 >= 4)
                .map(|r| product.id * 10 + r)
                .collect();
            assert_eq!(shared_ids(product.top_reviews.get().unwrap()), top);
            // Only top_reviews was asked for.
            assert!(product.reviews.get().is_err());
        }
    }
}

fn self_relation_two_levels(db: &Db) {
    shapes::seed(db).unwrap();
    let cats = run(
        db,
        &Category::query()
            .filter(Category::parent_id().is_null())
            .prefetch_related(Category::children().then(Category::children())),
        &[
            r#"SELECT "category"."id", "category"."name", "category"."parent_id" FROM "category" WHERE "category"."parent_id" IS NULL"#,
            r#"SELECT "category"."id", "category"."name", "category"."parent_id" FROM "category" WHERE "category"."parent_id" IN rarray(?)"#,
            r#"SELECT "category"."id", "category"."name", "category"."parent_id" FROM "category" WHERE "category"."parent_id" IN rarray(?)"#,
        ],
    );
    assert_eq!(cats.len(), 1);
    let child = &cats[0].children.get().unwrap()[0];
    assert_eq!(child.name, "child");
    assert_eq!(child.children.get().unwrap()[0].name, "grandchild");
}

fn onto_rows_the_caller_has(db: &Db) {
    blog::seed(db, 10).unwrap();
    let mut posts: Vec<Post> = db
        .raw(
            &db.sql(&format!(
                r#"SELECT {POST} FROM "blog_post" WHERE "blog_post"."id" <= ? ORDER BY "blog_post"."id""#
            )),
            &[Value::I64(4)],
        )
        .unwrap();
    assert_eq!(posts.len(), 4);
    let (res, sent) = db.capture(|| {
        db.prefetch_onto(
            &Post::query()
                .prefetch_related(Post::tags())
                .prefetch_related(Post::author().then(Author::publisher())),
            &mut posts,
        )
    });
    res.unwrap();
    assert_eq!(sent.len(), 3);
    assert_eq!(ids(&posts), vec![1, 2, 3, 4]);
    for p in &posts {
        assert_eq!(shared_ids(p.tags.get().unwrap()), tags_of(p.id));
        assert!(p.author.get().unwrap().publisher.get().is_ok());
    }
}

/// Prefetching again onto rows that hold the relation keeps it and sends
/// nothing (Django's `prefetch_related_objects` skips what is fetched);
/// a level below runs on the rows kept (one statement). Rows of which only
/// some hold it load it again for all (one statement), nothing doubled.
fn onto_rows_that_hold_the_relation_already(db: &Db) {
    blog::seed(db, 10).unwrap();
    let q = Post::query().prefetch_related(Post::tags());
    let mut posts = db.all(&q.clone().order_by(Post::id().asc())).unwrap();
    let (res, sent) = db.capture(|| db.prefetch_onto(&q, &mut posts));
    res.unwrap();
    assert_eq!(sent.len(), 0, "{sent:#?}");
    for p in &posts {
        assert_eq!(shared_ids(p.tags.get().unwrap()), tags_of(p.id));
    }
    let deeper = Post::query().prefetch_related(Post::tags().then(Tag::posts()));
    let (res, sent) = db.capture(|| db.prefetch_onto(&deeper, &mut posts));
    res.unwrap();
    assert_eq!(sent.len(), 1, "{sent:#?}");
    for p in &posts {
        assert_eq!(shared_ids(p.tags.get().unwrap()), tags_of(p.id));
        for t in p.tags.get().unwrap() {
            let holders = shared_ids(t.posts.get().unwrap());
            assert!(holders.contains(&p.id), "tag {} lists post {}", t.id, p.id);
        }
    }
    // One row without its tags: as in Django, only that row asks for them
    // (the statement brings post 5's tags alone), and the rows that held
    // theirs keep them, with the posts loaded below them.
    posts.push(
        db.all(&Post::query().filter(Post::id().eq(5)))
            .unwrap()
            .remove(0),
    );
    let (res, sent) = db.capture(|| db.prefetch_onto(&q, &mut posts));
    res.unwrap();
    assert_eq!(sent.len(), 1, "{sent:#?}");
    assert_eq!(sent[0].rows, tags_of(5).len(), "{sent:#?}");
    assert_eq!(posts.len(), 11);
    for p in &posts {
        assert_eq!(shared_ids(p.tags.get().unwrap()), tags_of(p.id));
    }
    for p in &posts[..10] {
        for t in p.tags.get().unwrap() {
            assert!(
                t.posts.get().is_ok(),
                "post {} lost tag {}'s posts",
                p.id,
                t.id
            );
        }
    }
    assert!(
        posts[10]
            .tags
            .get()
            .unwrap()
            .iter()
            .all(|t| t.posts.get().is_err()),
        "the new row's tags were loaded by a level without posts"
    );
    // The level below a kept level asks only for the rows that lack it:
    // the tags of the new row, whose posts are loaded; the others keep
    // theirs.
    let (res, sent) = db.capture(|| db.prefetch_onto(&deeper, &mut posts));
    res.unwrap();
    assert_eq!(sent.len(), 1, "{sent:#?}");
    let wanted: usize = tags_of(5).iter().map(|&t| posts_of_tag(t, 10).len()).sum();
    assert_eq!(sent[0].rows, wanted, "{sent:#?}");
    for p in &posts {
        assert_eq!(shared_ids(p.tags.get().unwrap()), tags_of(p.id));
        for t in p.tags.get().unwrap() {
            let holders = shared_ids(t.posts.get().unwrap());
            assert!(holders.contains(&p.id), "tag {} lists post {}", t.id, p.id);
        }
    }
}

fn in_memory_operations_send_nothing(db: &Db) {
    blog::seed(db, 10).unwrap();
    let posts = db
        .all(&Post::query().prefetch_related(Post::tags()))
        .unwrap();
    let (found, sent) = db.capture(|| {
        let mut found = 0;
        for p in &posts {
            let tags = p.tags.get().unwrap();
            found += tags.iter().filter(|t| t.name.ends_with('1')).count();
            found += usize::from(tags.iter().any(|t| t.id == 3));
            found += p.tags.get().unwrap().len();
        }
        found
    });
    assert!(found > 0);
    assert!(sent.is_empty(), "in-memory operations ran {sent:?}");
}

fn plan_shows_every_level(db: &Db) {
    let q = Order::query()
        .select_related(Order::customer())
        .prefetch_related(
            Order::items()
                .then(Item::product())
                .then(Product::reviews()),
        )
        .prefetch(
            Prefetch::new(Order::items()).prefetch(
                Prefetch::new(Item::product())
                    .prefetch(Prefetch::new(Product::reviews()).to(Product::top_reviews())),
            ),
        );
    let lookups: Vec<String> = q.plan(db.dialect()).into_iter().map(|p| p.lookup).collect();
    assert_eq!(
        lookups,
        vec![
            "base",
            "items",
            "items__product",
            "items__product__reviews",
            "items__product__reviews -> top_reviews"
        ]
    );
    // Planning sent nothing.
    assert_eq!(db.log().count(), 0);
}

fn duplicate_through_rows(db: &Db) {
    blog::seed(db, 3).unwrap();
    // A link table without a primary key, holding the same link twice: the
    // post gets the tag twice, as the per-row query would return it.
    db.execute(&db.sql(r#"DROP TABLE "blog_post_tags""#), &[])
        .unwrap();
    db.execute(
        &db.sql(r#"CREATE TABLE "blog_post_tags" ("post_id" BIGINT, "tag_id" BIGINT)"#),
        &[],
    )
    .unwrap();
    for (p, t) in [(1, 2), (1, 2), (1, 5), (2, 5)] {
        db.link(Post::tags(), &p, &t).unwrap();
    }
    let posts = db
        .all(
            &Post::query()
                .prefetch_related(Post::tags())
                .order_by(Post::id().asc()),
        )
        .unwrap();
    assert_eq!(shared_ids(posts[0].tags.get().unwrap()), vec![2, 2, 5]);
    assert_eq!(shared_ids(posts[1].tags.get().unwrap()), vec![5]);
    assert_eq!(shared_ids(posts[2].tags.get().unwrap()), Vec::<i64>::new());
    // Tag 5 is shared by posts 1 and 2: each holds its own copy.
    assert_eq!(
        posts[0].tags.get().unwrap()[2],
        posts[1].tags.get().unwrap()[0]
    );
}

/// Each post's tags with an id of at least `min` (the ones a case linked),
/// sorted, posts in id order.
fn tags_linked_from(db: &Db, min: i64) -> Vec<Vec<i64>> {
    let posts = db
        .all(
            &Post::query()
                .prefetch_related(Post::tags())
                .order_by(Post::id().asc()),
        )
        .unwrap();
    posts
        .iter()
        .map(|p| {
            let mut ids = shared_ids(p.tags.get().unwrap());
            ids.retain(|&id| id >= min);
            ids.sort();
            ids
        })
        .collect()
}

/// `link` and `link_all` take each side as a row, a typed row or a key,
/// as Django's `add` takes objects or ids.
fn link_takes_rows_or_keys(db: &Db) {
    blog::seed(db, 4).unwrap();
    let new_tags: Vec<Tag> = (100..104)
        .map(|id| Tag {
            id,
            name: format!("new{id}"),
            posts: Default::default(),
        })
        .collect();
    db.insert_all(&new_tags).unwrap();
    let posts = db.all(&Post::query().order_by(Post::id().asc())).unwrap();
    let typed = db
        .fetch(
            &Post::query()
                .select_related(Post::author())
                .filter(Post::id().eq(3)),
        )
        .unwrap();
    db.link(Post::tags(), &posts[0], &new_tags[0]).unwrap(); // rows
    db.link(Post::tags(), &2, &new_tags[1]).unwrap(); // key, row
    db.link(Post::tags(), &typed[0], &102).unwrap(); // typed row, key
    db.link(Post::tags(), &4, &103).unwrap(); // keys
    db.link_all(
        Post::tags(),
        &[
            (posts[0].clone(), new_tags[3].clone()),
            (posts[1].clone(), new_tags[3].clone()),
        ],
    )
    .unwrap();
    assert_eq!(
        tags_linked_from(db, 100),
        vec![vec![100, 103], vec![101, 103], vec![102], vec![103]]
    );
    let loaded = db
        .all(
            &Post::query()
                .prefetch_related(Post::tags())
                .order_by(Post::id().asc()),
        )
        .unwrap();
    // The seeded links are untouched.
    for p in &loaded {
        let mut old = shared_ids(p.tags.get().unwrap());
        old.retain(|&id| id < 100);
        old.sort();
        assert_eq!(old, tags_of(p.id));
    }
}

/// The reverse side of a many-to-many links too (Django's
/// `tag.posts.add(post)`): the row goes into the same link table, each key
/// in its own column, and both sides read it.
fn link_from_the_reverse_side(db: &Db) {
    blog::seed(db, 3).unwrap();
    let tag = Tag {
        id: 200,
        name: "reverse".into(),
        posts: Default::default(),
    };
    db.insert(&tag).unwrap();
    let posts = db.all(&Post::query().order_by(Post::id().asc())).unwrap();
    db.link(Tag::posts(), &tag, &posts[0]).unwrap(); // rows
    db.link(Tag::posts(), &200, &3).unwrap(); // keys
    let more = Tag {
        id: 201,
        name: "more".into(),
        posts: Default::default(),
    };
    db.insert(&more).unwrap();
    db.link_all(
        Tag::posts(),
        &[(more.clone(), posts[1].clone()), (more, posts[2].clone())],
    )
    .unwrap();
    // Read from the reverse side ...
    let tags = db
        .all(
            &Tag::query()
                .filter(Tag::id().ge(200))
                .prefetch_related(Tag::posts())
                .order_by(Tag::id().asc()),
        )
        .unwrap();
    let post_ids = |t: &Tag| -> Vec<i64> {
        let mut ids: Vec<i64> = t.posts.get().unwrap().iter().map(|p| p.id).collect();
        ids.sort();
        ids
    };
    assert_eq!(
        tags.iter().map(post_ids).collect::<Vec<_>>(),
        vec![vec![1, 3], vec![2, 3]]
    );
    // ... and from the forward side: the same rows.
    assert_eq!(
        tags_linked_from(db, 200),
        vec![vec![200], vec![201], vec![200, 201]]
    );
}

/// The posts linked to tag `t` among the first `posts`, by the seed's rule.
fn posts_of_tag(t: i64, posts: i64) -> Vec<i64> {
    (1..=posts).filter(|&i| tags_of(i).contains(&t)).collect()
}

/// `Prefetch::new(..).queryset(query)`: the query's filter (ANDed with the
/// `Prefetch`'s own), order, JOINs, nested prefetches and its limit and
/// offset as a per-parent slice, as Django's `Prefetch("posts",
/// queryset=Post.objects.filter(..).order_by(..)[1:3])`.
fn queryset_is_djangos_prefetch_queryset(db: &Db) {
    blog::seed(db, 24).unwrap();
    let posts = Post::query()
        .filter(Post::id().ge(3))
        .order_by(Post::id().desc())
        .select_related(Post::author())
        .prefetch_related(Post::tags())
        .offset(1)
        .limit(2);
    let tags = db
        .fetch(
            &Tag::query().order_by(Tag::id().asc()).prefetch(
                Prefetch::new(Tag::posts())
                    .filter(Post::id().le(20))
                    .queryset(posts),
            ),
        )
        .unwrap();
    assert_eq!(tags.len(), 8);
    for tag in &tags {
        // Linked posts 3..=20, newest first, the first skipped, two kept.
        let mut want: Vec<i64> = posts_of_tag(tag.id, 24)
            .into_iter()
            .filter(|&i| (3..=20).contains(&i))
            .collect();
        want.reverse();
        let want: Vec<i64> = want.into_iter().skip(1).take(2).collect();
        let got: Vec<i64> = tag.posts().iter().map(|p| p.id).collect();
        assert_eq!(got, want, "tag {}", tag.id);
        for post in tag.posts() {
            // The queryset's JOIN and nested level, in the rows' type.
            assert_eq!(post.author().name, format!("Author {}", post.id % 10 + 1));
            let mut tag_ids: Vec<i64> = post.tags().iter().map(|t| t.id).collect();
            tag_ids.sort();
            assert_eq!(tag_ids, tags_of(post.id));
        }
    }
    // A lookup given twice with different queries inside the queryset is
    // the load's error, before anything is sent, as it is on the query.
    let twice = Post::query()
        .prefetch(Prefetch::new(Post::tags()).filter(Tag::id().lt(3)))
        .prefetch(Prefetch::new(Post::tags()).filter(Tag::id().gt(5)));
    let (result, sent) =
        db.capture(|| db.all(&Tag::query().prefetch(Prefetch::new(Tag::posts()).queryset(twice))));
    assert!(sent.is_empty(), "sent {sent:?}");
    let err = result.unwrap_err();
    assert!(
        matches!(&err, Error::DuplicateLookup { lookup, .. } if lookup.contains("tags")),
        "{err}"
    );
    // A queryset with nothing of its own is the plain relation.
    let plain = db
        .all(&Tag::query().prefetch(Prefetch::new(Tag::posts()).queryset(Post::query())))
        .unwrap();
    for tag in &plain {
        assert_eq!(
            shared_ids(tag.posts.get().unwrap()),
            posts_of_tag(tag.id, 24)
        );
    }
}

/// `Prefetch::offset`: each parent's first rows in the prefetch's order
/// are skipped, alone or with `limit`.
fn offset_skips_each_parents_first_rows(db: &Db) {
    blog::seed(db, 12).unwrap();
    let skip_one = db
        .all(
            &Post::query().order_by(Post::id().asc()).prefetch(
                Prefetch::new(Post::tags())
                    .order_by(Tag::id().asc())
                    .offset(1),
            ),
        )
        .unwrap();
    let paged = db
        .all(
            &Post::query().order_by(Post::id().asc()).prefetch(
                Prefetch::new(Post::tags())
                    .order_by(Tag::id().desc())
                    .offset(1)
                    .limit(2),
            ),
        )
        .unwrap();
    for (a, b) in skip_one.iter().zip(&paged) {
        let all = tags_of(a.id);
        assert_eq!(shared_ids(a.tags.get().unwrap()), all[1..].to_vec());
        let mut desc = all.clone();
        desc.reverse();
        let want: Vec<i64> = desc.into_iter().skip(1).take(2).collect();
        assert_eq!(shared_ids(b.tags.get().unwrap()), want);
    }
}

/// `insert_all` and `link_all` inside a transaction of the caller's run in
/// it: the caller's rollback undoes them, its commit keeps them.
fn writes_inside_the_callers_transaction(db: &Db) {
    blog::seed(db, 2).unwrap();
    let tags = |ids: std::ops::RangeInclusive<i64>| -> Vec<Tag> {
        ids.map(|id| Tag {
            id,
            name: format!("t{id}"),
            posts: Default::default(),
        })
        .collect()
    };
    let undone = db.transaction(|db| {
        db.insert_all(&tags(100..=102))?;
        db.link_all(Post::tags(), &[(1, 100), (2, 101)])?;
        Err(Error::Database {
            message: "the caller changes its mind".into(),
            statement: String::new(),
            source: None,
        })
    });
    assert!(undone.is_err());
    let count = |db: &Db| db.count(&Tag::query().filter(Tag::id().ge(100))).unwrap();
    assert_eq!(count(db), 0);
    db.transaction(|db| {
        db.insert_all(&tags(100..=102))?;
        db.link_all(Post::tags(), &[(1, 100), (2, 101)])
    })
    .unwrap();
    assert_eq!(count(db), 3);
    assert_eq!(tags_linked_from(db, 100), vec![vec![100], vec![101]]);
}

/// On SQLite a failing `insert_all` inside the caller's transaction (or an
/// outer `transaction`) undoes only its own rows, in a savepoint, and
/// leaves that transaction open for the caller to commit.
fn a_failed_write_inside_the_callers_transaction_undoes_only_itself(db: &Db) {
    let sqlite = db.as_sqlite().expect("a SQLite case");
    blog::seed(db, 2).unwrap();
    let tag = |id: i64| Tag {
        id,
        name: format!("t{id}"),
        posts: Default::default(),
    };
    sqlite
        .transaction(|s| {
            s.insert(&tag(100))?;
            // 101 goes in, then 100 again fails: both of this call undone.
            let failed = s.insert_all(&[tag(101), tag(100)]);
            assert!(failed.is_err());
            assert!(
                !s.connection().is_autocommit(),
                "still in the outer transaction"
            );
            s.insert(&tag(102))?;
            // One that succeeds keeps its rows in the outer transaction.
            s.insert_all(&[tag(103), tag(104)])
        })
        .unwrap();
    let mut ids: Vec<i64> = db
        .all(&Tag::query().filter(Tag::id().ge(100)))
        .unwrap()
        .iter()
        .map(|t| t.id)
        .collect();
    ids.sort();
    assert_eq!(ids, vec![100, 102, 103, 104]);
}

/// A closure that panics inside `Sqlite::transaction` leaves no
/// transaction open: its rows are rolled back as the panic unwinds, at the
/// top level and in a savepoint inside the caller's transaction.
fn a_panic_inside_transaction_rolls_back(db: &Db) {
    let sqlite = db.as_sqlite().expect("a SQLite case");
    blog::seed(db, 1).unwrap();
    let tag = |id: i64| Tag {
        id,
        name: format!("t{id}"),
        posts: Default::default(),
    };
    // Insert tag `id` in a `transaction` whose closure then panics.
    let panics_after_inserting = |id: i64| {
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            sqlite
                .transaction(|s| -> related::Result<()> {
                    s.insert(&tag(id))?;
                    panic!("the caller's code fails half-way");
                })
                .unwrap();
        }));
        assert!(caught.is_err());
    };
    panics_after_inserting(100);
    assert!(
        sqlite.connection().is_autocommit(),
        "no transaction left open"
    );
    sqlite.execute_batch("BEGIN").unwrap();
    sqlite.insert(&tag(101)).unwrap();
    panics_after_inserting(102);
    assert!(
        !sqlite.connection().is_autocommit(),
        "the caller's transaction stays open"
    );
    sqlite.execute_batch("COMMIT").unwrap();
    let ids: Vec<i64> = db
        .all(&Tag::query().filter(Tag::id().ge(100)))
        .unwrap()
        .iter()
        .map(|t| t.id)
        .collect();
    assert_eq!(ids, vec![101]);
}

fn through_row_to_missing_child(db: &Db) {
    // The other backends refuse the dangling link row.
    let sqlite = db.as_sqlite().expect("a SQLite case");
    blog::seed(db, 2).unwrap();
    sqlite.execute_batch("PRAGMA foreign_keys = OFF").unwrap();
    db.link(Post::tags(), &1, &999).unwrap();
    db.link(Post::tags(), &999, &1).unwrap();
    let posts = db
        .all(
            &Post::query()
                .prefetch_related(Post::tags())
                .order_by(Post::id().asc()),
        )
        .unwrap();
    // The link to a missing tag is dropped (the INNER JOIN finds no tag);
    // the link from a missing post matches no parent and is dropped.
    assert_eq!(shared_ids(posts[0].tags.get().unwrap()), tags_of(1));
    let publishers = db
        .all(&Publisher::query().prefetch_related(Publisher::authors()))
        .unwrap();
    assert_eq!(publishers.len(), 3);
}

fn split_at_the_variable_limit(db: &Db) {
    // A SQLite connection configured to split key lists at 7 variables
    // (the servers' splitting is covered by the oracle and the scale case).
    assert!(db.as_sqlite().is_some());
    let mut sqlite = Sqlite::open_in_memory().unwrap().with_expanded_key_lists();
    assert_eq!(sqlite.set_max_variables(7), 7);
    let db = Db::from_sqlite(sqlite);
    blog::seed(&db, 20).unwrap();
    let q = Post::query()
        .prefetch_related(Post::tags())
        .order_by(Post::id().asc());
    let (posts, sent) = db.capture(|| db.all(&q));
    let posts = posts.unwrap();
    // 20 keys, 7 per statement: 3 statements for the level.
    assert_eq!(sent.len(), 4, "{:#?}", sqls(&sent));
    assert_eq!(
        sent.iter().skip(1).map(|s| s.params).collect::<Vec<_>>(),
        vec![7, 7, 6]
    );
    for p in &posts {
        assert_eq!(shared_ids(p.tags.get().unwrap()), tags_of(p.id));
    }
    // The filter's own parameters count against the limit too.
    let q = Post::query()
        .prefetch(Prefetch::new(Post::tags()).filter(Tag::name().ne("x") & Tag::id().gt(0i64)));
    let (_, sent) = db.capture(|| db.all(&q));
    assert!(sent.iter().all(|s| s.params <= 7), "{sent:#?}");
    assert_eq!(sent.len(), 1 + 4, "5 keys per statement");
}

fn hundred_thousand_parents(db: &Db) {
    const N: i64 = 100_000;
    db.create_tables(&blog::models()).unwrap();
    db.insert_all(&[Publisher {
        id: 1,
        name: "P".into(),
        authors: Default::default(),
    }])
    .unwrap();
    let authors: Vec<Author> = (1..=50)
        .map(|id| Author {
            id,
            name: format!("Author {id}"),
            email: None,
            publisher: ForeignKey::new(1),
            posts: Default::default(),
        })
        .collect();
    db.insert_all(&authors).unwrap();
    let tags: Vec<Tag> = (1..=8)
        .map(|id| Tag {
            id,
            name: format!("tag{id}"),
            posts: Default::default(),
        })
        .collect();
    db.insert_all(&tags).unwrap();
    let posts: Vec<Post> = (1..=N)
        .map(|id| Post {
            id,
            title: format!("Post {id}"),
            author: ForeignKey::new(id % 50 + 1),
            editor: None,
            tags: Default::default(),
            python_tags: Default::default(),
        })
        .collect();
    db.insert_all(&posts).unwrap();
    let pairs: Vec<(i64, i64)> = (1..=N)
        .flat_map(|i| tags_of(i).into_iter().map(move |t| (i, t)))
        .collect();
    db.link_all(Post::tags(), &pairs).unwrap();
    let q = Post::query()
        .select_related(Post::author())
        .prefetch_related(Post::tags())
        .order_by(Post::id().asc());
    let (posts, sent) = db.capture(|| db.all(&q));
    let posts = posts.unwrap();
    // One base statement, and one for the level unless the backend splits
    // key lists at its bind-parameter limit (MySQL: 65,535).
    let expected_statements = match db.dialect() {
        related::Dialect::Mysql => 1 + (N as usize).div_ceil(65_535),
        _ => 2,
    };
    assert_eq!(sent.len(), expected_statements);
    assert_eq!(posts.len(), N as usize);
    let mut links = 0;
    for p in &posts {
        assert_eq!(p.author.get().unwrap().id, p.id % 50 + 1);
        let t = shared_ids(p.tags.get().unwrap());
        assert_eq!(t, tags_of(p.id));
        links += t.len();
    }
    assert_eq!(links, pairs.len());
}
