//! The seed article's blog and its orders dashboard, on any backend.
//!
//! Loads the same data with each strategy and prints the statements each
//! sent and a count line per strategy, the same counts on every backend:
//!
//! ```sh
//! cargo run -p related --features tokio --example blog    # sqlite::memory:
//! cargo run -p related --features tokio --example blog -- sqlite://blog.db
//! cargo run -p related --features postgres,mysql --example blog -- postgres://postgres@127.0.0.1:5432/test
//! cargo run -p related --features postgres,mysql --example blog -- mysql://root@127.0.0.1:3306/test
//! ```
//!
//! SQLite needs only the `tokio` feature (the demo is async, on
//! `AsyncSqlite`); the servers' code is compiled with their features.
//!
//! Add `--quiet` to print only the counts. The tables are named `example_*`;
//! they are dropped before the run and again after it, so two runs on the
//! same database at the same time would trip over each other (the
//! integration suite, which runs this file on every backend from
//! `tests/suite/example.rs`, gives each run its own scratch schema or
//! database). The strategies are written once, over any [`AsyncExecutor`];
//! `run` picks the backend.

use std::io::Write;

use related::prelude::*;
#[cfg(feature = "mysql")]
use related::sqlx::mysql::MySqlPool;
#[cfg(feature = "postgres")]
use related::sqlx::postgres::PgPool;
use related::{
    AsyncSqlite, Dialect, Logged, LoggedStatement, ModelInfo, RelationKind, StatementLog, Value,
};

// --- the blog -------------------------------------------------------------

#[derive(Clone, Debug, Model)]
#[related(table = "example_blog_publisher")]
struct Publisher {
    id: i64,
    name: String,
}

#[derive(Clone, Debug, Model)]
#[related(table = "example_blog_author")]
struct Author {
    id: i64,
    name: String,
    publisher: ForeignKey<Publisher>,
}

#[derive(Clone, Debug, Model)]
#[related(table = "example_blog_tag")]
struct Tag {
    id: i64,
    name: String,
}

#[derive(Clone, Debug, Model)]
#[related(table = "example_blog_post")]
struct Post {
    id: i64,
    title: String,
    author: ForeignKey<Author>,
    #[related(through = "example_blog_post_tags")]
    tags: ManyToMany<Tag>,
}

// --- the orders dashboard -------------------------------------------------

#[derive(Clone, Debug, Model)]
#[related(table = "example_company")]
struct Company {
    id: i64,
    name: String,
}

#[derive(Clone, Debug, Model)]
#[related(table = "example_customer")]
struct Customer {
    id: i64,
    name: String,
    company: ForeignKey<Company>,
}

#[derive(Clone, Debug, Model)]
#[related(table = "example_shop_order")]
struct Order {
    id: i64,
    customer: ForeignKey<Customer>,
    #[related(reverse = Item::order)]
    items: Reverse<Item>,
}

#[derive(Clone, Debug, Model)]
#[related(table = "example_product")]
struct Product {
    id: i64,
    name: String,
    #[related(reverse = Review::product)]
    reviews: Reverse<Review>,
    top_reviews: Prefetched<Review>,
}

#[derive(Clone, Debug, Model)]
#[related(table = "example_item")]
struct Item {
    id: i64,
    order: ForeignKey<Order>,
    product: ForeignKey<Product>,
    quantity: i32,
}

#[derive(Clone, Debug, Model)]
#[related(table = "example_review")]
struct Review {
    id: i64,
    product: ForeignKey<Product>,
    rating: i32,
}

// --- the backends ---------------------------------------------------------

pub type Result<T, E = Box<dyn std::error::Error>> = std::result::Result<T, E>;

/// Whatever the URL names, as an application would hold it: a pool, or an
/// SQLite connection usable from async code.
pub enum Db {
    Sqlite(AsyncSqlite),
    #[cfg(feature = "postgres")]
    Postgres(PgPool),
    #[cfg(feature = "mysql")]
    Mysql(MySqlPool),
}

