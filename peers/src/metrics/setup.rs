//! Creates the workload's tables in their own schema and fills them, as
//! diesel's suite does before the benchmark (its migrations for these three
//! tables, then users, their posts, those posts' comments).

use sqlx::{Connection, PgConnection, Row};

use super::{COMMENTS_PER_POST, POSTS_PER_USER, SCHEMA, USERS};

/// The three tables as diesel's PostgreSQL migrations leave them (the
/// columns its bench reads, the index on `posts.user_id`, the foreign keys
/// and the unique title). Dropped and created again on every run so ids
/// start at 1.
const DDL: &str = "\
DROP TABLE IF EXISTS comments, posts, users CASCADE;
CREATE TABLE users (
  id SERIAL PRIMARY KEY,
  name VARCHAR NOT NULL,
  hair_color VARCHAR
);
CREATE TABLE posts (
  id SERIAL PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users DEFERRABLE,
  title VARCHAR NOT NULL UNIQUE,
  body TEXT
);
CREATE TABLE comments (
  id SERIAL PRIMARY KEY,
  post_id INTEGER NOT NULL REFERENCES posts DEFERRABLE,
  text TEXT NOT NULL
);
CREATE INDEX posts_user_id ON posts (user_id);
";

/// Create and fill the tables. Rows go in with one statement per table,
/// their values bound as arrays and inserted in array order, so the SERIAL
/// ids follow the generation order.
pub async fn fill() -> Result<(), sqlx::Error> {
    let mut admin = PgConnection::connect(&super::base_url()).await?;
    // The schema name is a constant: nothing to inject.
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        "CREATE SCHEMA IF NOT EXISTS {SCHEMA}"
    )))
    .execute(&mut admin)
    .await?;
    admin.close().await?;

    let mut conn = PgConnection::connect(&super::url()).await?;
    sqlx::raw_sql(DDL).execute(&mut conn).await?;

    let names: Vec<String> = (0..USERS).map(super::user_name).collect();
    let hair: Vec<String> = (0..USERS)
        .map(|i| super::hair_color(i).to_owned())
        .collect();
    sqlx::query(
        "INSERT INTO users (name, hair_color) \
         SELECT n, h FROM UNNEST($1::varchar[], $2::varchar[]) WITH ORDINALITY AS t(n, h, o) \
         ORDER BY o",
    )
    .bind(&names)
    .bind(&hair)
    .execute(&mut conn)
    .await?;

    let user_ids: Vec<i32> = sqlx::query("SELECT id FROM users ORDER BY id")
        .fetch_all(&mut conn)
        .await?
        .iter()
        .map(|r| r.try_get(0))
        .collect::<Result<_, _>>()?;
    let (mut owners, mut titles) = (Vec::new(), Vec::new());
    for &uid in &user_ids {
        for i in 0..POSTS_PER_USER {
            owners.push(uid);
            titles.push(super::post_title(i, uid));
        }
    }
    sqlx::query(
        "INSERT INTO posts (user_id, title, body) \
         SELECT u, t, NULL FROM UNNEST($1::int4[], $2::varchar[]) WITH ORDINALITY AS x(u, t, o) \
         ORDER BY o",
    )
    .bind(&owners)
    .bind(&titles)
    .execute(&mut conn)
    .await?;

    let post_ids: Vec<i32> = sqlx::query("SELECT id FROM posts ORDER BY id")
        .fetch_all(&mut conn)
        .await?
        .iter()
        .map(|r| r.try_get(0))
        .collect::<Result<_, _>>()?;
    let (mut parents, mut texts) = (Vec::new(), Vec::new());
    for &pid in &post_ids {
        for i in 0..COMMENTS_PER_POST {
            parents.push(pid);
            texts.push(super::comment_text(i, pid));
        }
    }
    sqlx::query(
        "INSERT INTO comments (post_id, text) \
         SELECT p, t FROM UNNEST($1::int4[], $2::text[]) WITH ORDINALITY AS x(p, t, o) \
         ORDER BY o",
    )
    .bind(&parents)
    .bind(&texts)
    .execute(&mut conn)
    .await?;

    // Statistics now, not whenever autovacuum gets to it, so every run
    // plans the same way.
    sqlx::raw_sql("ANALYZE users, posts, comments")
        .execute(&mut conn)
        .await?;
    conn.close().await?;
    Ok(())
}
