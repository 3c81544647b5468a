//! `related` inside a web service: a JSON API over a blog, on a small pool
//! of SQLite connections (default) or a PostgreSQL pool (feature
//! `postgres`).
//!
//! - `GET /posts?page=1&per_page=10`: posts with their author and tags, in
//!   2 statements whatever the page size (1 for a page past the end);
//! - `GET /posts/{id}`: one post with its author, tags, and its comments
//!   with their authors, in 3 statements.
//!
//! Every response carries `x-statements`, the number of statements its
//! request sent, counted by a [`related::n_plus_one::Scope`] around the
//! handler; in debug builds the scope also warns about a statement repeated
//! in a loop (an N+1). The integration test asserts both.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path as UrlPath, Query, Request, State};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use related::n_plus_one::Scope;
use related::prelude::*;
use related::{AsyncSqlite, Sqlite};
use serde::Deserialize;
use serde_json::{Value as JsonValue, json};

#[derive(Clone, Debug, Model)]
#[related(table = "api_author")]
pub struct Author {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, Model)]
#[related(table = "api_tag")]
pub struct Tag {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, Model)]
#[related(table = "api_post")]
pub struct Post {
    pub id: i64,
    pub title: String,
    pub body: String,
    pub author: ForeignKey<Author>,
    #[related(through = "api_post_tags")]
    pub tags: ManyToMany<Tag>,
    #[related(reverse = Comment::post)]
    pub comments: Reverse<Comment>,
}

#[derive(Clone, Debug, Model)]
#[related(table = "api_comment")]
pub struct Comment {
    pub id: i64,
    pub body: String,
    pub post: ForeignKey<Post>,
    pub author: ForeignKey<Author>,
}

/// The largest page a client may ask for.
pub const MAX_PER_PAGE: u64 = 100;

/// A few SQLite connections onto one database file, handed out in turn.
/// Each [`AsyncSqlite`] runs its jobs on tokio's blocking pool, one at a
/// time; several of them let reads of different requests overlap (WAL).
#[derive(Clone)]
pub struct SqlitePool {
    connections: Arc<[AsyncSqlite]>,
    next: Arc<AtomicUsize>,
}

impl SqlitePool {
    /// `size` connections onto the database file at `path` (created if
    /// missing), in WAL mode.
    pub fn open(path: &Path, size: usize) -> Result<SqlitePool, String> {
        let connections = (0..size.max(1))
            .map(|_| {
                let db = Sqlite::open(path).map_err(|e| e.to_string())?;
                db.connection()
                    .execute_batch("PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000;")
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                Ok(AsyncSqlite::new(db))
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(SqlitePool {
            connections: connections.into(),
            next: Arc::new(AtomicUsize::new(0)),
        })
    }

    /// The next connection.
    pub fn get(&self) -> &AsyncSqlite {
        let i = self.next.fetch_add(1, Ordering::Relaxed) % self.connections.len();
        &self.connections[i]
    }
}

/// Where the blog lives.
#[derive(Clone)]
pub enum Db {
    Sqlite(SqlitePool),
    #[cfg(feature = "postgres")]
    Postgres(related::sqlx::PgPool),
}

/// Run `$body` with `$e` bound to an executor of `$db` (`&AsyncSqlite` or
/// `&PgPool`): handlers are written once, generic over the executor.
macro_rules! on_db {
    ($db:expr, |$e:ident| $body:expr) => {
        match $db {
            Db::Sqlite(pool) => {
                let $e = pool.get();
                $body
            }
            #[cfg(feature = "postgres")]
            Db::Postgres(pool) => {
                let $e = pool;
                $body
            }
        }
    };
}

impl Db {
    /// Open the database at `url`: `sqlite://<file>` or (feature
    /// `postgres`) `postgres://...`.
    pub async fn connect(url: &str) -> Result<Db, String> {
        if let Some(path) = url.strip_prefix("sqlite://") {
            return Ok(Db::Sqlite(SqlitePool::open(Path::new(path), 4)?));
        }
        #[cfg(feature = "postgres")]
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let pool = related::sqlx::postgres::PgPoolOptions::new()
                .max_connections(8)
                .connect(url)
                .await
                .map_err(|e| format!("{url}: {e}"))?;
            return Ok(Db::Postgres(pool));
        }
        Err(format!(
            "unsupported database URL {url:?}: use sqlite://<file>{}",
            if cfg!(feature = "postgres") {
                " or postgres://..."
            } else {
                " (build with --features postgres for postgres://...)"
            }
        ))
    }

    /// Drop and create the blog's tables, and fill them: `posts` posts by 4
    /// authors, 1 to 3 tags and 0 to 3 comments each.
    pub async fn seed(&self, posts: i64) -> related::Result<()> {
        on_db!(self, |e| seed(e, posts).await)
    }
}

async fn seed<E: AsyncExecutor + Copy>(e: E, posts: i64) -> related::Result<()> {
    for table in [
        "api_comment",
        "api_post_tags",
        "api_post",
        "api_tag",
        "api_author",
    ] {
        e.execute_statement(&format!("DROP TABLE IF EXISTS {table}"), &[])
            .await?;
    }
    e.create_tables(&[Author::info(), Tag::info(), Post::info(), Comment::info()])
        .await?;
    let authors: Vec<Author> = (1..=4)
        .map(|id| Author {
            id,
            name: format!("Author {id}"),
        })
        .collect();
    let tags: Vec<Tag> = ["rust", "sql", "web", "async", "orm"]
        .iter()
        .zip(1..)
        .map(|(name, id)| Tag {
            id,
            name: (*name).to_owned(),
        })
        .collect();
    let rows: Vec<Post> = (1..=posts)
        .map(|id| Post {
            id,
            title: format!("Post {id}"),
            body: format!("The text of post {id}."),
            author: ForeignKey::new(id % 4 + 1),
            tags: Default::default(),
            comments: Default::default(),
        })
        .collect();
    let mut comments = Vec::new();
    let mut links = Vec::new();
    for post in 1..=posts {
        for k in 0..(post % 4) {
            comments.push(Comment {
                id: post * 10 + k,
                body: format!("Comment {k} on post {post}"),
                post: ForeignKey::new(post),
                author: ForeignKey::new((post + k) % 4 + 1),
            });
        }
        for k in 0..(post % 3 + 1) {
            links.push((post, (post + k) % 5 + 1));
        }
    }
    e.insert_all(&authors).await?;
    e.insert_all(&tags).await?;
    e.insert_all(&rows).await?;
    e.insert_all(&comments).await?;
    e.link_all(Post::tags(), &links).await?;
    Ok(())
}

/// The service: routes, and the statement count of every request.
pub fn app(db: Db) -> Router {
    Router::new()
        .route("/posts", get(list_posts))
        .route("/posts/{id}", get(one_post))
        .layer(middleware::from_fn(count_statements))
        .with_state(db)
}

/// Run the request in a statement scope: `x-statements` on the response,
/// and (debug builds) a warning for a statement repeated in a loop.
async fn count_statements(request: Request, next: Next) -> Response {
    let scope = Scope::new();
    let mut response = scope.instrument(next.run(request)).await;
    response
        .headers_mut()
        .insert("x-statements", HeaderValue::from(scope.count()));
    response
}

/// A JSON error with its status.
struct ApiError(StatusCode, String);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.0, Json(json!({ "error": self.1 }))).into_response()
    }
}

