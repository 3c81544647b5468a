//! The blog workload shared by the bench binaries: models, the data
//! generator, and the hand-written code `related` is measured against.
//!
//! Data: 50 authors, 30 tags, posts with one author and 3 to 5 distinct tags,
//! drawn from a fixed-seed PRNG, so every run (and every peer reading the
//! same file) sees the same rows. The job: load every post with its author
//! and its tags, and read `post.title`, `author.name` and every tag name.

#![allow(dead_code)] // each bench binary uses a different part of this module

pub mod cpu;

use std::collections::HashMap;
use std::path::PathBuf;
use std::rc::Rc;

use related::Sqlite;
use related::prelude::*;
use rusqlite::types::Value as SqlValue;

pub const AUTHORS: i64 = 50;
pub const TAGS: i64 = 30;
pub const SIZES: [usize; 3] = [500, 10_000, 100_000];
/// Bump when the generated data changes, so stale files are rebuilt.
const DATA_VERSION: i64 = 2;
const SEED: u64 = 0x5EED_B10C;

#[derive(Clone, Debug, Model)]
#[related(table = "blog_author")]
pub struct Author {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, Model)]
#[related(table = "blog_tag")]
pub struct Tag {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, Model)]
#[related(table = "blog_post")]
pub struct Post {
    pub id: i64,
    pub title: String,
    pub author: ForeignKey<Author>,
    #[related(through = "blog_post_tags")]
    pub tags: ManyToMany<Tag>,
}

/// splitmix64: a tiny deterministic PRNG (no dependency, same stream on
/// every platform).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (the modulo bias is irrelevant here).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}

/// One generated post: its author and its tags.
pub struct GenPost {
    pub id: i64,
    pub title: String,
    pub author: i64,
    pub tags: Vec<i64>,
}

/// One pair of timed runs, `time(true)` for `related` and `time(false)`
/// for the limit, the side that goes first alternating with `i` so that
/// neither always runs on a warmer cache. Returns (related, limit).
pub fn alternate<T>(i: usize, mut time: impl FnMut(bool) -> T) -> (T, T) {
    if i.is_multiple_of(2) {
        let r = time(true);
        (r, time(false))
    } else {
        let l = time(false);
        (time(true), l)
    }
}

/// The posts of a blog of `n` posts (authors and tags are fixed).
pub fn generate(n: usize) -> Vec<GenPost> {
    let mut rng = Rng::new(SEED);
    (1..=n as i64)
        .map(|id| {
            let author = 1 + rng.below(AUTHORS as u64) as i64;
            let k = 3 + rng.below(3) as usize;
            let mut tags: Vec<i64> = Vec::with_capacity(k);
            while tags.len() < k {
                let t = 1 + rng.below(TAGS as u64) as i64;
                if !tags.contains(&t) {
                    tags.push(t);
                }
            }
            GenPost {
                id,
                title: format!("Post {id}: notes on loading related rows"),
                author,
                tags,
            }
        })
        .collect()
}

/// Create the tables and fill them with the blog of `n` posts.
pub fn fill(db: &Sqlite, n: usize) -> related::Result<()> {
    db.create_tables(&[Author::info(), Tag::info(), Post::info()])?;
    let authors: Vec<Author> = (1..=AUTHORS)
        .map(|id| Author {
            id,
            name: format!("Author {id}"),
        })
        .collect();
    let tags: Vec<Tag> = (1..=TAGS)
        .map(|id| Tag {
            id,
            name: format!("tag-{id}"),
        })
        .collect();
    db.insert_all(&authors)?;
    db.insert_all(&tags)?;
    let posts = generate(n);
    db.transaction(|db| {
        for p in &posts {
            db.insert(&Post {
                id: p.id,
                title: p.title.clone(),
                author: ForeignKey::new(p.author),
                tags: Default::default(),
            })?;
            for t in &p.tags {
                db.link(Post::tags(), &p.id, t)?;
            }
        }
        Ok(())
    })
    // No ANALYZE, as in most applications: with `sqlite_stat1` filled,
    // SQLite 3.54 starts the base JOIN from the 50 authors (one random row
    // lookup per post) and runs a bound `IN (...)` list as a scan of the 30
    // tags with one index probe per tag and key (BENCHMARKS.md, "Plans").
}

/// Where the file databases live (shared with the peers and Django):
/// `$RELATED_BENCH_DATA`, else `<workspace>/target/bench-data`.
pub fn data_dir() -> PathBuf {
    match std::env::var_os("RELATED_BENCH_DATA") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../target/bench-data")),
    }
}

pub fn data_file(n: usize) -> PathBuf {
    data_dir().join(format!("blog-{n}.sqlite3"))
}

