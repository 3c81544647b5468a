//! The loader, free of I/O: it hands out the next statement, takes the rows
//! of that statement, and finally returns the stitched models. Sync and
//! async executors drive the same loader; none has a copy of its logic.

use crate::error::Result;
use crate::model::column::RawRow;
use crate::model::table::{Model, decode_at_start};
use crate::model::typed::LoadSet;
use crate::plan::join::{JoinShare, Slot};
use crate::plan::sql::{Ctx, Statement};
use crate::query::builder::{Query, QueryCore};

enum Stage {
    Base,
    BaseRows,
    Prefetch(usize),
    Done,
}

/// One load in progress: the [`Job`](crate::Job) that [`Query::all`] and
/// the other ways to run a query drive on a connection.
///
/// ```
/// use related::prelude::*;
/// use related::{Consistency, Job, Load, run_job};
///
/// #[derive(Clone, Debug, Model)]
/// struct Tag { id: i64, name: String }
///
/// #[derive(Clone, Debug, Model)]
/// struct Post { id: i64, tags: ManyToMany<Tag> }
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let db = related::Sqlite::open_in_memory()?;
/// db.create_tables(&[Tag::info(), Post::info()])?;
/// db.insert(&Post { id: 1, tags: Default::default() })?;
/// db.insert(&Tag { id: 1, name: "rust".into() })?;
/// db.link(Post::tags(), &1, &1)?;
///
/// // Two statements: they must see one snapshot of the database.
/// let query = Post::query().prefetch_related(Post::tags());
/// let mut load = Load::new(&query, db.ctx())?;
/// assert!(!load.at_most_one_statement());
/// assert_eq!(load.consistency(), Consistency::Snapshot);
/// run_job(&db, &mut load)?;
/// let posts = load.finish();
/// assert_eq!(posts[0].tags.get()?[0].name, "rust");
///
/// // One statement needs no transaction.
/// let single = Load::new(&Post::query(), db.ctx())?;
/// assert_eq!(single.consistency(), Consistency::None);
/// # Ok(()) }
/// ```
pub struct Load<M: Model> {
    query: QueryCore<M>,
    ctx: Ctx,
    stage: Stage,
    slots: Vec<Slot>,
    /// The base statement's JOINed rows, shared by primary key.
    share: JoinShare,
    rows: Vec<M>,
    current_sql: String,
}

impl<M: Model> Load<M> {
    /// A load of `query`: the base statement, then its prefetch levels.
    pub fn new<L>(query: &Query<M, L>, ctx: Ctx) -> Result<Self> {
        Self::of(&query.core, ctx)
    }

    /// Only the prefetch levels of `query`, onto rows the caller holds: the
    /// relations its type holds, its `select_related` paths among them (no
    /// JOIN reaches rows already read), each kept where every row already
    /// holds it.
    pub fn onto<L: LoadSet<M>>(query: &Query<M, L>, rows: Vec<M>, ctx: Ctx) -> Result<Self> {
        Self::onto_rows(&query.onto_core(), rows, ctx)
    }

    // The two above without the query's loaded set in their type: what
    // running a query calls, compiled once per model (and the second only
    // for the models some code loads onto).

    pub(crate) fn of(query: &QueryCore<M>, ctx: Ctx) -> Result<Self> {
        let mut query = Self::checked(query)?;
        let QueryCore {
            joins, prefetch, ..
        } = &mut query;
        for node in prefetch.iter_mut() {
            node.resolve(joins);
        }
        // A query no row can match sends nothing, as in Django: no base
        // statement, and no level (none would have a parent), so no
        // transaction either.
        let stage = if query.matches_nothing() {
            query.prefetch.clear();
            Stage::Done
        } else {
            Stage::Base
        };
        Ok(Self::assemble(query, Vec::new(), stage, ctx))
    }

