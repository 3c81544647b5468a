//! Diesel 2.3 (sync, libpq) and diesel-async 0.9 (tokio-postgres), the way
//! diesel's own bench loads the associations: `users::table.load`, then
//! `Post::belonging_to(&users)`, then `Comment::belonging_to(&posts)`,
//! stitched with `grouped_by` twice. One statement per level
//! (`= ANY($1)` for the key lists).

use diesel::prelude::*;

use super::{GComment, GPost, GUser, Graph};

pub mod schema {
    diesel::table! {
        users (id) {
            id -> Int4,
            name -> Varchar,
            hair_color -> Nullable<Varchar>,
        }
    }
    diesel::table! {
        posts (id) {
            id -> Int4,
            user_id -> Int4,
            title -> Varchar,
            body -> Nullable<Text>,
        }
    }
    diesel::table! {
        comments (id) {
            id -> Int4,
            post_id -> Int4,
            text -> Text,
        }
    }
    diesel::joinable!(posts -> users (user_id));
    diesel::joinable!(comments -> posts (post_id));
    diesel::allow_tables_to_appear_in_same_query!(users, posts, comments);
}

use schema::{comments, posts, users};

#[derive(Queryable, Selectable, Identifiable, Debug, Clone)]
#[diesel(table_name = users)]
pub struct User {
    pub id: i32,
    pub name: String,
    pub hair_color: Option<String>,
}

#[derive(Queryable, Selectable, Identifiable, Associations, Debug, Clone)]
#[diesel(table_name = posts, belongs_to(User))]
pub struct Post {
    pub id: i32,
    pub user_id: i32,
    pub title: String,
    pub body: Option<String>,
}

#[derive(Queryable, Selectable, Identifiable, Associations, Debug, Clone)]
#[diesel(table_name = comments, belongs_to(Post))]
pub struct Comment {
    pub id: i32,
    pub post_id: i32,
    pub text: String,
}

/// What one iteration returns (the type diesel's bench collects into).
pub type Loaded = Vec<(User, Vec<(Post, Vec<Comment>)>)>;

/// The two `grouped_by` steps both variants share.
fn stitch(users: Vec<User>, posts: Vec<Post>, comments: Vec<Comment>) -> Loaded {
    let comments = comments.grouped_by(&posts);
    let posts = posts.into_iter().zip(comments).grouped_by(&users);
    users.into_iter().zip(posts).collect()
}

pub fn connect() -> ConnectionResult<PgConnection> {
    PgConnection::establish(&super::url())
}

/// Diesel, sync.
pub fn load(conn: &mut PgConnection) -> QueryResult<Loaded> {
    let users = users::table.select(User::as_select()).load(conn)?;
    let posts = Post::belonging_to(&users)
        .select(Post::as_select())
        .load(conn)?;
    let comments = Comment::belonging_to(&posts)
        .select(Comment::as_select())
        .load(conn)?;
    Ok(stitch(users, posts, comments))
}

pub mod asynchronous {
    //! diesel-async: the same queries, awaited.

    use diesel::prelude::*;
    use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

    use super::schema::users;
    use super::{Comment, Loaded, Post, User};

    pub async fn connect() -> ConnectionResult<AsyncPgConnection> {
        AsyncPgConnection::establish(&super::super::url()).await
    }

    pub async fn load(conn: &mut AsyncPgConnection) -> QueryResult<Loaded> {
        let users = users::table.select(User::as_select()).load(conn).await?;
        let posts = Post::belonging_to(&users)
            .select(Post::as_select())
            .load(conn)
            .await?;
        let comments = Comment::belonging_to(&posts)
            .select(Comment::as_select())
            .load(conn)
            .await?;
        Ok(super::stitch(users, posts, comments))
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
                    comments: comments
                        .into_iter()
                        .map(|c| GComment {
                            id: c.id,
                            post_id: c.post_id,
                            text: c.text,
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect()
}
