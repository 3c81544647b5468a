//! Typed rows (`Query::fetch`): the relations a query loaded are in the
//! type of its rows, read without `?`, at every depth, and functions
//! require them structurally. Expected values come from the seed's
//! formulas (`blog::seed`), not from the loader.

use related::{Error, Loaded, NotLoaded, Prefetch, Value};
// Only the models and the bounds: the accessors need no import.
use related_tests::blog::{self, Author, AuthorHasPublisher, Post, PostHasAuthor, Publisher, Tag};
use related_tests::harness::{Case, Db, SQLITE};
use related_tests::ordered::{self, Board, BoardHasNoteCount, LABELS, NOTES, Note, labelled};

pub const CASES: &[Case] = &[
    Case::new("typed::select_related_chain", select_related_chain),
    Case::new("typed::prefetch_three_levels", prefetch_three_levels),
    Case::new("typed::nullable_and_many", nullable_and_many),
    Case::new(
        "typed::functions_take_any_superset",
        functions_take_any_superset,
    ),
    Case::new("typed::fetch_one_and_first", fetch_one_and_first),
    Case::new("typed::fetch_onto_adds_levels", fetch_onto_adds_levels),
    Case::new(
        "typed::untyped_model_stays_reachable",
        untyped_model_stays_reachable,
    ),
    Case::new("typed::missing_row_is_an_error", missing_row_is_an_error).on(SQLITE),
    Case::new(
        "typed::prefetch_filter_leaves_out_a_nullable_key",
        prefetch_filter_leaves_out_a_nullable_key,
    ),
    Case::new("typed::serializes_as_the_model", serializes_as_the_model),
    Case::new("typed::prefetch_objects", prefetch_objects),
    Case::new("typed::prefetch_below_levels", prefetch_below_levels),
    Case::new("typed::counts_are_typed", counts_are_typed),
];

const POSTS: i64 = 12;

/// The seed's author of post `i`, and that author's publisher.
fn author_of(post: i64) -> i64 {
    post % 10 + 1
}
fn publisher_of(author: i64) -> i64 {
    author % 3 + 1
}
/// The seed's tags of post `i`, in key order.
fn tags_of(post: i64) -> Vec<i64> {
    let mut tags: Vec<i64> = (0..(post % 4 + 1))
        .map(|k| (post + k * 3) % 8 + 1)
        .collect();
    tags.sort();
    tags
}

fn select_related_chain(db: &Db) {
    blog::seed(db, POSTS).unwrap();
    let posts = db
        .fetch(
            &Post::query()
                .select_related(Post::author().then(Author::publisher()))
                .order_by(Post::id().asc()),
        )
        .unwrap();
    assert_eq!(posts.len(), POSTS as usize);
    for post in &posts {
        let author = author_of(post.id);
        assert_eq!(post.author().id, author);
        assert_eq!(post.author().name, format!("Author {author}"));
        let publisher = publisher_of(author);
        assert_eq!(
            post.author().publisher().name,
            format!("Publisher {publisher}")
        );
    }
}

fn prefetch_three_levels(db: &Db) {
    blog::seed(db, POSTS).unwrap();
    let publishers = db
        .fetch(
            &Publisher::query()
                .prefetch_related(
                    Publisher::authors()
                        .then(Author::posts())
                        .then(Post::tags()),
                )
                .order_by(Publisher::id().asc()),
        )
        .unwrap();
    assert_eq!(publishers.len(), 3);
    for publisher in &publishers {
        let authors: Vec<i64> = publisher.authors().iter().map(|a| a.id).collect();
        let expected: Vec<i64> = (1..=10)
            .filter(|a| publisher_of(*a) == publisher.id)
            .collect();
        assert_eq!(authors, expected);
        for author in publisher.authors() {
            let posts: Vec<i64> = author.posts().iter().map(|p| p.id).collect();
            let expected: Vec<i64> = (1..=POSTS).filter(|p| author_of(*p) == author.id).collect();
            assert_eq!(posts, expected, "posts of author {}", author.id);
            for post in author.posts() {
                let tags: Vec<i64> = post.tags().into_iter().map(|t| t.id).collect();
                let expected = tags_of(post.id);
                assert_eq!(tags, expected, "tags of post {}", post.id);
                // Read as a slice: first, last, an index, a loop by reference.
                let rows = post.tags();
                assert_eq!(rows.first().map(|t| t.id), expected.first().copied());
                assert_eq!(rows.last().map(|t| t.id), expected.last().copied());
                assert_eq!(rows[0].id, expected[0]);
                assert_eq!(
                    rows[rows.len() - 1].name,
                    format!("tag{}", expected[expected.len() - 1])
                );
                let mut by_ref = Vec::new();
                for tag in &rows {
                    by_ref.push(tag.id);
                }
                assert_eq!(by_ref, expected);
            }
        }
    }
}