impl Db {
    /// `sqlite::memory:`, `sqlite://path.db`, `postgres://...`, `mysql://...`.
    pub async fn connect(url: &str) -> Result<Db> {
        if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            #[cfg(feature = "postgres")]
            return Ok(Db::Postgres(PgPool::connect(url).await?));
            #[cfg(not(feature = "postgres"))]
            return Err(format!("{url}: build with `--features postgres`").into());
        }
        if url.starts_with("mysql:") || url.starts_with("mariadb:") {
            #[cfg(feature = "mysql")]
            return Ok(Db::Mysql(MySqlPool::connect(url).await?));
            #[cfg(not(feature = "mysql"))]
            return Err(format!("{url}: build with `--features mysql`").into());
        }
        if url == "sqlite::memory:" {
            Ok(Db::Sqlite(AsyncSqlite::open_in_memory()?))
        } else if let Some(path) = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
        {
            Ok(Db::Sqlite(AsyncSqlite::open(path)?))
        } else {
            Err(format!(
                "not a database URL: {url} (sqlite::memory:, sqlite://path.db, postgres://..., mysql://...)"
            )
            .into())
        }
    }
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quiet = args.iter().any(|a| a == "--quiet");
    let url = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map_or("sqlite::memory:", String::as_str);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let db = Db::connect(url).await?;
        run(&db, quiet, &mut std::io::stdout().lock()).await
    })
}

/// The demo on `db`: the one generic source below, per backend.
pub async fn run(db: &Db, quiet: bool, out: &mut dyn Write) -> Result<()> {
    match db {
        Db::Sqlite(db) => demo(db, quiet, out).await,
        #[cfg(feature = "postgres")]
        Db::Postgres(db) => demo(db, quiet, out).await,
        #[cfg(feature = "mysql")]
        Db::Mysql(db) => demo(db, quiet, out).await,
    }
}

/// Fresh tables, every strategy, and the tables dropped again (even when a
/// strategy failed).
async fn demo<E: AsyncExecutor + Copy>(db: E, quiet: bool, out: &mut dyn Write) -> Result<()> {
    drop_tables(db).await?;
    let result = async {
        seed(db).await?;
        strategies(db, quiet, out).await
    }
    .await;
    let dropped = drop_tables(db).await;
    result?;
    dropped
}

// --- the strategies -------------------------------------------------------

async fn strategies<E: AsyncExecutor + Copy>(
    db: E,
    quiet: bool,
    out: &mut dyn Write,
) -> Result<()> {
    // Every statement through `db` is recorded in `log`; `log.take()` hands
    // out those of the strategy that just ran.
    let log = StatementLog::new();
    log.start_recording();
    let db = Logged::new(db, &log);
    let mut out = Report { out, quiet };

    out.line("== 50 posts with their author and the author's publisher")?;
    let naive = naive_authors(db).await?;
    out.strategy("naive", &log.take())?;
    let joined = Post::query()
        .select_related(Post::author().then(Author::publisher()))
        .order_by(Post::id().asc())
        .limit(50)
        .all_async(db)
        .await?;
    out.strategy("select_related", &log.take())?;
    let names: Vec<(String, String, String)> = joined
        .iter()
        .map(|p| {
            let author = p.author.get()?;
            Ok((
                p.title.clone(),
                author.name.clone(),
                author.publisher.get()?.name.clone(),
            ))
        })
        .collect::<Result<_, related::NotLoaded>>()?;
    assert_eq!(names, naive, "both strategies load the same graph");

    out.line("")?;
    out.line("== 50 posts with their author and tags")?;
    let posts = || Post::query().order_by(Post::id().asc()).limit(50);
    let mut a = Vec::new();
    for p in &posts().all_async(db).await? {
        a.push(line_naive(db, p, None).await?);
    }
    out.strategy("naive", &log.take())?;
    let mut b = Vec::new();
    for p in &posts().select_related(Post::author()).all_async(db).await? {
        b.push(line_naive(db, p, Some(p.author.get()?)).await?);
    }
    out.strategy("select_related", &log.take())?;
    let mut c = Vec::new();
    for p in &posts().prefetch_related(Post::tags()).all_async(db).await? {
        let author = Author::query()
            .filter(Author::id().eq(*p.author.key()))
            .one_async(db)
            .await?;
        c.push(line(p, &author, p.tags.get()?));
    }
    out.strategy("prefetch_related", &log.take())?;
    let d = posts()
        .select_related(Post::author())
        .prefetch_related(Post::tags())
        .all_async(db)
        .await?
        .iter()
        .map(|p| Ok(line(p, p.author.get()?, p.tags.get()?)))
        .collect::<Result<Vec<Line>, related::NotLoaded>>()?;
    out.strategy("both", &log.take())?;
    assert!(
        a == b && b == c && c == d,
        "every strategy loads the same graph"
    );
    for l in d.iter().take(3) {
        out.detail(&format!("   {} by {}: {}", l.0, l.1, l.2.join(", ")))?;
    }

    out.line("")?;
    out.line("== orders dashboard: customer and company, items with product, top reviews")?;
    let orders = Order::query()
        .select_related(Order::customer().then(Customer::company()))
        .prefetch(Prefetch::new(Order::items()).select_related(Item::product()))
        .prefetch_below(
            Order::items().then(Item::product()),
            Prefetch::new(Product::reviews())
                .filter(Review::rating().ge(4))
                .order_by(Review::rating().desc())
                .to(Product::top_reviews()),
        )
        .order_by(Order::id().asc())
        .all_async(db)
        .await?;
    out.strategy("dashboard", &log.take())?;
    for o in orders.iter().take(3) {
        let customer = o.customer.get()?;
        out.detail(&format!(
            "   order {} for {} ({})",
            o.id,
            customer.name,
            customer.company.get()?.name
        ))?;
        for item in o.items.get()? {
            let product = item.product.get()?;
            let ratings: Vec<i32> = product
                .top_reviews
                .get()?
                .iter()
                .map(|r| r.rating)
                .collect();
            out.detail(&format!(
                "     {} x {}, top ratings {ratings:?}",
                item.quantity, product.name
            ))?;
        }
    }
    Ok(())
}

