//! The blog job of BENCHMARKS.md written the idiomatic way with Diesel and
//! SeaORM, on the SQLite files `cargo bench -p related --bench blog` writes
//! (`target/bench-data/blog-<posts>.sqlite3`).
//!
//! [`metrics`] holds diesel's "loading associations sequentially" workload
//! on PostgreSQL for `related` and the same peers (plus diesel-async and
//! sqlx), run by `benches/metrics_assoc.rs`.
//!
//! Each blog loader returns the same plain shape, so results can be compared:
//! `(post id, title, author id, author name, [(tag id, tag name)])`.

use std::path::PathBuf;

pub mod metrics;

pub type Loaded = Vec<(i64, String, i64, String, Vec<(i64, String)>)>;

pub const SIZES: [usize; 3] = [500, 10_000, 100_000];

/// The data file of `n` posts (`$RELATED_BENCH_DATA` or
/// `<repo>/target/bench-data`), written by the `related` bench.
pub fn data_file(n: usize) -> PathBuf {
    let dir = match std::env::var_os("RELATED_BENCH_DATA") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../target/bench-data")),
    };
    dir.join(format!("blog-{n}.sqlite3"))
}

/// Read every title, author name and tag name (the job's "touch").
pub fn touch(rows: &Loaded) -> usize {
    rows.iter()
        .map(|(_, title, _, author, tags)| {
            title.len() + author.len() + tags.iter().map(|(_, t)| t.len()).sum::<usize>()
        })
        .sum()
}

/// Rows sorted by post id and each post's tags by id, for comparisons.
pub fn canonical(mut rows: Loaded) -> Loaded {
    rows.sort_by_key(|r| r.0);
    for r in &mut rows {
        r.4.sort_by_key(|t| t.0);
    }
    rows
}

pub mod diesel_blog {
    //! Diesel 2.3: `inner_join` for the author (one statement), then
    //! `PostTag::belonging_to(&posts).inner_join(tags)` + `grouped_by(&posts)`
    //! for the tags (the many-to-many pattern of Diesel's relations guide).

    use diesel::prelude::*;

    use super::Loaded;

    pub mod schema {
        diesel::table! {
            blog_author (id) {
                id -> BigInt,
                name -> Text,
            }
        }
        diesel::table! {
            blog_tag (id) {
                id -> BigInt,
                name -> Text,
            }
        }
        diesel::table! {
            blog_post (id) {
                id -> BigInt,
                title -> Text,
                author_id -> BigInt,
            }
        }
        diesel::table! {
            blog_post_tags (post_id, tag_id) {
                post_id -> BigInt,
                tag_id -> BigInt,
            }
        }
        diesel::joinable!(blog_post -> blog_author (author_id));
        diesel::joinable!(blog_post_tags -> blog_post (post_id));
        diesel::joinable!(blog_post_tags -> blog_tag (tag_id));
        diesel::allow_tables_to_appear_in_same_query!(
            blog_author,
            blog_tag,
            blog_post,
            blog_post_tags
        );
    }

    use schema::{blog_author, blog_post, blog_post_tags, blog_tag};

    #[derive(Queryable, Selectable, Identifiable, Debug, Clone)]
    #[diesel(table_name = blog_author)]
    pub struct Author {
        pub id: i64,
        pub name: String,
    }

    #[derive(Queryable, Selectable, Identifiable, Debug, Clone)]
    #[diesel(table_name = blog_tag)]
    pub struct Tag {
        pub id: i64,
        pub name: String,
    }

    #[derive(Queryable, Selectable, Identifiable, Associations, Debug, Clone)]
    #[diesel(table_name = blog_post, belongs_to(Author))]
    pub struct Post {
        pub id: i64,
        pub title: String,
        pub author_id: i64,
    }

    #[derive(Queryable, Selectable, Identifiable, Associations, Debug, Clone)]
    #[diesel(table_name = blog_post_tags, primary_key(post_id, tag_id))]
    #[diesel(belongs_to(Post), belongs_to(Tag))]
    pub struct PostTag {
        pub post_id: i64,
        pub tag_id: i64,
    }

    pub fn connect(path: &std::path::Path) -> SqliteConnection {
        SqliteConnection::establish(&path.to_string_lossy()).expect("open the bench database")
    }

    /// The job, the Diesel way: 2 statements (the second binds one variable
    /// per post, so it fails past SQLite's variable limit).
    pub fn load(conn: &mut SqliteConnection) -> QueryResult<Vec<(Post, Author, Vec<Tag>)>> {
        let rows: Vec<(Post, Author)> = blog_post::table
            .inner_join(blog_author::table)
            .select((Post::as_select(), Author::as_select()))
            .load(conn)?;
        let (posts, authors): (Vec<Post>, Vec<Author>) = rows.into_iter().unzip();
        let tags: Vec<Vec<(PostTag, Tag)>> = PostTag::belonging_to(&posts)
            .inner_join(blog_tag::table)
            .select((PostTag::as_select(), Tag::as_select()))
            .load::<(PostTag, Tag)>(conn)?
            .grouped_by(&posts);
        Ok(posts
            .into_iter()
            .zip(authors)
            .zip(tags)
            .map(|((p, a), t)| (p, a, t.into_iter().map(|(_, tag)| tag).collect()))
            .collect())
    }

    pub fn touch(rows: &[(Post, Author, Vec<Tag>)]) -> usize {
        rows.iter()
            .map(|(p, a, tags)| {
                p.title.len() + a.name.len() + tags.iter().map(|t| t.name.len()).sum::<usize>()
            })
            .sum()
    }

