// The prelude's methods that exist only to be an error (`post.save(..)`,
// `row.unwrap()`, `row.get()`) never shadow a user's own: an inherent
// method, or a trait of the user's with a `&self` / `self` receiver, is the
// one called, with the prelude imported by glob.
#![deny(warnings)]

use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Author {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub author: ForeignKey<Author>,
}

/// A cache of the user's, keyed by row.
trait Cached {
    fn get(&self) -> i64;
    fn save(&self, into: &mut Vec<i64>);
}

impl Cached for Post {
    fn get(&self) -> i64 {
        self.id * 10
    }
    fn save(&self, into: &mut Vec<i64>) {
        into.push(self.id);
    }
}

impl Author {
    fn unwrap(&self) -> &str {
        &self.name
    }
}

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    db.create_tables(&[Author::info(), Post::info()])?;
    db.insert(&Author { id: 1, name: "Ann".into() })?;
    db.insert(&Post { id: 7, author: ForeignKey::new(1) })?;
    let post = Post::query().select_related(Post::author()).one(&db)?;
    assert_eq!(post.get(), 70);
    let mut saved = Vec::new();
    post.save(&mut saved);
    assert_eq!(saved, [7]);
    assert_eq!(post.author.get()?.unwrap(), "Ann");
    // `Option`'s own `unwrap` and `Result`'s come first.
    let first = Post::query().first(&db)?.unwrap();
    assert_eq!(first.id, 7);
    let typed = Post::query().select_related(Post::author()).fetch_one(&db)?;
    assert_eq!(typed.author().unwrap(), "Ann");
    assert_eq!(typed.get(), 70);
    Ok(())
}