/// Where the demo prints: count lines always, statements and rows unless
/// `--quiet`.
struct Report<'a> {
    out: &'a mut dyn Write,
    quiet: bool,
}

impl Report<'_> {
    fn line(&mut self, text: &str) -> std::io::Result<()> {
        writeln!(self.out, "{text}")
    }

    fn detail(&mut self, text: &str) -> std::io::Result<()> {
        if self.quiet { Ok(()) } else { self.line(text) }
    }

    /// The statements a strategy sent, then its count line.
    fn strategy(&mut self, strategy: &str, sent: &[LoggedStatement]) -> std::io::Result<()> {
        self.detail(&format!("-- {strategy}"))?;
        for (i, s) in sent.iter().enumerate() {
            // Long runs of per-row statements differ only in their
            // parameters: show the first few.
            if i < 3 || i + 1 == sent.len() {
                self.detail(&format!("   {}", s.sql))?;
            } else if i == 3 {
                self.detail(&format!("   ... ({} more like these)", sent.len() - 4))?;
            }
        }
        self.line(&format!("{strategy}: {} statements", sent.len()))
    }
}

type Line = (String, String, Vec<String>);

/// `tags` as loaded (`Arc`s shared between posts) or as fetched one by one.
fn line<T: std::borrow::Borrow<Tag>>(p: &Post, author: &Author, tags: &[T]) -> Line {
    (
        p.title.clone(),
        author.name.clone(),
        tags.iter().map(|t| t.borrow().name.clone()).collect(),
    )
}

/// The N+1 pattern, written out: one statement per post for what is missing.
async fn line_naive<E: AsyncExecutor + Copy>(
    db: E,
    p: &Post,
    author: Option<&Author>,
) -> Result<Line> {
    let fetched;
    let author = match author {
        Some(a) => a,
        None => {
            fetched = Author::query()
                .filter(Author::id().eq(*p.author.key()))
                .one_async(db)
                .await?;
            &fetched
        }
    };
    let sql = tags_of_post_sql(db.ctx().dialect);
    let tags: Vec<Tag> = db.raw(&sql, &[Value::I64(p.id)]).await?;
    Ok(line(p, author, &tags))
}

/// Hand-written SQL, as an N+1 loop would have it, in the backend's form.
fn tags_of_post_sql(dialect: Dialect) -> String {
    let sql = r#"SELECT "example_blog_tag"."id", "example_blog_tag"."name" FROM "example_blog_tag" INNER JOIN "example_blog_post_tags" ON "example_blog_post_tags"."tag_id" = "example_blog_tag"."id" WHERE "example_blog_post_tags"."post_id" = ? ORDER BY "example_blog_tag"."id""#;
    match dialect {
        Dialect::Sqlite => sql.to_owned(),
        Dialect::Postgres => sql.replace('?', "$1"),
        Dialect::Mysql => sql.replace('"', "`"),
    }
}