    pub fn plain(rows: Vec<(Post, Author, Vec<Tag>)>) -> Loaded {
        rows.into_iter()
            .map(|(p, a, tags)| {
                (
                    p.id,
                    p.title,
                    a.id,
                    a.name,
                    tags.into_iter().map(|t| (t.id, t.name)).collect(),
                )
            })
            .collect()
    }
}

pub mod seaorm_blog {
    //! SeaORM 2.0 with its 2.0 entity format (`#[sea_orm::model]`), two
    //! idiomatic ways:
    //! - `find_also_related(author)` (one JOIN statement) then
    //!   `posts.load_many(tag::Entity, db)` (the data loader; many-to-many
    //!   through the junction entity in one statement);
    //! - the 2.0 entity loader: `post::Entity::load().with(author::Entity)
    //!   .with(tag::Entity).all(db)`.

    use sea_orm::{Database, DatabaseConnection, DbErr, EntityTrait, LoaderTrait};

    use super::Loaded;

    pub mod author {
        use sea_orm::entity::prelude::*;

        #[sea_orm::model]
        #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
        #[sea_orm(table_name = "blog_author")]
        pub struct Model {
            #[sea_orm(primary_key)]
            pub id: i64,
            pub name: String,
            #[sea_orm(has_many)]
            pub posts: HasMany<super::post::Entity>,
        }

        impl ActiveModelBehavior for ActiveModel {}
    }

    pub mod tag {
        use sea_orm::entity::prelude::*;

        #[sea_orm::model]
        #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
        #[sea_orm(table_name = "blog_tag")]
        pub struct Model {
            #[sea_orm(primary_key)]
            pub id: i64,
            pub name: String,
            #[sea_orm(has_many, via = "post_tag")]
            pub posts: HasMany<super::post::Entity>,
        }

        impl ActiveModelBehavior for ActiveModel {}
    }

    pub mod post {
        use sea_orm::entity::prelude::*;

        #[sea_orm::model]
        #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
        #[sea_orm(table_name = "blog_post")]
        pub struct Model {
            #[sea_orm(primary_key)]
            pub id: i64,
            pub title: String,
            pub author_id: i64,
            #[sea_orm(belongs_to, from = "author_id", to = "id")]
            pub author: BelongsTo<super::author::Entity>,
            #[sea_orm(has_many, via = "post_tag")]
            pub tags: HasMany<super::tag::Entity>,
        }

        impl ActiveModelBehavior for ActiveModel {}
    }

    pub mod post_tag {
        use sea_orm::entity::prelude::*;

        #[sea_orm::model]
        #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
        #[sea_orm(table_name = "blog_post_tags")]
        pub struct Model {
            #[sea_orm(primary_key, auto_increment = false)]
            pub post_id: i64,
            #[sea_orm(primary_key, auto_increment = false)]
            pub tag_id: i64,
            #[sea_orm(belongs_to, from = "post_id", to = "id")]
            pub post: BelongsTo<super::post::Entity>,
            #[sea_orm(belongs_to, from = "tag_id", to = "id")]
            pub tag: BelongsTo<super::tag::Entity>,
        }

        impl ActiveModelBehavior for ActiveModel {}
    }

    pub async fn connect(path: &std::path::Path) -> DatabaseConnection {
        Database::connect(format!("sqlite://{}?mode=ro", path.display()))
            .await
            .expect("open the bench database")
    }

    pub type Rows = Vec<(post::Model, Option<author::Model>, Vec<tag::Model>)>;

    /// `find_also_related` + `load_many`: 2 statements.
    pub async fn load(db: &DatabaseConnection) -> Result<Rows, DbErr> {
        let rows = post::Entity::find()
            .find_also_related(author::Entity)
            .all(db)
            .await?;
        let (posts, authors): (Vec<post::Model>, Vec<Option<author::Model>>) =
            rows.into_iter().unzip();
        let tags = posts.load_many(tag::Entity, db).await?;
        Ok(posts
            .into_iter()
            .zip(authors)
            .zip(tags)
            .map(|((p, a), t)| (p, a, t))
            .collect())
    }

    pub fn touch(rows: &Rows) -> usize {
        rows.iter()
            .map(|(p, a, tags)| {
                p.title.len()
                    + a.as_ref().map_or(0, |a| a.name.len())
                    + tags.iter().map(|t| t.name.len()).sum::<usize>()
            })
            .sum()
    }

    pub fn plain(rows: Rows) -> Loaded {
        rows.into_iter()
            .map(|(p, a, tags)| {
                let a = a.expect("every post has an author");
                (
                    p.id,
                    p.title,
                    a.id,
                    a.name,
                    tags.into_iter().map(|t| (t.id, t.name)).collect(),
                )
            })
            .collect()
    }

    /// The 2.0 entity loader: `load().with(author).with(tags)`.
    pub async fn load_ex(db: &DatabaseConnection) -> Result<Vec<post::ModelEx>, DbErr> {
        post::Entity::load()
            .with(author::Entity)
            .with(tag::Entity)
            .all(db)
            .await
    }

    pub fn touch_ex(rows: &[post::ModelEx]) -> usize {
        rows.iter()
            .map(|p| {
                p.title.len()
                    + p.author.as_ref().map_or(0, |a| a.name.len())
                    + p.tags.iter().map(|t| t.name.len()).sum::<usize>()
            })
            .sum()
    }

    pub fn plain_ex(rows: Vec<post::ModelEx>) -> Loaded {
        rows.into_iter()
            .map(|p| {
                let a = p.author.as_ref().expect("every post has an author");
                (
                    p.id,
                    p.title.clone(),
                    a.id,
                    a.name.clone(),
                    p.tags.iter().map(|t| (t.id, t.name.clone())).collect(),
                )
            })
            .collect()
    }
}
