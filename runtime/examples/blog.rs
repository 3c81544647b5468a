//! The seed article's blog and its orders dashboard, on embedded SQLite.
//!
//! Loads the same data with each strategy and prints the statements each
//! sent: `cargo run --example blog` (add `-- --quiet` to print only counts).

use related::prelude::*;
use related::{LoggedStatement, Sqlite};

// --- the blog -------------------------------------------------------------

#[derive(Clone, Debug, Model)]
#[related(table = "blog_publisher")]
struct Publisher {
    id: i64,
    name: String,
}

#[derive(Clone, Debug, Model)]
#[related(table = "blog_author")]
struct Author {
    id: i64,
    name: String,
    publisher: ForeignKey<Publisher>,
}

#[derive(Clone, Debug, Model)]
#[related(table = "blog_tag")]
struct Tag {
    id: i64,
    name: String,
}

#[derive(Clone, Debug, Model)]
#[related(table = "blog_post")]
struct Post {
    id: i64,
    title: String,
    author: ForeignKey<Author>,
    #[related(through = "blog_post_tags")]
    tags: ManyToMany<Tag>,
}

// --- the orders dashboard -------------------------------------------------

#[derive(Clone, Debug, Model)]
struct Company {
    id: i64,
    name: String,
}

#[derive(Clone, Debug, Model)]
struct Customer {
    id: i64,
    name: String,
    company: ForeignKey<Company>,
}

#[derive(Clone, Debug, Model)]
#[related(table = "shop_order")]
struct Order {
    id: i64,
    customer: ForeignKey<Customer>,
    #[related(reverse = Item::order)]
    items: Reverse<Item>,
}

#[derive(Clone, Debug, Model)]
struct Product {
    id: i64,
    name: String,
    #[related(reverse = Review::product)]
    reviews: Reverse<Review>,
    top_reviews: Prefetched<Review>,
}

#[derive(Clone, Debug, Model)]
struct Item {
    id: i64,
    order: ForeignKey<Order>,
    product: ForeignKey<Product>,
    quantity: i32,
}

#[derive(Clone, Debug, Model)]
struct Review {
    id: i64,
    product: ForeignKey<Product>,
    rating: i32,
}

fn main() -> related::Result<()> {
    let quiet = std::env::args().any(|a| a == "--quiet");
    let db = Sqlite::open_in_memory()?;
    seed_blog(&db)?;
    seed_shop(&db)?;
    let report = |strategy: &str, sent: &[LoggedStatement]| {
        if !quiet {
            println!("-- {strategy}");
            for (i, s) in sent.iter().enumerate() {
                // Long runs of per-row statements differ only in their
                // parameters: show the first few.
                if i < 3 || i + 1 == sent.len() {
                    println!("   {}", s.sql);
                } else if i == 3 {
                    println!("   ... ({} more like these)", sent.len() - 4);
                }
            }
        }
        println!("{strategy}: {} statements", sent.len());
    };

    println!("== 50 posts with their author and the author's publisher");
    let (naive, sent) = db.log().capture(|| naive_authors(&db));
    let naive = naive?;
    report("naive", &sent);
    let (joined, sent) = db.log().capture(|| {
        Post::query()
            .select_related(Post::author().then(Author::publisher()))
            .order_by(Post::id().asc())
            .limit(50)
            .all(&db)
    });
    let joined = joined?;
    report("select_related", &sent);
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
        .collect::<Result<_, related::NotLoaded>>()
        .map_err(|e| related::Error::Connect {
            message: e.to_string(),
            source: None,
        })?;
    assert_eq!(names, naive, "both strategies load the same graph");

    println!();
    println!("== 50 posts with their author and tags");
    let posts = || Post::query().order_by(Post::id().asc()).limit(50);
    let (a, sent) = db.log().capture(|| -> related::Result<Vec<Line>> {
        let posts = posts().all(&db)?;
        posts.iter().map(|p| line_naive(&db, p, None)).collect()
    });
    report("naive", &sent);
    let (b, sent) = db.log().capture(|| -> related::Result<Vec<Line>> {
        let posts = posts().select_related(Post::author()).all(&db)?;
        posts
            .iter()
            .map(|p| line_naive(&db, p, p.author.get().ok()))
            .collect()
    });
    report("select_related", &sent);
    let (c, sent) = db.log().capture(|| -> related::Result<Vec<Line>> {
        let posts = posts().prefetch_related(Post::tags()).all(&db)?;
        posts
            .iter()
            .map(|p| {
                let author = Author::query()
                    .filter(Author::id().eq(*p.author.key()))
                    .one(&db)?;
                Ok(line(p, &author, p.tags.get().unwrap_or_default()))
            })
            .collect()
    });
    report("prefetch_related", &sent);
    let (d, sent) = db.log().capture(|| -> related::Result<Vec<Line>> {
        let posts = posts()
            .select_related(Post::author())
            .prefetch_related(Post::tags())
            .all(&db)?;
        Ok(posts
            .iter()
            .filter_map(|p| Some(line(p, p.author.get().ok()?, p.tags.get().ok()?)))
            .collect())
    });
    report("both", &sent);
    let (a, b, c, d) = (a?, b?, c?, d?);
    assert!(
        a == b && b == c && c == d,
        "every strategy loads the same graph"
    );
    if !quiet {
        for l in d.iter().take(3) {
            println!("   {} by {}: {}", l.0, l.1, l.2.join(", "));
        }
    }

    println!();
    println!("== orders dashboard: customer and company, items with product, top reviews");
    let (orders, sent) = db.log().capture(|| {
        Order::query()
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
            .all(&db)
    });
    let orders = orders?;
    report("dashboard", &sent);
    if !quiet {
        for o in orders.iter().take(3) {
            let customer = o.customer.get().map_err(not_loaded)?;
            println!(
                "   order {} for {} ({})",
                o.id,
                customer.name,
                customer.company.get().map_err(not_loaded)?.name
            );
            for item in o.items.get().map_err(not_loaded)? {
                let product = item.product.get().map_err(not_loaded)?;
                let ratings: Vec<i32> = product
                    .top_reviews
                    .iter()
                    .map_err(not_loaded)?
                    .map(|r| r.rating)
                    .collect();
                println!(
                    "     {} x {}, top ratings {ratings:?}",
                    item.quantity, product.name
                );
            }
        }
    }
    Ok(())
}