    pub(crate) fn onto_rows(query: &QueryCore<M>, mut rows: Vec<M>, ctx: Ctx) -> Result<Self> {
        let mut query = Self::checked(query)?;
        // Rows handed in were not loaded by this query's JOINs: its
        // untyped select_related paths load onto them as prefetch levels
        // instead (typed ones came in from the set, see `onto_core`).
        query.add_join_levels()?;
        for node in &mut query.prefetch {
            node.resolve(&[]);
            node.keep_loaded(&mut rows);
        }
        Ok(Self::assemble(query, rows, Stage::Prefetch(0), ctx))
    }

    /// The query to run, once no mistake was recorded in it.
    fn checked(query: &QueryCore<M>) -> Result<QueryCore<M>> {
        crate::observe::n_plus_one::note_model(M::info());
        if let Some(duplicate) = query.errors.first() {
            return Err(duplicate.clone().into_error());
        }
        Ok(query.clone())
    }

    fn assemble(query: QueryCore<M>, rows: Vec<M>, stage: Stage, ctx: Ctx) -> Self {
        let share = JoinShare::new(!query.prefetch.iter().any(|n| n.through_join()));
        Load {
            query,
            ctx,
            stage,
            slots: Vec::new(),
            share,
            rows,
            current_sql: String::new(),
        }
    }

    /// The next statement to send, or None when the load is complete.
    pub fn next_statement(&mut self) -> Result<Option<Statement>> {
        loop {
            match self.stage {
                Stage::Base => {
                    let (stmt, slots) = self.query.base_statement(self.ctx.dialect);
                    self.slots = slots;
                    self.stage = Stage::BaseRows;
                    self.current_sql.clone_from(&stmt.sql);
                    return Ok(Some(stmt));
                }
                Stage::BaseRows => {
                    self.share.clear();
                    self.stage = Stage::Prefetch(0);
                }
                Stage::Prefetch(i) => {
                    let Some(node) = self.query.prefetch.get_mut(i) else {
                        self.stage = Stage::Done;
                        continue;
                    };
                    match node.next_statement(&mut self.rows, self.ctx)? {
                        Some(stmt) => {
                            self.current_sql.clone_from(&stmt.sql);
                            return Ok(Some(stmt));
                        }
                        None => self.stage = Stage::Prefetch(i + 1),
                    }
                }
                Stage::Done => return Ok(None),
            }
        }
    }

    /// One row of the statement last handed out.
    #[inline]
    pub fn accept_row(&mut self, row: &dyn RawRow) -> Result<()> {
        match self.stage {
            Stage::BaseRows => {
                let mut model: M = decode_at_start(row, &self.current_sql)?;
                let mut pos = 0;
                for j in &self.query.joins {
                    j.decode(row, &mut model, &self.slots, &mut pos, &mut self.share)
                        .map_err(|e| e.into_error(&self.current_sql))?;
                }
                self.rows.push(model);
                Ok(())
            }
            Stage::Prefetch(i) => match self.query.prefetch.get_mut(i) {
                Some(node) => node.accept_row(row, &self.current_sql),
                None => Ok(()),
            },
            Stage::Base | Stage::Done => Ok(()),
        }
    }

    /// Whether this load sends at most one statement (it has no prefetch
    /// level), so it needs no transaction to see one snapshot.
    pub fn at_most_one_statement(&self) -> bool {
        self.query.prefetch.is_empty()
    }

    /// Whether the query asks for one snapshot over its statements (not
    /// [`Query::without_snapshot`]).
    pub fn wants_snapshot(&self) -> bool {
        self.query.snapshot
    }

    /// The SQL of the statement last handed out.
    pub fn current_sql(&self) -> &str {
        &self.current_sql
    }

    /// Stitch every prefetched level onto the rows and return them.
    pub fn finish(mut self) -> Vec<M> {
        self.share.clear();
        for node in &mut self.query.prefetch {
            node.attach(&mut self.rows);
        }
        self.rows
    }

    /// The rows as loaded so far, without stitching (after an error).
    pub(crate) fn into_rows(self) -> Vec<M> {
        self.rows
    }
}
