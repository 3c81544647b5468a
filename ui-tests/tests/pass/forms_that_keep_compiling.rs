// Code that compiled before the refused spellings and argument traits of
// the query API were added, and must go on compiling (an audit found each
// of these broken by a first version of them): a `&mut Sqlite` binding
// reused by several loads, one behind `&self`, a load method as a function
// pointer, `&` of two filters in generic code without a `Model` bound or
// through a generic helper, `key()` of a nullable foreign key through
// `RelationField`, an `Executor` wrapper calling `begin`, and a column
// named `exists` reached through a relation.
use related::prelude::*;
use related::{Consistency, Filter, RawRow, RelationField, Sqlite, Statement};

#[derive(Clone, Debug, related::Model)]
pub struct Author {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, related::Model)]
pub struct File {
    pub id: i64,
    pub exists: bool,
}

#[derive(Clone, Debug, related::Model)]
pub struct Upload {
    pub id: i64,
    pub file: ForeignKey<File>,
    pub owner: Option<ForeignKey<Author>>,
}

fn list(conn: &mut Sqlite) -> related::Result<(usize, u64)> {
    let all = Upload::query().all(conn)?;
    let n = Upload::query().count(conn)?;
    conn.insert(&Author { id: 9, name: "Zed".into() })?;
    Ok((all.len(), n))
}

struct Repo<'a> {
    db: &'a mut Sqlite,
}

impl Repo<'_> {
    fn uploads(&self) -> related::Result<Vec<Upload>> {
        Upload::query().all(self.db)
    }
}

fn both<M>(a: Filter<M>, b: Filter<M>) -> Filter<M> {
    a & b
}

trait Visible: related::Model {
    fn visible() -> Filter<Self>;
}

impl Visible for Upload {
    fn visible() -> Filter<Self> {
        Upload::id().gt(0)
    }
}

fn visible<M: Visible>() -> Filter<M> {
    M::visible()
}

/// An executor of the user's that wraps a `Sqlite`.
struct Counting<'a> {
    db: &'a Sqlite,
    began: std::cell::Cell<u32>,
}

impl related::Executor for Counting<'_> {
    fn ctx(&self) -> related::Ctx {
        self.db.ctx()
    }
    fn run(
        &self,
        statement: &Statement,
        sink: &mut dyn FnMut(&dyn RawRow) -> related::Result<()>,
    ) -> related::Result<usize> {
        self.db.run(statement, sink)
    }
    fn begin(&self, consistency: Consistency) -> related::Result<bool> {
        self.began.set(self.began.get() + 1);
        self.db.begin(consistency)
    }
    fn end(&self, commit: bool) -> related::Result<()> {
        self.db.end(commit)
    }
}

fn main() -> related::Result<()> {
    let mut db = Sqlite::open_in_memory()?;
    db.create_tables(&[Author::info(), File::info(), Upload::info()])?;
    db.insert(&Author { id: 1, name: "Ann".into() })?;
    db.insert(&File { id: 1, exists: true })?;
    db.insert(&File { id: 2, exists: false })?;
    db.insert(&Upload { id: 1, file: ForeignKey::new(1), owner: Some(ForeignKey::new(1)) })?;
    db.insert(&Upload { id: 2, file: ForeignKey::new(2), owner: None })?;

    assert_eq!(list(&mut db)?, (2, 2));
    assert_eq!(Repo { db: &mut db }.uploads()?.len(), 2);

    let count: fn(&related::Query<Upload>, &Sqlite) -> related::Result<u64> =
        related::Query::count;
    assert_eq!(count(&Upload::query(), &db)?, 2);

    let f = both(Upload::id().gt(0), Upload::id().lt(2));
    assert_eq!(Upload::query().filter(f).count(&db)?, 1);
    let g = Upload::id().lt(2) & visible();
    assert_eq!(Upload::query().filter(g).count(&db)?, 1);

    let uploads = Upload::query().order_by(Upload::id().asc()).all(&db)?;
    assert_eq!(uploads[0].owner.key(), Some(&1));
    assert_eq!(uploads[1].owner.key(), None);

    let counting = Counting { db: &db, began: std::cell::Cell::new(0) };
    let loaded = Upload::query()
        .prefetch_related(Upload::file())
        .all(&counting)?;
    assert_eq!(loaded.len(), 2);
    assert_eq!(counting.began.get(), 1, "the load asked its executor to begin");

    let present = Upload::query()
        .filter(Upload::file().exists().eq(true))
        .all(&db)?;
    assert_eq!(present.len(), 1);
    Ok(())
}