type Line = (String, String, Vec<String>);

fn line(p: &Post, author: &Author, tags: &[Tag]) -> Line {
    (
        p.title.clone(),
        author.name.clone(),
        tags.iter().map(|t| t.name.clone()).collect(),
    )
}

/// The N+1 pattern, written out: one statement per post for what is missing.
fn line_naive(db: &Sqlite, p: &Post, author: Option<&Author>) -> related::Result<Line> {
    let fetched;
    let author = match author {
        Some(a) => a,
        None => {
            fetched = Author::query()
                .filter(Author::id().eq(*p.author.key()))
                .one(db)?;
            &fetched
        }
    };
    let tags: Vec<Tag> = db.raw(
        r#"SELECT "blog_tag"."id", "blog_tag"."name" FROM "blog_tag" INNER JOIN "blog_post_tags" ON "blog_post_tags"."tag_id" = "blog_tag"."id" WHERE "blog_post_tags"."post_id" = ? ORDER BY "blog_tag"."id""#,
        &[related::Value::I64(p.id)],
    )?;
    Ok(line(p, author, &tags))
}

/// Posts, then each post's author, then each author's publisher.
fn naive_authors(db: &Sqlite) -> related::Result<Vec<(String, String, String)>> {
    let posts = Post::query().order_by(Post::id().asc()).limit(50).all(db)?;
    let mut out = Vec::new();
    for p in &posts {
        let author = Author::query()
            .filter(Author::id().eq(*p.author.key()))
            .one(db)?;
        let publisher = Publisher::query()
            .filter(Publisher::id().eq(*author.publisher.key()))
            .one(db)?;
        out.push((p.title.clone(), author.name, publisher.name));
    }
    Ok(out)
}

fn not_loaded(e: related::NotLoaded) -> related::Error {
    related::Error::Connect {
        message: e.to_string(),
        source: None,
    }
}

fn seed_blog(db: &Sqlite) -> related::Result<()> {
    db.create_tables(&[Publisher::info(), Author::info(), Tag::info(), Post::info()])?;
    db.transaction(|db| {
        for id in 1..=3 {
            db.insert(&Publisher {
                id,
                name: format!("Publisher {id}"),
            })?;
        }
        for id in 1..=10 {
            db.insert(&Author {
                id,
                name: format!("Author {id}"),
                publisher: ForeignKey::new(id % 3 + 1),
            })?;
        }
        let names = ["python", "rust", "django", "sql", "web", "async"];
        for (i, name) in names.iter().enumerate() {
            db.insert(&Tag {
                id: i as i64 + 1,
                name: (*name).to_owned(),
            })?;
        }
        for id in 1..=50 {
            db.insert(&Post {
                id,
                title: format!("Post {id}"),
                author: ForeignKey::new(id % 10 + 1),
                tags: ManyToMany::default(),
            })?;
            for k in 0..(id % 3 + 1) {
                db.link(Post::tags(), &id, &((id + k * 2) % 6 + 1))?;
            }
        }
        Ok(())
    })
}

fn seed_shop(db: &Sqlite) -> related::Result<()> {
    db.create_tables(&[
        Company::info(),
        Customer::info(),
        Order::info(),
        Product::info(),
        Item::info(),
        Review::info(),
    ])?;
    db.transaction(|db| {
        for id in 1..=2 {
            db.insert(&Company {
                id,
                name: format!("Company {id}"),
            })?;
        }
        for id in 1..=4 {
            db.insert(&Customer {
                id,
                name: format!("Customer {id}"),
                company: ForeignKey::new(id % 2 + 1),
            })?;
        }
        for id in 1..=5 {
            db.insert(&Product {
                id,
                name: format!("Product {id}"),
                reviews: Reverse::default(),
                top_reviews: Prefetched::default(),
            })?;
            for r in 0..4 {
                db.insert(&Review {
                    id: id * 10 + r,
                    product: ForeignKey::new(id),
                    rating: ((id + r) % 5 + 1) as i32,
                })?;
            }
        }
        for id in 1..=8 {
            db.insert(&Order {
                id,
                customer: ForeignKey::new(id % 4 + 1),
                items: Reverse::default(),
            })?;
            for k in 0..(id % 3 + 1) {
                db.insert(&Item {
                    id: id * 10 + k,
                    order: ForeignKey::new(id),
                    product: ForeignKey::new((id + k) % 5 + 1),
                    quantity: (k + 1) as i32,
                })?;
            }
        }
        Ok(())
    })
}
