//! diesel's published benchmark "loading associations sequentially"
//! (diesel-rs/metrics, `diesel_bench`), on PostgreSQL, for `related` and its
//! peers.
//!
//! Schema and data follow diesel's bench suite: `users` (SERIAL id, VARCHAR
//! name, nullable VARCHAR hair_color), `posts` (SERIAL id, INTEGER user_id,
//! VARCHAR title, nullable TEXT body), `comments` (SERIAL id, INTEGER
//! post_id, TEXT text), with diesel's test-schema index on `posts.user_id`
//! and no index on `comments.post_id`. 100 users, 10 posts each, 10
//! comments per post. One iteration loads every user, then their posts,
//! then those posts' comments (three SELECTs) and returns the users with
//! their posts, each with its comments.
//!
//! Every peer's result is converted to [`Graph`] and compared with
//! [`expected`], which is built from the generation rules alone (not read
//! back from the database), before anything is timed.

pub mod diesel_assoc;
pub mod related_assoc;
pub mod seaorm_assoc;
pub mod setup;
pub mod sqlx_assoc;

pub const USERS: i32 = 100;
pub const POSTS_PER_USER: i32 = 10;
pub const COMMENTS_PER_POST: i32 = 10;
/// The schema the tables live in (every connection gets it as its
/// `search_path`), so the workload never touches other tables of the
/// database.
pub const SCHEMA: &str = "metrics_assoc";

/// The server: `$RELATED_BENCH_PG` or the local trust-auth database.
pub fn base_url() -> String {
    std::env::var("RELATED_BENCH_PG")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned())
}

/// The URL every peer connects with: the base URL with the schema as the
/// connection's `search_path` (libpq, tokio-postgres and sqlx all read the
/// `options` parameter) and TLS off: libpq would otherwise encrypt
/// (`sslmode=prefer` against a server with `ssl = on`) while sqlx without a
/// TLS feature and tokio-postgres without a connector talk plain TCP, and
/// the peers would not pay for the same transport.
pub fn url() -> String {
    let base = base_url();
    let sep = if base.contains('?') { '&' } else { '?' };
    format!("{base}{sep}sslmode=disable&options=-c%20search_path%3D{SCHEMA}")
}

/// User name, as diesel's suite writes it: `User <n>` for the n-th inserted
/// user, counting from 0.
pub fn user_name(index: i32) -> String {
    format!("User {index}")
}

/// Hair colour of the n-th inserted user: black for even n, brown for odd.
pub fn hair_color(index: i32) -> &'static str {
    if index % 2 == 0 { "black" } else { "brown" }
}

pub fn post_title(i: i32, user_id: i32) -> String {
    format!("Post {i} by user {user_id}")
}

pub fn comment_text(i: i32, post_id: i32) -> String {
    format!("Comment {i} on post {post_id}")
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GComment {
    pub id: i32,
    pub post_id: i32,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GPost {
    pub id: i32,
    pub user_id: i32,
    pub title: String,
    pub body: Option<String>,
    pub comments: Vec<GComment>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GUser {
    pub id: i32,
    pub name: String,
    pub hair_color: Option<String>,
    pub posts: Vec<GPost>,
}

/// A loaded result in one plain shape, for comparisons.
pub type Graph = Vec<GUser>;

/// Sorted by id at every level (the peers return users, posts and comments
/// in whatever order their stitching leaves them).
pub fn canonical(mut g: Graph) -> Graph {
    g.sort_by_key(|u| u.id);
    for u in &mut g {
        u.posts.sort_by_key(|p| p.id);
        for p in &mut u.posts {
            p.comments.sort_by_key(|c| c.id);
        }
    }
    g
}

/// The graph the generation rules produce on freshly created tables: ids
/// are handed out in insertion order from 1 (users in order, then each
/// user's posts, then each post's comments).
pub fn expected() -> Graph {
    (1..=USERS)
        .map(|uid| GUser {
            id: uid,
            name: user_name(uid - 1),
            hair_color: Some(hair_color(uid - 1).to_owned()),
            posts: (0..POSTS_PER_USER)
                .map(|i| {
                    let pid = (uid - 1) * POSTS_PER_USER + i + 1;
                    GPost {
                        id: pid,
                        user_id: uid,
                        title: post_title(i, uid),
                        body: None,
                        comments: (0..COMMENTS_PER_POST)
                            .map(|j| GComment {
                                id: (pid - 1) * COMMENTS_PER_POST + j + 1,
                                post_id: pid,
                                text: comment_text(j, pid),
                            })
                            .collect(),
                    }
                })
                .collect(),
        })
        .collect()
}

/// Row counts of a graph: (users, posts, comments).
pub fn counts(g: &Graph) -> (usize, usize, usize) {
    let posts = g.iter().map(|u| u.posts.len()).sum();
    let comments = g
        .iter()
        .flat_map(|u| &u.posts)
        .map(|p| p.comments.len())
        .sum();
    (g.len(), posts, comments)
}

/// FNV-1a (64 bit) over every id, foreign key and text of a canonical
/// graph, in order: a short fingerprint to print next to the counts.
pub fn checksum(g: &Graph) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        // A separator, so ("ab", "c") and ("a", "bc") differ.
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    fn opt(s: &Option<String>) -> &[u8] {
        // NULL as a lone 0 byte, which no text here contains.
        s.as_deref().map_or(&[0u8][..], str::as_bytes)
    }
    for u in g {
        eat(&u.id.to_le_bytes());
        eat(u.name.as_bytes());
        eat(opt(&u.hair_color));
        for p in &u.posts {
            eat(&p.id.to_le_bytes());
            eat(&p.user_id.to_le_bytes());
            eat(p.title.as_bytes());
            eat(opt(&p.body));
            for c in &p.comments {
                eat(&c.id.to_le_bytes());
                eat(&c.post_id.to_le_bytes());
                eat(c.text.as_bytes());
            }
        }
    }
    h
}
