//! The seed article's blog: publishers, authors, tags and posts.

use related::prelude::*;

use crate::harness::Db;

#[derive(Clone, Debug, PartialEq, Model, serde::Serialize)]
#[related(table = "blog_publisher")]
pub struct Publisher {
    pub id: i64,
    pub name: String,
    #[related(reverse = Author::publisher)]
    pub authors: Reverse<Author>,
}

#[derive(Clone, Debug, PartialEq, Model, serde::Serialize)]
#[related(table = "blog_author")]
pub struct Author {
    pub id: i64,
    pub name: String,
    pub email: Option<String>,
    pub publisher: ForeignKey<Publisher>,
    #[related(reverse = Post::author)]
    pub posts: Reverse<Post>,
}

#[derive(Clone, Debug, PartialEq, Model, serde::Serialize)]
#[related(table = "blog_tag")]
pub struct Tag {
    pub id: i64,
    pub name: String,
    #[related(reverse = Post::tags)]
    pub posts: Reverse<Post>,
}

#[derive(Clone, Debug, PartialEq, Model, serde::Serialize)]
#[related(table = "blog_post")]
pub struct Post {
    pub id: i64,
    pub title: String,
    pub author: ForeignKey<Author>,
    pub editor: Option<ForeignKey<Author>>,
    #[related(through = "blog_post_tags")]
    pub tags: ManyToMany<Tag>,
    pub python_tags: Prefetched<Tag>,
}

/// All blog models, in creation order.
pub fn models() -> Vec<&'static related::ModelInfo> {
    vec![Publisher::info(), Author::info(), Tag::info(), Post::info()]
}

/// A blog of `posts` posts: 3 publishers, 10 authors, 8 tags; post `i` has
/// author `i % 10`, an editor on every third post, and 1 to 4 tags.
pub fn seed(db: &Db, posts: i64) -> related::Result<()> {
    db.create_tables(&models())?;
    db.transaction(|db| {
        for p in 1..=3 {
            db.insert(&Publisher {
                id: p,
                name: format!("Publisher {p}"),
                authors: Default::default(),
            })?;
        }
        for a in 1..=10 {
            db.insert(&Author {
                id: a,
                name: format!("Author {a}"),
                email: (a % 2 == 0).then(|| format!("a{a}@example.com")),
                publisher: ForeignKey::new(a % 3 + 1),
                posts: Default::default(),
            })?;
        }
        for t in 1..=8 {
            db.insert(&Tag {
                id: t,
                name: format!("tag{t}"),
                posts: Default::default(),
            })?;
        }
        for i in 1..=posts {
            db.insert(&Post {
                id: i,
                title: format!("Post {i}"),
                author: ForeignKey::new(i % 10 + 1),
                editor: (i % 3 == 0).then(|| ForeignKey::new((i + 5) % 10 + 1)),
                tags: Default::default(),
                python_tags: Default::default(),
            })?;
            for k in 0..(i % 4 + 1) {
                db.link(Post::tags(), &i, &((i + k * 3) % 8 + 1))?;
            }
        }
        Ok(())
    })
}

/// Posts with their author (JOIN) and tags (prefetch), in id order.
pub fn posts_with_tags() -> Query<Post, impl Sized> {
    Post::query()
        .select_related(Post::author())
        .prefetch_related(Post::tags())
        .order_by(Post::id().asc())
}

/// (post id, author name, tag names): a whole loaded graph, comparable.
pub fn graph(posts: &[Post]) -> Vec<(i64, String, Vec<String>)> {
    posts
        .iter()
        .map(|p| {
            (
                p.id,
                p.author.get().expect("author loaded").name.clone(),
                p.tags
                    .get()
                    .expect("tags loaded")
                    .iter()
                    .map(|t| t.name.clone())
                    .collect(),
            )
        })
        .collect()
}
