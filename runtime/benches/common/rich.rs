//! The realistic variant of the blog (issue 11): the same graph as
//! `common` (50 authors, 30 tags, posts with one author and 3 to 5 tags, the
//! same PRNG stream), but rows shaped like a Django blog's: each post has a
//! few hundred bytes of content and a publication timestamp, each author an
//! e-mail address. Its own file (`blog-rich-<posts>.sqlite3`), its own
//! hand-written limit, tuned like the plain one.

use std::rc::Rc;

use chrono::NaiveDateTime;
use related::Sqlite;
use related::prelude::*;
use rusqlite::types::Value as SqlValue;

use crate::common::{AUTHORS, IntHash, IntMap, TAGS, Tag, data_dir, generate};

/// Bump when the generated data changes, so stale files are rebuilt.
const DATA_VERSION: i64 = 1;

#[derive(Clone, Debug, Model)]
#[related(table = "rich_author")]
pub struct RichAuthor {
    pub id: i64,
    pub name: String,
    pub email: String,
}

#[derive(Clone, Debug, Model)]
#[related(table = "rich_post")]
pub struct RichPost {
    pub id: i64,
    pub title: String,
    pub content: String,
    pub published: NaiveDateTime,
    pub author: ForeignKey<RichAuthor>,
    #[related(through = "rich_post_tags")]
    pub tags: ManyToMany<Tag>,
}

const WORDS: [&str; 16] = [
    "select",
    "related",
    "prefetch",
    "query",
    "join",
    "rows",
    "statement",
    "index",
    "author",
    "tag",
    "loader",
    "graph",
    "memory",
    "batch",
    "plan",
    "cache",
];

/// About 400 bytes of text, different for every post.
fn content(id: i64) -> String {
    let mut rng = crate::common::Rng::new(0xC0_47E7 ^ id as u64);
    let mut s = String::with_capacity(420);
    while s.len() < 400 {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(WORDS[rng.below(WORDS.len() as u64) as usize]);
    }
    s.push('.');
    s
}

/// One post an hour from 2024-01-01, at a pseudo-random second.
fn published(id: i64) -> NaiveDateTime {
    let start = chrono::NaiveDate::from_ymd_opt(2024, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .expect("a valid date");
    start + chrono::Duration::seconds(id * 3600 + (id * 7919) % 3600)
}

pub fn fill(db: &Sqlite, n: usize) -> related::Result<()> {
    db.create_tables(&[RichAuthor::info(), Tag::info(), RichPost::info()])?;
    let authors: Vec<RichAuthor> = (1..=AUTHORS)
        .map(|id| RichAuthor {
            id,
            name: format!("Author {id}"),
            email: format!("author{id}@blog.example.com"),
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
            db.insert(&RichPost {
                id: p.id,
                title: p.title.clone(),
                content: content(p.id),
                published: published(p.id),
                author: ForeignKey::new(p.author),
                tags: Default::default(),
            })?;
            for t in &p.tags {
                db.link(RichPost::tags(), &p.id, t)?;
            }
        }
        Ok(())
    })
}