/// Posts, then each post's author, then each author's publisher.
async fn naive_authors<E: AsyncExecutor + Copy>(db: E) -> Result<Vec<(String, String, String)>> {
    let posts = Post::query()
        .order_by(Post::id().asc())
        .limit(50)
        .all_async(db)
        .await?;
    let mut out = Vec::new();
    for p in &posts {
        let author = Author::query()
            .filter(Author::id().eq(*p.author.key()))
            .one_async(db)
            .await?;
        let publisher = Publisher::query()
            .filter(Publisher::id().eq(*author.publisher.key()))
            .one_async(db)
            .await?;
        out.push((p.title.clone(), author.name, publisher.name));
    }
    Ok(out)
}

// --- the tables -----------------------------------------------------------

/// Every model of the example, each after the models it points to.
fn models() -> [&'static ModelInfo; 10] {
    [
        Publisher::info(),
        Author::info(),
        Tag::info(),
        Post::info(),
        Company::info(),
        Customer::info(),
        Order::info(),
        Product::info(),
        Item::info(),
        Review::info(),
    ]
}

/// Drop the example's tables (link tables included) if they exist, each
/// before the tables it points to.
async fn drop_tables<E: AsyncExecutor + Copy>(db: E) -> Result<()> {
    let dialect = db.ctx().dialect;
    for model in models().iter().rev() {
        let links = model.relations.iter().filter_map(|r| match r().kind {
            RelationKind::ManyToMany { through, .. } => Some(through),
            _ => None,
        });
        for table in links.chain([model.table]) {
            let sql = match dialect {
                Dialect::Sqlite => format!("DROP TABLE IF EXISTS \"{table}\""),
                Dialect::Postgres => format!("DROP TABLE IF EXISTS \"{table}\" CASCADE"),
                Dialect::Mysql => format!("DROP TABLE IF EXISTS `{table}`"),
            };
            db.execute_statement(&sql, &[]).await?;
        }
    }
    Ok(())
}

async fn seed<E: AsyncExecutor + Copy>(db: E) -> Result<()> {
    db.create_tables(&models()).await?;

    // The blog.
    let publishers: Vec<Publisher> = (1..=3)
        .map(|id| Publisher {
            id,
            name: format!("Publisher {id}"),
        })
        .collect();
    let authors: Vec<Author> = (1..=10)
        .map(|id| Author {
            id,
            name: format!("Author {id}"),
            publisher: ForeignKey::new(id % 3 + 1),
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
    let post_tags: Vec<(i64, i64)> = (1..=50)
        .flat_map(|id: i64| (0..(id % 3 + 1)).map(move |k| (id, (id + k * 2) % 6 + 1)))
        .collect();
    db.insert_all(&publishers).await?;
    db.insert_all(&authors).await?;
    db.insert_all(&tags).await?;
    db.insert_all(&posts).await?;
    db.link_all(Post::tags(), &post_tags).await?;

    // The shop.
    let companies: Vec<Company> = (1..=2)
        .map(|id| Company {
            id,
            name: format!("Company {id}"),
        })
        .collect();
    let customers: Vec<Customer> = (1..=4)
        .map(|id| Customer {
            id,
            name: format!("Customer {id}"),
            company: ForeignKey::new(id % 2 + 1),
        })
        .collect();
    let products: Vec<Product> = (1..=5)
        .map(|id| Product {
            id,
            name: format!("Product {id}"),
            reviews: Reverse::default(),
            top_reviews: Prefetched::default(),
        })
        .collect();
    let reviews: Vec<Review> = (1..=5)
        .flat_map(|id: i64| {
            (0..4).map(move |r| Review {
                id: id * 10 + r,
                product: ForeignKey::new(id),
                rating: ((id + r) % 5 + 1) as i32,
            })
        })
        .collect();
    let orders: Vec<Order> = (1..=8)
        .map(|id| Order {
            id,
            customer: ForeignKey::new(id % 4 + 1),
            items: Reverse::default(),
        })
        .collect();
    let items: Vec<Item> = (1..=8)
        .flat_map(|id: i64| {
            (0..(id % 3 + 1)).map(move |k| Item {
                id: id * 10 + k,
                order: ForeignKey::new(id),
                product: ForeignKey::new((id + k) % 5 + 1),
                quantity: (k + 1) as i32,
            })
        })
        .collect();
    db.insert_all(&companies).await?;
    db.insert_all(&customers).await?;
    db.insert_all(&products).await?;
    db.insert_all(&reviews).await?;
    db.insert_all(&orders).await?;
    db.insert_all(&items).await?;
    Ok(())
}