/// The file database of `n` posts, generated on first use (and again when
/// the generator changes).
pub fn open_file(n: usize) -> Sqlite {
    let path = data_file(n);
    let current = rusqlite::Connection::open(&path)
        .and_then(|c| c.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0)))
        .unwrap_or(0);
    if current != DATA_VERSION {
        std::fs::create_dir_all(data_dir()).expect("create the bench data directory");
        let tmp = path.with_extension("tmp");
        let _ = std::fs::remove_file(&tmp);
        let db = Sqlite::open(&tmp).expect("create the bench database");
        fill(&db, n).expect("fill the bench database");
        db.execute_batch(&format!("PRAGMA user_version = {DATA_VERSION}"))
            .expect("stamp the bench database");
        drop(db);
        std::fs::rename(&tmp, &path).expect("move the bench database in place");
    }
    Sqlite::open(&path).expect("open the bench database")
}

/// A fresh in-memory database of `n` posts.
pub fn open_memory(n: usize) -> Sqlite {
    let db = Sqlite::open_in_memory().expect("open an in-memory database");
    fill(&db, n).expect("fill the in-memory database");
    db
}

// ---------------------------------------------------------------- related

/// The job with `related`: two statements.
#[inline(never)]
pub fn load_related(db: &Sqlite) -> Vec<Post> {
    Post::query()
        .select_related(Post::author())
        .prefetch_related(Post::tags())
        .all(db)
        .expect("related load")
}

/// Read every title, author name and tag name; returns the bytes read so
/// the optimizer cannot drop the reads.
#[inline(never)]
pub fn touch_related(posts: &[Post]) -> usize {
    let mut n = 0;
    for p in posts {
        n += p.title.len();
        n += p.author.get().expect("author loaded").name.len();
        for t in p.tags.get().expect("tags loaded") {
            n += t.name.len();
        }
    }
    n
}

// ------------------------------------------------------- the hand-written limit

/// The plain structs a hand-written loader fills.
#[derive(Clone, Debug, PartialEq)]
pub struct PlainAuthor {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PlainTag {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PlainPost {
    pub id: i64,
    pub title: String,
    pub author: PlainAuthor,
    pub tags: Vec<PlainTag>,
}

const BASE_SQL: &str = "SELECT p.id, p.title, a.id, a.name \
     FROM blog_post p INNER JOIN blog_author a ON a.id = p.author_id";
const TAGS_RARRAY_SQL: &str = "SELECT pt.post_id, t.id, t.name \
     FROM blog_tag t INNER JOIN blog_post_tags pt ON pt.tag_id = t.id \
     WHERE pt.post_id IN rarray(?1)";

fn base_rows(conn: &rusqlite::Connection) -> rusqlite::Result<Vec<PlainPost>> {
    let mut stmt = conn.prepare_cached(BASE_SQL)?;
    let mut rows = stmt.query([])?;
    let mut posts = Vec::new();
    while let Some(r) = rows.next()? {
        posts.push(PlainPost {
            id: r.get(0)?,
            title: r.get(1)?,
            author: PlainAuthor {
                id: r.get(2)?,
                name: r.get(3)?,
            },
            tags: Vec::new(),
        });
    }
    Ok(posts)
}

/// A fast hash for integer keys, so the limit does not pay for SipHash:
/// what a careful hand-written loader would use (and what `related` uses).
pub type IntHash = foldhash::fast::RandomState;

pub type IntMap<V> = HashMap<i64, V, IntHash>;

/// Add the rows of a tags statement to the posts they belong to.
///
/// Tuned by profiling (BENCHMARKS.md): each tag is decoded once and cloned
/// for the other posts that carry it; rows are first collected as
/// `(post, tag)` index pairs so every post's vector is allocated once at its
/// exact size (growing them row by row cost 10-15% at 100,000 posts in
/// allocator work).
fn stitch_tags(
    rows: &mut rusqlite::Rows<'_>,
    posts: &mut [PlainPost],
    index: &IntMap<u32>,
) -> rusqlite::Result<()> {
    let mut stitch = TagStitch::default();
    while let Some(r) = rows.next()? {
        stitch.row(index, r.get(0)?, r.get(1)?, || r.get(2))?;
    }
    stitch.finish(posts);
    Ok(())
}

/// The limit's stitching of `(post_id, tag_id, tag_name)` rows, whatever
/// driver reads them: each tag decoded once, `(post, tag)` index pairs, and
/// each post's vector allocated once at its exact size.
#[derive(Default)]
pub struct TagStitch {
    tag_index: IntMap<u32>,
    tags: Vec<PlainTag>,
    pairs: Vec<(u32, u32)>,
}

impl TagStitch {
    /// One row; `name` is read only for a tag not seen before.
    pub fn row<E>(
        &mut self,
        index: &IntMap<u32>,
        post_id: i64,
        tag_id: i64,
        name: impl FnOnce() -> Result<String, E>,
    ) -> Result<(), E> {
        let t = match self.tag_index.get(&tag_id) {
            Some(&t) => t,
            None => {
                self.tags.push(PlainTag {
                    id: tag_id,
                    name: name()?,
                });
                let t = (self.tags.len() - 1) as u32;
                self.tag_index.insert(tag_id, t);
                t
            }
        };
        if let Some(&p) = index.get(&post_id) {
            self.pairs.push((p, t));
        }
        Ok(())
    }