pub fn open_file(n: usize) -> Sqlite {
    let path = data_dir().join(format!("blog-rich-{n}.sqlite3"));
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

#[inline(never)]
pub fn load_related(db: &Sqlite) -> Vec<RichPost> {
    RichPost::query()
        .select_related(RichPost::author())
        .prefetch_related(RichPost::tags())
        .all(db)
        .expect("related load")
}

/// Read every title, content, timestamp, author name and e-mail and tag
/// name.
#[inline(never)]
pub fn touch_related(posts: &[RichPost]) -> usize {
    let mut n = 0;
    for p in posts {
        n += p.title.len() + p.content.len();
        n += p.published.and_utc().timestamp() as usize & 1;
        let a = p.author.get().expect("author loaded");
        n += a.name.len() + a.email.len();
        for t in p.tags.get().expect("tags loaded") {
            n += t.name.len();
        }
    }
    n
}

#[derive(Clone, Debug, PartialEq)]
pub struct PlainRichAuthor {
    pub id: i64,
    pub name: String,
    pub email: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PlainRichPost {
    pub id: i64,
    pub title: String,
    pub content: String,
    pub published: NaiveDateTime,
    pub author: PlainRichAuthor,
    pub tags: Vec<crate::common::PlainTag>,
}

const BASE_SQL: &str = "SELECT p.id, p.title, p.content, p.published, a.id, a.name, a.email \
     FROM rich_post p INNER JOIN rich_author a ON a.id = p.author_id";
const TAGS_SQL: &str = "SELECT pt.rich_post_id, t.id, t.name \
     FROM blog_tag t INNER JOIN rich_post_tags pt ON pt.tag_id = t.id \
     WHERE pt.rich_post_id IN rarray(?1)";

/// The timestamp as `related` writes it on SQLite (ISO 8601 text,
/// `YYYY-MM-DD HH:MM:SS[.fffffffff]`), parsed by hand at fixed positions:
/// what a tuned loader does (chrono's `parse_from_str` interprets its
/// format string on every call, ~2,500 instructions a cell).
fn timestamp(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<NaiveDateTime> {
    let bad = || {
        rusqlite::Error::FromSqlConversionFailure(
            i,
            rusqlite::types::Type::Text,
            "not a timestamp".into(),
        )
    };
    let b = r.get_ref(i)?.as_bytes()?;
    let num = |range: std::ops::Range<usize>| -> Option<u32> {
        b.get(range)?.iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let nanos = match b.get(19) {
        None => Some(0),
        Some(b'.') => {
            let digits = b.len() - 20;
            num(20..b.len())
                .filter(|_| digits <= 9)
                .map(|f| f * 10u32.pow(9 - digits as u32))
        }
        Some(_) => None,
    };
    (|| {
        chrono::NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)?
            .and_hms_nano_opt(num(11..13)?, num(14..16)?, num(17..19)?, nanos?)
    })()
    .ok_or_else(bad)
}

/// The limit: the same two statements by hand, stitched like the plain
/// blog's limit (each tag decoded once, vectors sized once).
#[inline(never)]
pub fn load_limit(conn: &rusqlite::Connection) -> rusqlite::Result<Vec<PlainRichPost>> {
    // black_box: no tail call, so a profiler's toggle on this function
    // covers the whole load (transaction included).
    std::hint::black_box(crate::common::read_transaction(conn, || {
        let mut stmt = conn.prepare_cached(BASE_SQL)?;
        let mut rows = stmt.query([])?;
        let mut posts = Vec::new();
        while let Some(r) = rows.next()? {
            posts.push(PlainRichPost {
                id: r.get(0)?,
                title: r.get(1)?,
                content: r.get(2)?,
                published: timestamp(r, 3)?,
                author: PlainRichAuthor {
                    id: r.get(4)?,
                    name: r.get(5)?,
                    email: r.get(6)?,
                },
                tags: Vec::new(),
            });
        }
        drop(rows);
        if posts.is_empty() {
            return Ok(posts);
        }
        let mut index = IntMap::with_capacity_and_hasher(posts.len(), IntHash::default());
        let mut keys = Vec::with_capacity(posts.len());
        for (i, p) in posts.iter().enumerate() {
            index.insert(p.id, i as u32);
            keys.push(SqlValue::Integer(p.id));
        }
        let mut stmt = conn.prepare_cached(TAGS_SQL)?;
        let mut rows = stmt.query([Rc::new(keys)])?;
        let mut stitch = crate::common::TagStitch::default();
        while let Some(r) = rows.next()? {
            stitch.row(&index, r.get(0)?, r.get(1)?, || r.get(2))?;
        }
        stitch.finish_with(&mut posts, |p| &mut p.tags);
        for p in &mut posts {
            p.tags.sort_unstable_by_key(|t| t.id);
        }
        Ok(posts)
    }))
}

#[inline(never)]
pub fn touch_plain(posts: &[PlainRichPost]) -> usize {
    let mut n = 0;
    for p in posts {
        n += p.title.len() + p.content.len();
        n += p.published.and_utc().timestamp() as usize & 1;
        n += p.author.name.len() + p.author.email.len();
        for t in &p.tags {
            n += t.name.len();
        }
    }
    n
}

/// `related` and the limit load equal graphs, and the graph is the
/// generator's. Panics on any difference.
pub fn verify(db: &Sqlite, n: usize) {
    db.log().reset();
    let related = load_related(db);
    assert_eq!(db.log().count(), 2, "related sent more than 2 statements");
    let mut expected: Vec<PlainRichPost> = related
        .iter()
        .map(|p| {
            let a = p.author.get().expect("author loaded");
            PlainRichPost {
                id: p.id,
                title: p.title.clone(),
                content: p.content.clone(),
                published: p.published,
                author: PlainRichAuthor {
                    id: a.id,
                    name: a.name.clone(),
                    email: a.email.clone(),
                },
                tags: p
                    .tags
                    .get()
                    .expect("tags loaded")
                    .iter()
                    .map(|t| crate::common::PlainTag {
                        id: t.id,
                        name: t.name.clone(),
                    })
                    .collect(),
            }
        })
        .collect();
    expected.sort_unstable_by_key(|p| p.id);
    assert_eq!(expected.len(), n);
    let mut limit = load_limit(db.connection()).expect("limit");
    limit.sort_unstable_by_key(|p| p.id);
    assert_eq!(limit, expected, "limit differs");
    for (p, g) in expected.iter().zip(generate(n)) {
        let mut tags = g.tags.clone();
        tags.sort_unstable();
        let loaded: Vec<i64> = p.tags.iter().map(|t| t.id).collect();
        assert_eq!((p.id, p.author.id, loaded), (g.id, g.author, tags));
        assert_eq!(p.content, content(p.id));
        assert_eq!(p.published, published(p.id));
        assert!(p.content.len() >= 400 && p.author.email.contains('@'));
    }
}