impl From<related::Error> for ApiError {
    fn from(e: related::Error) -> Self {
        tracing::error!(error = %e, "load failed");
        ApiError(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
    }
}

impl From<related::NotLoaded> for ApiError {
    fn from(e: related::NotLoaded) -> Self {
        ApiError(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
    }
}

#[derive(Deserialize)]
struct Page {
    page: Option<u64>,
    per_page: Option<u64>,
}

async fn list_posts(
    State(db): State<Db>,
    page: Result<Query<Page>, QueryRejection>,
) -> Result<Json<JsonValue>, ApiError> {
    let Query(page) = page.map_err(|e| ApiError(StatusCode::BAD_REQUEST, e.body_text()))?;
    let number = page.page.unwrap_or(1);
    let per_page = page.per_page.unwrap_or(10);
    if number == 0 {
        return Err(ApiError(
            StatusCode::BAD_REQUEST,
            "page starts at 1".to_owned(),
        ));
    }
    if per_page == 0 || per_page > MAX_PER_PAGE {
        return Err(ApiError(
            StatusCode::BAD_REQUEST,
            format!("per_page must be between 1 and {MAX_PER_PAGE}"),
        ));
    }
    // A page so far that its offset overflows is past the end: empty.
    let Some(offset) = (number - 1)
        .checked_mul(per_page)
        .filter(|o| i64::try_from(*o).is_ok())
    else {
        return Ok(Json(
            json!({ "page": number, "per_page": per_page, "posts": [] }),
        ));
    };
    let query = Post::query()
        .select_related(Post::author())
        .prefetch_related(Post::tags())
        .order_by(Post::id().asc())
        .limit(per_page)
        .offset(offset);
    let posts = on_db!(&db, |e| query.all_async(e).await)?;
    let posts = posts
        .iter()
        .map(summary)
        .collect::<Result<Vec<_>, ApiError>>()?;
    Ok(Json(
        json!({ "page": number, "per_page": per_page, "posts": posts }),
    ))
}

fn author(a: &Author) -> JsonValue {
    json!({ "id": a.id, "name": a.name })
}

fn summary(post: &Post) -> Result<JsonValue, ApiError> {
    Ok(json!({
        "id": post.id,
        "title": post.title,
        "author": author(post.author.get()?),
        "tags": post.tags.get()?.iter().map(|t| &t.name).collect::<Vec<_>>(),
    }))
}

async fn one_post(
    State(db): State<Db>,
    UrlPath(id): UrlPath<i64>,
) -> Result<Json<JsonValue>, ApiError> {
    let query = Post::query()
        .select_related(Post::author())
        .prefetch_related(Post::tags())
        .prefetch(
            Prefetch::new(Post::comments())
                .select_related(Comment::author())
                .order_by(Comment::id().asc()),
        )
        .filter(Post::id().eq(id));
    let Some(post) = on_db!(&db, |e| query.first_async(e).await)? else {
        return Err(ApiError(
            StatusCode::NOT_FOUND,
            format!("no post with id {id}"),
        ));
    };
    let mut out = summary(&post)?;
    out["body"] = json!(post.body);
    out["comments"] = post
        .comments
        .get()?
        .iter()
        .map(|c| {
            Ok(json!({
                "id": c.id,
                "body": c.body,
                "author": author(c.author.get()?),
            }))
        })
        .collect::<Result<Vec<_>, ApiError>>()?
        .into();
    Ok(Json(out))
}