fn nullable_and_many(db: &Db) {
    blog::seed(db, POSTS).unwrap();
    let posts = db
        .fetch(
            &Post::query()
                .prefetch_related(Post::tags())
                .select_related(Post::editor())
                .order_by(Post::id().asc()),
        )
        .unwrap();
    for post in &posts {
        let editor = post.editor().map(|e| e.id);
        let expected = (post.id % 3 == 0).then(|| (post.id + 5) % 10 + 1);
        assert_eq!(editor, expected, "editor of post {}", post.id);
        let tags = post.tags();
        assert_eq!(tags.len(), tags_of(post.id).len());
        assert_eq!(tags.get(0).map(|t| t.id), tags_of(post.id).first().copied());
        assert_eq!(
            tags.as_models().iter().map(|t| t.id).collect::<Vec<_>>(),
            tags_of(post.id)
        );
    }
}

/// "A post with its author loaded", whatever else the query loaded.
fn byline<L, A>(post: &Loaded<Post, L>) -> String
where
    L: PostHasAuthor<A>,
{
    format!("{} by {}", post.title, post.author().name)
}

/// The same bound in one line: the set as `impl PostHasAuthor<A>`.
fn byline_in_one_line<A>(post: &Loaded<Post, impl PostHasAuthor<A>>) -> String {
    format!("{} by {}", post.title, post.author().name)
}

/// "A post with its author and the author's publisher loaded".
fn imprint<L, A, P>(post: &Loaded<Post, L>) -> String
where
    L: PostHasAuthor<A>,
    A: AuthorHasPublisher<P>,
{
    post.author().publisher().name.clone()
}

fn functions_take_any_superset(db: &Db) {
    blog::seed(db, POSTS).unwrap();
    let order = Post::id().asc();
    let only = db
        .fetch(&Post::query().select_related(Post::author()).order_by(order))
        .unwrap();
    // More relations, in the other order, through a prefetch.
    let superset = db
        .fetch(
            &Post::query()
                .prefetch_related(Post::tags())
                .prefetch_related(Post::author())
                .order_by(Post::id().asc()),
        )
        .unwrap();
    // Nested extras: the author's publisher and posts.
    let nested = db
        .fetch(
            &Post::query()
                .select_related(Post::author().then(Author::publisher()))
                .prefetch_related(Post::author().then(Author::posts()))
                .order_by(Post::id().asc()),
        )
        .unwrap();
    // The same relations in another order, or given twice, are the same
    // type: `same_type` compiles only if they are.
    fn same_type<T>(_: &T, _: &T) {}
    let same = Post::query()
        .select_related(Post::author())
        .prefetch_related(Post::tags());
    let reordered = Post::query()
        .prefetch_related(Post::tags())
        .select_related(Post::author())
        .prefetch_related(Post::tags());
    same_type(&same, &reordered);
    assert_eq!(db.fetch(&reordered).unwrap().len(), POSTS as usize);
    assert_eq!(db.fetch(&same).unwrap().len(), POSTS as usize);
    let expected: Vec<String> = (1..=POSTS)
        .map(|i| format!("Post {i} by Author {}", author_of(i)))
        .collect();
    assert_eq!(only.iter().map(byline).collect::<Vec<_>>(), expected);
    assert_eq!(superset.iter().map(byline).collect::<Vec<_>>(), expected);
    assert_eq!(nested.iter().map(byline).collect::<Vec<_>>(), expected);
    let one_line: Vec<String> = superset.iter().map(byline_in_one_line).collect();
    assert_eq!(one_line, expected);
    let one_line: Vec<String> = nested.iter().map(byline_in_one_line).collect();
    assert_eq!(one_line, expected);
    for post in &nested {
        assert_eq!(
            imprint(post),
            format!("Publisher {}", publisher_of(author_of(post.id)))
        );
        let ids: Vec<i64> = post.author().posts().iter().map(|p| p.id).collect();
        let expected: Vec<i64> = (1..=POSTS)
            .filter(|p| author_of(*p) == author_of(post.id))
            .collect();
        assert_eq!(ids, expected);
    }
    // `Loaded<Post>` (the set left out) is a row with nothing loaded: a
    // function reading only columns takes rows of a query that loaded none.
    fn heading(post: &Loaded<Post>) -> String {
        format!("#{} {}", post.id, post.title)
    }
    let bare = db.fetch(&Post::query().order_by(Post::id().asc())).unwrap();
    let headings: Vec<String> = bare.iter().map(heading).collect();
    let want: Vec<String> = (1..=POSTS).map(|i| format!("#{i} Post {i}")).collect();
    assert_eq!(headings, want);
    // A function returns typed rows by naming what it promises
    // (`Plain<Author>`: an author with nothing loaded below it), however
    // much more its query loads.
    fn with_authors(
        db: &Db,
    ) -> related::Result<Vec<Loaded<Post, impl PostHasAuthor<related::Plain<Author>>>>> {
        db.fetch(
            &Post::query()
                .select_related(Post::author())
                .prefetch_related(Post::tags())
                .order_by(Post::id().asc()),
        )
    }
    let returned = with_authors(db).unwrap();
    assert_eq!(returned.iter().map(byline).collect::<Vec<_>>(), expected);
}

