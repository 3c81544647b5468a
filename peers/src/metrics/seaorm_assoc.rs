//! SeaORM 2.0 (2.0 entity format), its two loaders:
//! - the data loader (`LoaderTrait`): `users.load_many(post)`, then the
//!   posts, moved into one list, `.load_many(comment)`;
//! - the entity loader: `user::Entity::load().with((post::Entity,
//!   comment::Entity)).all(db)`.
//!
//! Both send three statements (`IN (...)` with one bind per key).

use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr, EntityTrait, LoaderTrait};

use super::{GComment, GPost, GUser, Graph};

pub mod user {
    use sea_orm::entity::prelude::*;

    #[sea_orm::model]
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "users")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub name: String,
        pub hair_color: Option<String>,
        #[sea_orm(has_many)]
        pub posts: HasMany<super::post::Entity>,
    }

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod post {
    use sea_orm::entity::prelude::*;

    #[sea_orm::model]
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "posts")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub user_id: i32,
        pub title: String,
        pub body: Option<String>,
        #[sea_orm(belongs_to, from = "user_id", to = "id")]
        pub user: BelongsTo<super::user::Entity>,
        #[sea_orm(has_many)]
        pub comments: HasMany<super::comment::Entity>,
    }

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod comment {
    use sea_orm::entity::prelude::*;

    #[sea_orm::model]
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "comments")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub post_id: i32,
        pub text: String,
        #[sea_orm(belongs_to, from = "post_id", to = "id")]
        pub post: BelongsTo<super::post::Entity>,
    }

    impl ActiveModelBehavior for ActiveModel {}
}

/// One pooled connection, like `related`'s pool.
pub async fn connect() -> Result<DatabaseConnection, DbErr> {
    let mut opts = ConnectOptions::new(super::url());
    opts.max_connections(1)
        .min_connections(1)
        .sqlx_logging(false);
    Database::connect(opts).await
}

pub type Loaded = Vec<(user::Model, Vec<(post::Model, Vec<comment::Model>)>)>;

/// The data loader, stacked.
pub async fn load(db: &DatabaseConnection) -> Result<Loaded, DbErr> {
    let users = user::Entity::find().all(db).await?;
    let posts = users.load_many(post::Entity, db).await?;
    // One list of every post for the next level, remembering how many
    // belong to each user.
    let sizes: Vec<usize> = posts.iter().map(Vec::len).collect();
    let flat: Vec<post::Model> = posts.into_iter().flatten().collect();
    let comments = flat.load_many(comment::Entity, db).await?;
    let mut pairs = flat.into_iter().zip(comments);
    Ok(users
        .into_iter()
        .zip(sizes)
        .map(|(u, n)| (u, pairs.by_ref().take(n).collect()))
        .collect())
}

/// The entity loader, nested.
pub async fn load_ex(db: &DatabaseConnection) -> Result<Vec<user::ModelEx>, DbErr> {
    user::Entity::load()
        .with((post::Entity, comment::Entity))
        .all(db)
        .await
}

fn g_comment(c: &comment::Model) -> GComment {
    GComment {
        id: c.id,
        post_id: c.post_id,
        text: c.text.clone(),
    }
}

pub fn graph(rows: Loaded) -> Graph {
    rows.into_iter()
        .map(|(u, posts)| GUser {
            id: u.id,
            name: u.name,
            hair_color: u.hair_color,
            posts: posts
                .into_iter()
                .map(|(p, comments)| GPost {
                    id: p.id,
                    user_id: p.user_id,
                    title: p.title,
                    body: p.body,
                    comments: comments.iter().map(g_comment).collect(),
                })
                .collect(),
        })
        .collect()
}

pub fn graph_ex(rows: &[user::ModelEx]) -> Graph {
    rows.iter()
        .map(|u| GUser {
            id: u.id,
            name: u.name.clone(),
            hair_color: u.hair_color.clone(),
            posts: u
                .posts
                .iter()
                .map(|p| GPost {
                    id: p.id,
                    user_id: p.user_id,
                    title: p.title.clone(),
                    body: p.body.clone(),
                    comments: p
                        .comments
                        .iter()
                        .map(|c| GComment {
                            id: c.id,
                            post_id: c.post_id,
                            text: c.text.clone(),
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect()
}