    /// Hand every post its tags.
    pub fn finish(self, posts: &mut [PlainPost]) {
        self.finish_with(posts, |p| &mut p.tags);
    }

    /// Hand every post its tags, for any post struct.
    #[inline]
    pub fn finish_with<P>(self, posts: &mut [P], tags: impl Fn(&mut P) -> &mut Vec<PlainTag>) {
        let mut counts = vec![0u32; posts.len()];
        for &(p, _) in &self.pairs {
            counts[p as usize] += 1;
        }
        for (post, &n) in posts.iter_mut().zip(&counts) {
            tags(post).reserve_exact(n as usize);
        }
        for &(p, t) in &self.pairs {
            tags(&mut posts[p as usize]).push(self.tags[t as usize].clone());
        }
    }
}

/// Criterion settings per data size: one iteration at 100,000 posts takes
/// a good fraction of a second, so few flat samples keep a run short.
pub fn configure<M: criterion::measurement::Measurement>(
    group: &mut criterion::BenchmarkGroup<'_, M>,
    n: usize,
    largest: std::time::Duration,
) {
    use std::time::Duration;
    match n {
        0..=1_000 => {
            group.sample_size(50);
            group.measurement_time(Duration::from_secs(3));
        }
        1_001..=20_000 => {
            group.sample_size(20);
            group.measurement_time(Duration::from_secs(4));
        }
        _ => {
            group.sample_size(10);
            group.sampling_mode(criterion::SamplingMode::Flat);
            group.measurement_time(largest);
        }
    }
    group.warm_up_time(Duration::from_secs(1));
}

/// Each post's tags in primary key order, as `related` (and Django) give
/// them when the prefetch has no order_by.
fn sort_tags(posts: &mut [PlainPost]) {
    for p in posts {
        p.tags.sort_unstable_by_key(|t| t.id);
    }
}

/// Run `f` in a read transaction, as `related` runs a load of several
/// statements (one snapshot for all of them; BEGIN and COMMIT prepared once).
pub fn read_transaction<T>(
    conn: &rusqlite::Connection,
    f: impl FnOnce() -> rusqlite::Result<T>,
) -> rusqlite::Result<T> {
    if !conn.is_autocommit() {
        return f();
    }
    conn.prepare_cached("BEGIN")?.execute([])?;
    match f() {
        Ok(v) => {
            conn.prepare_cached("COMMIT")?.execute([])?;
            Ok(v)
        }
        Err(e) => {
            let _ = conn
                .prepare_cached("ROLLBACK")
                .and_then(|mut s| s.execute([]));
            Err(e)
        }
    }
}

/// The limit: the same two statements by hand (in one read transaction,
/// as `related` sends them), the key list bound as ONE `rarray` parameter,
/// stitched with a HashMap.
#[inline(never)]
pub fn load_limit(conn: &rusqlite::Connection) -> rusqlite::Result<Vec<PlainPost>> {
    read_transaction(conn, || limit_statements(conn))
}

fn limit_statements(conn: &rusqlite::Connection) -> rusqlite::Result<Vec<PlainPost>> {
    let mut posts = base_rows(conn)?;
    if posts.is_empty() {
        return Ok(posts);
    }
    let mut index = IntMap::with_capacity_and_hasher(posts.len(), IntHash::default());
    let mut keys = Vec::with_capacity(posts.len());
    for (i, p) in posts.iter().enumerate() {
        index.insert(p.id, i as u32);
        keys.push(SqlValue::Integer(p.id));
    }
    let mut stmt = conn.prepare_cached(TAGS_RARRAY_SQL)?;
    let mut rows = stmt.query([Rc::new(keys)])?;
    stitch_tags(&mut rows, &mut posts, &index)?;
    sort_tags(&mut posts);
    Ok(posts)
}

/// The same by hand with a bound `IN (?, ?, ...)` list, split at the
/// connection's variable limit (what a driver without array binding does).
pub fn load_in_list(conn: &rusqlite::Connection) -> rusqlite::Result<Vec<PlainPost>> {
    read_transaction(conn, || in_list_statements(conn))
}

fn in_list_statements(conn: &rusqlite::Connection) -> rusqlite::Result<Vec<PlainPost>> {
    let mut posts = base_rows(conn)?;
    let mut index = IntMap::with_capacity_and_hasher(posts.len(), IntHash::default());
    let mut keys = Vec::with_capacity(posts.len());
    for (i, p) in posts.iter().enumerate() {
        index.insert(p.id, i as u32);
        keys.push(p.id);
    }
    let max = conn
        .limit(rusqlite::limits::Limit::SQLITE_LIMIT_VARIABLE_NUMBER)
        .map(|n| n.max(1) as usize)
        .unwrap_or(999);
    let mut sql = String::new();
    for chunk in keys.chunks(max) {
        sql.clear();
        sql.push_str(
            "SELECT pt.post_id, t.id, t.name \
             FROM blog_tag t INNER JOIN blog_post_tags pt ON pt.tag_id = t.id \
             WHERE pt.post_id IN (",
        );
        for i in 0..chunk.len() {
            sql.push_str(if i == 0 { "?" } else { ", ?" });
        }
        sql.push(')');
        let mut stmt = conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(chunk))?;
        stitch_tags(&mut rows, &mut posts, &index)?;
    }
    sort_tags(&mut posts);
    Ok(posts)
}

/// Naive N+1: the posts, then one statement per post for its author and one
/// for its tags (what a lazy ORM does inside the loop).
pub fn load_naive(conn: &rusqlite::Connection) -> rusqlite::Result<Vec<PlainPost>> {
    let mut stmt = conn.prepare_cached("SELECT id, title, author_id FROM blog_post")?;
    let heads: Vec<(i64, String, i64)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut author_stmt = conn.prepare_cached("SELECT id, name FROM blog_author WHERE id = ?1")?;
    let mut tags_stmt = conn.prepare_cached(
        "SELECT t.id, t.name FROM blog_tag t \
         INNER JOIN blog_post_tags pt ON pt.tag_id = t.id \
         WHERE pt.post_id = ?1 ORDER BY t.id",
    )?;
    let mut posts = Vec::with_capacity(heads.len());
    for (id, title, author_id) in heads {
        let author = author_stmt.query_row([author_id], |r| {
            Ok(PlainAuthor {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?;
        let tags = tags_stmt
            .query_map([id], |r| {
                Ok(PlainTag {
                    id: r.get(0)?,
                    name: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        posts.push(PlainPost {
            id,
            title,
            author,
            tags,
        });
    }
    Ok(posts)
}

#[inline(never)]
pub fn touch_plain(posts: &[PlainPost]) -> usize {
    let mut n = 0;
    for p in posts {
        n += p.title.len();
        n += p.author.name.len();
        for t in &p.tags {
            n += t.name.len();
        }
    }
    n
}

/// `related`'s result as plain structs, to check both loaders agree.
pub fn to_plain(posts: &[Post]) -> Vec<PlainPost> {
    posts
        .iter()
        .map(|p| {
            let a = p.author.get().expect("author loaded");
            PlainPost {
                id: p.id,
                title: p.title.clone(),
                author: PlainAuthor {
                    id: a.id,
                    name: a.name.clone(),
                },
                tags: p
                    .tags
                    .get()
                    .expect("tags loaded")
                    .iter()
                    .map(|t| PlainTag {
                        id: t.id,
                        name: t.name.clone(),
                    })
                    .collect(),
            }
        })
        .collect()
}

/// Check that every variant loads the same graph, and how many statements
/// `related` sends. Panics on any difference: a benchmark of a wrong result
/// is worthless.
pub fn verify(db: &Sqlite, n: usize) {
    db.log().reset();
    let related = load_related(db);
    let statements = db.log().count();
    assert_eq!(statements, 2, "related sent {statements} statements");
    // Without an ORDER BY the row order is SQLite's choice; compare by id.
    let sorted = |mut v: Vec<PlainPost>| {
        v.sort_unstable_by_key(|p| p.id);
        v
    };
    let expected = sorted(to_plain(&related));
    assert_eq!(expected.len(), n);
    let conn = db.connection();
    let limit = sorted(load_limit(conn).expect("limit"));
    assert_eq!(limit, expected, "limit differs");
    let in_list = sorted(load_in_list(conn).expect("in-list"));
    assert_eq!(in_list, expected, "in-list differs");
    if n <= 500 {
        let naive = sorted(load_naive(conn).expect("naive"));
        assert_eq!(naive, expected, "naive differs");
    }
    // The generator's stream, not just self-consistency.
    let generated = generate(n);
    for (p, g) in expected.iter().zip(&generated) {
        let mut tags = g.tags.clone();
        tags.sort_unstable();
        let loaded: Vec<i64> = p.tags.iter().map(|t| t.id).collect();
        assert_eq!((p.id, p.author.id, loaded), (g.id, g.author, tags));
    }
}