fn fetch_one_and_first(db: &Db) {
    blog::seed(db, POSTS).unwrap();
    let query = Post::query()
        .select_related(Post::author())
        .filter(Post::id().eq(7i64));
    let post = db.fetch_one(&query).unwrap();
    assert_eq!(post.author().id, author_of(7));
    // A clone keeps the type; the plain model compares equal.
    let copy = post.clone();
    assert_eq!(copy.author().name, format!("Author {}", author_of(7)));
    let plain = db.one(&query).unwrap();
    assert_eq!(post, plain);
    assert_eq!(format!("{post:?}"), format!("{plain:?}"));
}

fn untyped_model_stays_reachable(db: &Db) {
    blog::seed(db, POSTS).unwrap();
    let post = db
        .fetch_one(
            &Post::query()
                .select_related(Post::author())
                .filter(Post::id().eq(3i64)),
        )
        .unwrap();
    // The relations the type does not claim answer at run time, as before.
    assert_eq!(
        post.tags.get().unwrap_err(),
        NotLoaded::PrefetchOnly {
            model: "Post",
            field: "tags"
        }
    );
    let model: Post = post.into_inner();
    assert_eq!(model.author.get().unwrap().id, author_of(3));
}

/// A foreign key to no row (no constraint) cannot be held by a typed row:
/// the typed load fails and names the model and field; the untyped load of
/// the same query still returns the row.
fn missing_row_is_an_error(db: &Db) {
    // The servers enforce the constraints `create_tables` made; SQLite can
    // switch them off, so the dangling row is made there.
    let sqlite = db.as_sqlite().expect("a SQLite case");
    blog::seed(db, 3).unwrap();
    sqlite.execute_batch("PRAGMA foreign_keys = OFF").unwrap();
    db.execute(
        r#"INSERT INTO "blog_post" ("id", "title", "author_id") VALUES (?, ?, ?)"#,
        &[
            Value::I64(50),
            Value::Text("dangling".into()),
            Value::I64(1000),
        ],
    )
    .unwrap();
    let query = Post::query()
        .prefetch_related(Post::author())
        .filter(Post::id().eq(50i64));
    let err = db.fetch(&query).unwrap_err();
    match &err {
        Error::Untypable { error, statement } => {
            assert_eq!(
                *error,
                NotLoaded::Missing {
                    model: "Post",
                    field: "author"
                }
            );
            // The statement that should have found the row: the level's.
            assert!(statement.contains("FROM \"blog_author\""), "{statement}");
        }
        other => panic!("expected Untypable, got {other}"),
    }
    assert!(err.to_string().contains("`Post.author`"), "{err}");
    assert_eq!(db.all(&query).unwrap().len(), 1);

    // Onto rows the caller holds, no base statement was sent: the error
    // names the statement of the level that found no row.
    let rows = db.all(&Post::query().filter(Post::id().eq(50i64))).unwrap();
    let onto = Post::query().select_related(Post::author());
    match db.fetch_onto(&onto, rows.clone()).unwrap_err() {
        Error::Untypable { error, statement } => {
            assert_eq!(
                error,
                NotLoaded::Missing {
                    model: "Post",
                    field: "author"
                }
            );
            assert!(statement.contains("blog_author"), "{statement}");
            assert!(!statement.contains("blog_post"), "{statement}");
        }
        other => panic!("expected Untypable, got {other}"),
    }
    // A row built by hand: its field knows no name of its own, and the
    // error names the model and field all the same.
    let mut hand = rows[0].clone();
    hand.author = related::ForeignKey::new(1000i64);
    match db.fetch_onto(&onto, vec![hand]).unwrap_err() {
        Error::Untypable { error, .. } => assert_eq!(
            error,
            NotLoaded::Missing {
                model: "Post",
                field: "author"
            }
        ),
        other => panic!("expected Untypable, got {other}"),
    }
}

