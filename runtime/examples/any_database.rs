//! The blog on any backend, from one source: the same loads, the same
//! statement counts on SQLite, PostgreSQL and MySQL/MariaDB.
//!
//! ```sh
//! cargo run -p related --features postgres,mysql --example any_database                # sqlite::memory:
//! cargo run -p related --features postgres,mysql --example any_database -- postgres://postgres@127.0.0.1:5432/test
//! cargo run -p related --features postgres,mysql --example any_database -- mysql://root@127.0.0.1:3306/test
//! ```
//!
//! On a server it creates the `example_*` tables and drops them again.

use related::prelude::*;
use related::sqlx::mysql::MySqlPool;
use related::sqlx::postgres::PgPool;
use related::{AsyncSqlite, Dialect, Logged, StatementLog, Value};

#[derive(Clone, Debug, Model)]
#[related(table = "example_author")]
struct Author {
    id: i64,
    name: String,
}

#[derive(Clone, Debug, Model)]
#[related(table = "example_tag")]
struct Tag {
    id: i64,
    name: String,
}

#[derive(Clone, Debug, Model)]
#[related(table = "example_post")]
struct Post {
    id: i64,
    title: String,
    author: ForeignKey<Author>,
    #[related(through = "example_post_tags")]
    tags: ManyToMany<Tag>,
}

/// Whatever the URL names: each is an existing pool or connection as an
/// application would hold it.
enum Db {
    Sqlite(AsyncSqlite),
    Postgres(PgPool),
    Mysql(MySqlPool),
}

/// `$body` once per backend, with `$e` the executor (`&AsyncSqlite`,
/// `&PgPool`, `&MySqlPool`) counted in `$log`.
macro_rules! on_db {
    ($db:expr, $log:expr, |$e:ident| $body:expr) => {
        match $db {
            Db::Sqlite(db) => {
                let $e = Logged::new(db, $log);
                $body
            }
            Db::Postgres(db) => {
                let $e = Logged::new(db, $log);
                $body
            }
            Db::Mysql(db) => {
                let $e = Logged::new(db, $log);
                $body
            }
        }
    };
}

type Line = (String, String, Vec<String>);

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let url = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "sqlite::memory:".to_owned());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(run(&url))
}

async fn run(url: &str) -> Result<(), Box<dyn std::error::Error>> {
    let (db, dialect) = if url.starts_with("postgres") {
        (Db::Postgres(PgPool::connect(url).await?), Dialect::Postgres)
    } else if url.starts_with("mysql") {
        (Db::Mysql(MySqlPool::connect(url).await?), Dialect::Mysql)
    } else if url == "sqlite::memory:" {
        (Db::Sqlite(AsyncSqlite::open_in_memory()?), Dialect::Sqlite)
    } else if let Some(path) = url.strip_prefix("sqlite:") {
        (Db::Sqlite(AsyncSqlite::open(path)?), Dialect::Sqlite)
    } else {
        return Err(format!("not a database URL: {url}").into());
    };
    println!("== {url}");
    let log = StatementLog::new();
    seed(&db, &log, dialect).await?;

    // The N+1 pattern: 50 posts, then each post's author and tags.
    log.reset();
    let naive = {
        let posts = on_db!(&db, &log, |e| posts().all_async(e).await)?;
        let tags_sql = tags_of_post_sql(dialect);
        let mut lines = Vec::new();
        for p in &posts {
            let author = Author::query().filter(Author::id().eq(*p.author.key()));
            let author = on_db!(&db, &log, |e| author.one_async(e).await)?;
            let tags: Vec<Tag> =
                on_db!(&db, &log, |e| e.raw(&tags_sql, &[Value::I64(p.id)]).await)?;
            lines.push(line(p, &author, &tags));
        }
        lines
    };
    println!("naive: {} statements", log.count());

    // The same graph with both calls.
    log.reset();
    let posts = on_db!(&db, &log, |e| posts()
        .select_related(Post::author())
        .prefetch_related(Post::tags())
        .all_async(e)
        .await)?;
    let both: Vec<Line> = posts
        .iter()
        .map(|p| Ok(line(p, p.author.get()?, p.tags.get()?)))
        .collect::<Result<_, related::NotLoaded>>()?;
    println!(
        "select_related + prefetch_related: {} statements",
        log.count()
    );
    if both != naive {
        return Err("the two strategies loaded different graphs".into());
    }
    for (title, author, tags) in both.iter().take(3) {
        println!("   {title} by {author}: {}", tags.join(", "));
    }
    drop_tables(&db, &log, dialect).await?;
    Ok(())
}

fn posts() -> Query<Post> {
    Post::query().order_by(Post::id().asc()).limit(50)
}

fn line(p: &Post, author: &Author, tags: &[Tag]) -> Line {
    (
        p.title.clone(),
        author.name.clone(),
        tags.iter().map(|t| t.name.clone()).collect(),
    )
}

/// Hand-written SQL, as an N+1 loop would have it, in the backend's form.
fn tags_of_post_sql(dialect: Dialect) -> String {
    let sql = r#"SELECT "t"."id", "t"."name" FROM "example_tag" "t" INNER JOIN "example_post_tags" "l" ON "l"."tag_id" = "t"."id" WHERE "l"."post_id" = ? ORDER BY "t"."id""#;
    match dialect {
        Dialect::Sqlite => sql.to_owned(),
        Dialect::Postgres => sql.replace('?', "$1"),
        Dialect::Mysql => sql.replace('"', "`"),
    }
}

/// The example's tables on a server (a fresh in-memory SQLite has none).
async fn drop_tables(db: &Db, log: &StatementLog, dialect: Dialect) -> related::Result<()> {
    if dialect == Dialect::Sqlite {
        return Ok(());
    }
    for table in [
        "example_post_tags",
        "example_post",
        "example_tag",
        "example_author",
    ] {
        let sql = match dialect {
            Dialect::Mysql => format!("DROP TABLE IF EXISTS `{table}`"),
            _ => format!("DROP TABLE IF EXISTS \"{table}\" CASCADE"),
        };
        on_db!(db, log, |e| e.execute_statement(&sql, &[]).await)?;
    }
    Ok(())
}

async fn seed(db: &Db, log: &StatementLog, dialect: Dialect) -> related::Result<()> {
    drop_tables(db, log, dialect).await?;
    let models = [Author::info(), Tag::info(), Post::info()];
    on_db!(db, log, |e| e.create_tables(&models).await)?;
    let authors: Vec<Author> = (1..=10)
        .map(|id| Author {
            id,
            name: format!("Author {id}"),
        })
        .collect();
    let tags: Vec<Tag> = ["python", "rust", "django", "sql", "web", "async"]
        .iter()
        .zip(1..)
        .map(|(name, id)| Tag {
            id,
            name: (*name).to_owned(),
        })
        .collect();
    let posts: Vec<Post> = (1..=50)
        .map(|id| Post {
            id,
            title: format!("Post {id}"),
            author: ForeignKey::new(id % 10 + 1),
            tags: ManyToMany::default(),
        })
        .collect();
    let links: Vec<(i64, i64)> = (1..=50)
        .flat_map(|id: i64| (0..(id % 3 + 1)).map(move |k| (id, (id + k * 2) % 6 + 1)))
        .collect();
    on_db!(db, log, |e| e.insert_all(&authors).await)?;
    on_db!(db, log, |e| e.insert_all(&tags).await)?;
    on_db!(db, log, |e| e.insert_all(&posts).await)?;
    on_db!(db, log, |e| e.link_all(Post::tags(), &links).await)?;
    Ok(())
}
