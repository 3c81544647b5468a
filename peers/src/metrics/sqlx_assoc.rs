//! sqlx 0.9 by hand, as diesel's bench writes it for sqlx: three queries on
//! one `PgConnection`, the key lists as `IN ($1, $2, ...)` with one bind
//! per key (the statement text built on each iteration), rows collected
//! with `fetch_all`, then stitched through two `HashMap`s keyed by id.

use std::collections::HashMap;

use sqlx::postgres::PgRow;
use sqlx::{Connection, PgConnection, Row};

use super::{GComment, GPost, GUser, Graph};

pub struct User {
    pub id: i32,
    pub name: String,
    pub hair_color: Option<String>,
}

pub struct Post {
    pub id: i32,
    pub user_id: i32,
    pub title: String,
    pub body: Option<String>,
}

pub struct Comment {
    pub id: i32,
    pub post_id: i32,
    pub text: String,
}

pub type Loaded = Vec<(User, Vec<(Post, Vec<Comment>)>)>;

pub async fn connect() -> Result<PgConnection, sqlx::Error> {
    PgConnection::connect(&super::url()).await
}

/// `SELECT ... WHERE <column> IN ($1, ..., $n)`.
fn in_list(head: &str, n: usize) -> String {
    let mut sql = String::with_capacity(head.len() + n * 6);
    sql.push_str(head);
    sql.push_str(" IN (");
    for i in 1..=n {
        if i > 1 {
            sql.push(',');
        }
        sql.push('$');
        sql.push_str(&i.to_string());
    }
    sql.push(')');
    sql
}

fn user(r: &PgRow) -> Result<User, sqlx::Error> {
    Ok(User {
        id: r.try_get(0)?,
        name: r.try_get(1)?,
        hair_color: r.try_get(2)?,
    })
}

fn post(r: &PgRow) -> Result<Post, sqlx::Error> {
    Ok(Post {
        id: r.try_get(0)?,
        title: r.try_get(1)?,
        user_id: r.try_get(2)?,
        body: r.try_get(3)?,
    })
}

fn comment(r: &PgRow) -> Result<Comment, sqlx::Error> {
    Ok(Comment {
        id: r.try_get(0)?,
        post_id: r.try_get(1)?,
        text: r.try_get(2)?,
    })
}

pub async fn load(conn: &mut PgConnection) -> Result<Loaded, sqlx::Error> {
    let users: Vec<User> = sqlx::query("SELECT id, name, hair_color FROM users")
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(user)
        .collect::<Result<_, _>>()?;

    let sql = in_list(
        "SELECT id, title, user_id, body FROM posts WHERE user_id",
        users.len(),
    );
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
    for u in &users {
        q = q.bind(u.id);
    }
    let posts: Vec<Post> = q
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(post)
        .collect::<Result<_, _>>()?;

    let sql = in_list(
        "SELECT id, post_id, text FROM comments WHERE post_id",
        posts.len(),
    );
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
    for p in &posts {
        q = q.bind(p.id);
    }
    let comments: Vec<Comment> = q
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(comment)
        .collect::<Result<_, _>>()?;

    let mut posts: HashMap<i32, (Post, Vec<Comment>)> =
        posts.into_iter().map(|p| (p.id, (p, Vec::new()))).collect();
    let mut users: HashMap<i32, (User, Vec<(Post, Vec<Comment>)>)> =
        users.into_iter().map(|u| (u.id, (u, Vec::new()))).collect();
    for c in comments {
        if let Some(p) = posts.get_mut(&c.post_id) {
            p.1.push(c);
        }
    }
    for (_, p) in posts {
        if let Some(u) = users.get_mut(&p.0.user_id) {
            u.1.push(p);
        }
    }
    Ok(users.into_values().collect())
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