/// A `Prefetch` whose filter leaves out the row a nullable foreign key
/// points at: the row keeps its key, its field says the row was not found
/// and why (Django reads `None`, as if there were no editor), and a typed
/// load fails naming the field, as for a non-null key.
fn prefetch_filter_leaves_out_a_nullable_key(db: &Db) {
    blog::seed(db, 9).unwrap();
    let query = Post::query()
        .prefetch(Prefetch::new(Post::editor()).filter(Author::id().eq(2i64)))
        .order_by(Post::id().asc());
    let posts = db.all(&query).unwrap();
    let editors: Vec<(i64, Option<Result<i64, NotLoaded>>)> = posts
        .iter()
        .map(|p| (p.id, p.editor.as_ref().map(|e| e.get().map(|a| a.id))))
        .collect();
    let missing = NotLoaded::Missing {
        model: "Post",
        field: "editor",
    };
    let left_out = Err(missing);
    assert_eq!(
        editors,
        [
            (1, None),
            (2, None),
            (3, Some(left_out)),
            (4, None),
            (5, None),
            (6, Some(Ok(2))),
            (7, None),
            (8, None),
            (9, Some(left_out)),
        ]
    );
    let shown = missing.to_string();
    assert!(
        shown.contains("filter or limit of the `Prefetch`"),
        "{shown}"
    );
    match db.fetch(&query).unwrap_err() {
        Error::Untypable { error, statement } => {
            assert_eq!(Err(error), left_out);
            // The prefetch's statement, whose filter left the row out.
            assert!(statement.contains("blog_author"), "{statement}");
            assert!(!statement.contains("blog_post"), "{statement}");
        }
        other => panic!("expected Untypable, got {other}"),
    }
}

fn serializes_as_the_model(db: &Db) {
    blog::seed(db, 3).unwrap();
    let post = db
        .fetch_one(
            &Post::query()
                .select_related(Post::author().then(Author::publisher()))
                .prefetch_related(Post::tags())
                .filter(Post::id().eq(3i64)),
        )
        .unwrap();
    let typed = serde_json::to_value(&post).unwrap();
    assert_eq!(typed["author"]["publisher"]["name"], "Publisher 2");
    assert_eq!(
        typed["tags"].as_array().map(Vec::len),
        Some(tags_of(3).len())
    );
    assert_eq!(typed, serde_json::to_value(post.as_model()).unwrap());
    let _: &Tag = post.tags().as_models().first().unwrap();
}

