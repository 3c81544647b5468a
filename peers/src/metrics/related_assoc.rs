//! `related`: the users with `prefetch_related(User::posts().then(Post::comments()))`,
//! async on sqlx (the PostgreSQL path `related` offers). One statement per
//! level: users, then `posts.user_id = ANY($1)`, then `comments.post_id =
//! ANY($1)`, inside one read-only snapshot transaction.

use related::prelude::*;
use related::sqlx::PgConnection;
use related::sqlx::postgres::{PgPool, PgPoolOptions};

use super::{GComment, GPost, GUser, Graph};

#[derive(Clone, Debug, Model)]
#[related(table = "users")]
pub struct User {
    pub id: i32,
    pub name: String,
    pub hair_color: Option<String>,
    #[related(reverse = Post::user)]
    pub posts: Reverse<Post>,
}

#[derive(Clone, Debug, Model)]
#[related(table = "posts")]
pub struct Post {
    pub id: i32,
    pub user: ForeignKey<User>,
    pub title: String,
    pub body: Option<String>,
    #[related(reverse = Comment::post)]
    pub comments: Reverse<Comment>,
}

#[derive(Clone, Debug, Model)]
#[related(table = "comments")]
pub struct Comment {
    pub id: i32,
    pub post: ForeignKey<Post>,
    pub text: String,
}

/// A pool of one connection: what an application passes (`&pool`).
pub async fn pool() -> Result<PgPool, related::sqlx::Error> {
    PgPoolOptions::new()
        .max_connections(1)
        .connect(&super::url())
        .await
}

/// A bare connection, for the `&mut conn` variant.
pub async fn connection() -> Result<PgConnection, related::sqlx::Error> {
    use related::sqlx::Connection;
    PgConnection::connect(&super::url()).await
}

/// The load, on any executor: `&pool` (what the bench times as
/// `related`), `&mut conn` (`related_conn`), or a `Logged` one.
pub async fn load<E: AsyncExecutor>(executor: E) -> related::Result<Vec<User>> {
    User::query()
        .prefetch_related(User::posts().then(Post::comments()))
        .all_async(executor)
        .await
}

/// [`load`] with `without_snapshot()`: the three SELECTs one by one, with
/// no read transaction around them, as the other peers send them
/// (`related_nosnap`).
pub async fn load_without_snapshot<E: AsyncExecutor>(executor: E) -> related::Result<Vec<User>> {
    User::query()
        .prefetch_related(User::posts().then(Post::comments()))
        .without_snapshot()
        .all_async(executor)
        .await
}

/// The plain shape; fails if a level was not loaded.
pub fn graph(users: &[User]) -> Result<Graph, related::NotLoaded> {
    users
        .iter()
        .map(|u| {
            Ok(GUser {
                id: u.id,
                name: u.name.clone(),
                hair_color: u.hair_color.clone(),
                posts: u
                    .posts
                    .get()?
                    .iter()
                    .map(|p| {
                        Ok(GPost {
                            id: p.id,
                            user_id: *p.user.key(),
                            title: p.title.clone(),
                            body: p.body.clone(),
                            comments: p
                                .comments
                                .get()?
                                .iter()
                                .map(|c| GComment {
                                    id: c.id,
                                    post_id: *c.post.key(),
                                    text: c.text.clone(),
                                })
                                .collect(),
                        })
                    })
                    .collect::<Result<_, related::NotLoaded>>()?,
            })
        })
        .collect()
}