/// `fetch_onto` adds a query's prefetch levels to typed rows, and to plain
/// rows of `raw`: the result's type holds both sets.
fn fetch_onto_adds_levels(db: &Db) {
    blog::seed(db, POSTS).unwrap();
    let rows = db
        .fetch(
            &Post::query()
                .select_related(Post::author())
                .order_by(Post::id().asc()),
        )
        .unwrap();
    let tags = Post::query().prefetch_related(Post::tags());
    let rows = db.fetch_onto(&tags, rows).unwrap();
    for post in &rows {
        assert_eq!(post.author().id, author_of(post.id));
        let ids: Vec<i64> = post.tags().iter().map(|t| t.id).collect();
        assert_eq!(ids, tags_of(post.id), "tags of post {}", post.id);
    }
    let raw: Vec<Post> = db
        .raw(&db.sql(r#"SELECT * FROM "blog_post" WHERE "id" = 5"#), &[])
        .unwrap();
    let typed = db
        .fetch_onto(
            &Post::query().prefetch_related(Post::author().then(Author::publisher())),
            raw.into_iter().map(Loaded::plain).collect(),
        )
        .unwrap();
    assert_eq!(typed[0].author().publisher().id, publisher_of(author_of(5)));
    // Plain rows go in as they are, claiming no relation.
    let raw: Vec<Post> = db
        .raw(
            &db.sql(r#"SELECT * FROM "blog_post" WHERE "id" IN (2, 3)"#),
            &[],
        )
        .unwrap();
    let typed = db.fetch_onto(&tags, raw).unwrap();
    let mut ids: Vec<(i64, Vec<i64>)> = typed
        .iter()
        .map(|p| (p.id, p.tags().iter().map(|t| t.id).collect()))
        .collect();
    ids.sort();
    assert_eq!(ids, vec![(2, tags_of(2)), (3, tags_of(3))]);

    // A query's select_related paths reach rows handed in as prefetch
    // levels (no JOIN can): what the result's type claims is loaded. One
    // statement per level: author, publisher, tags.
    let raw: Vec<Post> = db
        .raw(
            &db.sql(r#"SELECT * FROM "blog_post" WHERE "id" IN (4, 7)"#),
            &[],
        )
        .unwrap();
    let both = Post::query()
        .select_related(Post::author().then(Author::publisher()))
        .prefetch_related(Post::tags());
    let (typed, sent) = db.capture(|| db.fetch_onto(&both, raw));
    let typed = typed.unwrap();
    assert_eq!(sent.len(), 3, "{sent:#?}");
    let mut got: Vec<(i64, i64, i64, Vec<i64>)> = typed
        .iter()
        .map(|p| {
            let author = p.author();
            let tags = p.tags().iter().map(|t| t.id).collect();
            (p.id, author.id, author.publisher().id, tags)
        })
        .collect();
    got.sort();
    let want: Vec<(i64, i64, i64, Vec<i64>)> = [4, 7]
        .into_iter()
        .map(|id| (id, author_of(id), publisher_of(author_of(id)), tags_of(id)))
        .collect();
    assert_eq!(got, want);

    // Relations the rows already hold are kept, with what was loaded below
    // them, and not asked for again (Django's `prefetch_related_objects`
    // skips what is fetched): the author's publisher survives a query that
    // names only the author, and the one statement is the tags'.
    let rows = db
        .fetch(
            &Post::query()
                .select_related(Post::author().then(Author::publisher()))
                .filter(Post::id().le(6))
                .order_by(Post::id().asc()),
        )
        .unwrap();
    let again = Post::query()
        .select_related(Post::author())
        .prefetch_related(Post::tags());
    let (typed, sent) = db.capture(|| db.fetch_onto(&again, rows));
    let typed = typed.unwrap();
    assert_eq!(sent.len(), 1, "{sent:#?}");
    assert_eq!(typed.len(), 6);
    for post in &typed {
        let author = post.author();
        assert_eq!(author.id, author_of(post.id));
        assert_eq!(author.publisher().id, publisher_of(author.id));
        let ids: Vec<i64> = post.tags().iter().map(|t| t.id).collect();
        assert_eq!(ids, tags_of(post.id), "tags of post {}", post.id);
    }
    // A level below a kept relation runs on the rows it holds: the
    // publishers load onto the authors the rows came with.
    let rows = db
        .fetch(
            &Post::query()
                .select_related(Post::author())
                .filter(Post::id().le(6)),
        )
        .unwrap();
    let below = Post::query().prefetch_related(Post::author().then(Author::publisher()));
    let (typed, sent) = db.capture(|| db.fetch_onto(&below, rows));
    let typed = typed.unwrap();
    assert_eq!(sent.len(), 1, "{sent:#?}");
    for post in &typed {
        assert_eq!(
            post.author().publisher().id,
            publisher_of(author_of(post.id))
        );
    }
}

/// `Prefetch` objects are in the type: a filtered relation reads as loaded
/// (holding the rows that matched), `to` fills its `Prefetched` field's
/// slot, and what a `Prefetch` loads below its rows is typed too.
fn prefetch_objects(db: &Db) {
    blog::seed(db, POSTS).unwrap();
    let posts = db
        .fetch(
            &Post::query()
                .prefetch(
                    Prefetch::new(Post::tags())
                        .filter(Tag::id().le(4))
                        .prefetch_related(Tag::posts()),
                )
                .prefetch(
                    Prefetch::new(Post::tags())
                        .filter(Tag::name().eq("tag2"))
                        .to(Post::python_tags()),
                )
                .order_by(Post::id().asc()),
        )
        .unwrap();
    assert_eq!(posts.len(), POSTS as usize);
    for post in &posts {
        let low: Vec<i64> = tags_of(post.id).into_iter().filter(|t| *t <= 4).collect();
        let tags: Vec<i64> = post.tags().iter().map(|t| t.id).collect();
        assert_eq!(tags, low, "filtered tags of post {}", post.id);
        for tag in post.tags() {
            let posts: Vec<i64> = tag.posts().iter().map(|p| p.id).collect();
            let expected: Vec<i64> = (1..=POSTS)
                .filter(|p| tags_of(*p).contains(&tag.id))
                .collect();
            assert_eq!(posts, expected, "posts of tag {}", tag.id);
        }
        let two: Vec<i64> = post.python_tags().iter().map(|t| t.id).collect();
        let expected: Vec<i64> = tags_of(post.id).into_iter().filter(|t| *t == 2).collect();
        assert_eq!(two, expected, "tag2 of post {}", post.id);
    }
}

/// `prefetch_below` types the path and, below its last hop, what the
/// `Prefetch` loaded.
fn prefetch_below_levels(db: &Db) {
    blog::seed(db, POSTS).unwrap();
    let publishers = db
        .fetch(
            &Publisher::query()
                .prefetch_below(
                    Publisher::authors(),
                    Prefetch::new(Author::posts())
                        .filter(Post::id().le(6))
                        .select_related(Post::editor()),
                )
                .order_by(Publisher::id().asc()),
        )
        .unwrap();
    assert_eq!(publishers.len(), 3);
    for publisher in &publishers {
        for author in publisher.authors() {
            assert_eq!(publisher_of(author.id), publisher.id);
            let posts: Vec<i64> = author.posts().iter().map(|p| p.id).collect();
            let expected: Vec<i64> = (1..=6).filter(|p| author_of(*p) == author.id).collect();
            assert_eq!(posts, expected, "posts of author {}", author.id);
            for post in author.posts() {
                let editor = post.editor().map(|e| e.id);
                let expected = (post.id % 3 == 0).then(|| (post.id + 5) % 10 + 1);
                assert_eq!(editor, expected, "editor of post {}", post.id);
            }
        }
    }
}

/// A function asking for "a board with its notes counted".
fn note_count_of<L, N>(board: &Loaded<Board, L>) -> u64
where
    L: BoardHasNoteCount<N>,
{
    board.note_count()
}

/// Counts are in the rows' type: `board.note_count()` is a `u64`, at the
/// top and on the rows of a `Prefetch`, and a function can ask for one.
/// Expected counts come from the seed's tables (`ordered::NOTES`, `LABELS`,
/// `labelled`).
fn counts_are_typed(db: &Db) {
    ordered::seed(db).unwrap();
    let boards = db
        .fetch(
            &Board::query()
                .count_related(Board::notes(), Board::note_count())
                .count_related_where(Board::notes(), Note::rank().ge(3), Board::ranked_count())
                .prefetch(
                    Prefetch::new(Board::notes())
                        .count_related(Note::labels(), Note::label_count()),
                )
                .order_by(Board::id().asc()),
        )
        .unwrap();
    let ids: Vec<i64> = boards.iter().map(|b| b.id).collect();
    assert_eq!(ids, [1, 2, 3]);
    for board in &boards {
        let notes: Vec<_> = NOTES.iter().filter(|n| n.3 == board.id).collect();
        assert_eq!(board.note_count(), notes.len() as u64, "board {}", board.id);
        assert_eq!(note_count_of(board), notes.len() as u64);
        let ranked = notes.iter().filter(|n| n.2 >= 3).count();
        assert_eq!(board.ranked_count(), ranked as u64, "board {}", board.id);
        assert_eq!(board.notes().len(), notes.len());
        for note in board.notes() {
            let labels = LABELS.iter().filter(|l| labelled(note.id, l.0)).count();
            assert_eq!(note.label_count(), labels as u64, "note {}", note.id);
        }
    }
    // The same counts through the plain model, as before.
    let plain = boards[0].clone().into_inner();
    assert_eq!(plain.note_count.get().unwrap(), boards[0].note_count());
}
