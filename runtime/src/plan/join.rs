//! select_related: the tree of single-valued relations joined into one
//! statement, and the decoding of each joined row into nested models.

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::marker::PhantomData;
use std::sync::Arc;

use crate::error::Error;
use crate::model::column::{Column, KeyHash, RawRow};
use crate::model::relation::Relation;
use crate::model::table::{FieldError, Model};
use crate::plan::across::{Joined, Scope, write_join};
use crate::plan::sql::{Aliases, SqlWriter};

/// Where one joined table's columns sit in the result row.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Slot {
    pub offset: usize,
    pub left: bool,
    /// Slots in this node's subtree, itself included.
    pub span: usize,
}

/// A joined relation whose source model is `P`, with the joins below it.
pub(crate) trait JoinNode<P>: Send + Sync {
    fn id(&self) -> TypeId;
    fn as_any(&self) -> &dyn Any;
    fn as_any_mut(&mut self) -> &mut dyn Any;
    fn clone_box(&self) -> Box<dyn JoinNode<P>>;

    /// Take in the hops below `other`, a node of the same relation.
    fn absorb(&mut self, other: Box<dyn JoinNode<P>>);

    /// Add this join (and the ones below) to the statement: the selected
    /// columns go to `columns`, the JOIN clauses to `joins`; one slot per
    /// node in depth-first order goes to `slots`.
    fn plan(
        &self,
        parent_alias: &str,
        parent_left: bool,
        parent_path: &[TypeId],
        out: &mut JoinOut,
    );

    /// Decode this node's row (and below) and attach it to `parent`.
    fn decode(
        &self,
        row: &dyn RawRow,
        parent: &mut P,
        slots: &[Slot],
        pos: &mut usize,
        share: &mut JoinShare,
    ) -> Result<(), FieldErrorAt>;
}

/// The rows each JOIN of one statement decoded so far, by primary key, so
/// a row that many base rows point at (one author of many posts) is
/// decoded once and its `Arc` shared. Within one statement a hop's row and
/// everything joined below it depend only on that row (forward keys are its
/// own columns, a reverse one-to-one is unique), so the shared copy is what
/// decoding again would give.
///
/// Off when a prefetch level runs below a JOIN of the statement: that level
/// fills the JOINed rows in place (`Arc::make_mut`), per parent.
pub(crate) struct JoinShare {
    on: bool,
    /// One map per slot, `HashMap<Pk, Arc<Target>>` of that hop, made on
    /// the hop's first row.
    seen: Vec<Option<Box<dyn Any + Send + Sync>>>,
}

impl JoinShare {
    pub fn new(on: bool) -> Self {
        JoinShare {
            on,
            seen: Vec::new(),
        }
    }

    /// Forget the rows (their `Arc`s go on living in the rows holding them).
    pub fn clear(&mut self) {
        self.seen = Vec::new();
    }

    fn seen<M: Model>(&mut self, slot: usize) -> &mut Seen<M> {
        let entry = self
            .slot(slot)
            .get_or_insert_with(|| Box::new(Seen::<M>::default()));
        if !(**entry).is::<Seen<M>>() {
            // A slot is always the same hop within one statement; a new
            // statement with another shape starts from a cleared table.
            *entry = Box::new(Seen::<M>::default());
        }
        (**entry)
            .downcast_mut::<Seen<M>>()
            .expect("the entry was just made for this type")
    }

    /// The table of `slot`, made room for (not generic: compiled once).
    fn slot(&mut self, slot: usize) -> &mut Option<Box<dyn Any + Send + Sync>> {
        if self.seen.len() <= slot {
            self.seen.resize_with(slot + 1, || None);
        }
        &mut self.seen[slot]
    }
}

type Seen<M> = HashMap<<M as Model>::Pk, Arc<M>, KeyHash>;

/// A decode error together with the model it happened in.
#[derive(Debug)]
pub(crate) struct FieldErrorAt {
    pub model: &'static str,
    pub error: FieldError,
}

impl FieldErrorAt {
    pub fn into_error(self, statement: &str) -> Error {
        Error::Decode {
            model: self.model,
            field: self.error.field,
            column: self.error.column,
            error: self.error.error,
            statement: statement.to_owned(),
        }
    }
}

/// The pieces of a SELECT that joins contribute.
pub(crate) struct JoinOut<'a> {
    pub w: &'a mut SqlWriter,
    /// Alias, column, and whether it is a text key (`ModelInfo::is_text_key`).
    pub columns: &'a mut Vec<(String, &'static str, bool)>,
    pub aliases: &'a mut Aliases,
    pub slots: &'a mut Vec<Slot>,
    /// Each join's path and alias, for conditions over its columns (and
    /// the paths the filter needs INNER).
    pub scope: &'a mut Scope,
}

/// One hop of a select_related path.
pub(crate) struct JoinHop<R: Relation> {
    pub children: Vec<Box<dyn JoinNode<R::Target>>>,
    _marker: PhantomData<R>,
}

impl<R: Relation> JoinHop<R> {
    pub fn new() -> Self {
        JoinHop {
            children: Vec::new(),
            _marker: PhantomData,
        }
    }
}

/// Find the hop for `R` in `list`, adding it if absent.
pub(crate) fn hop_mut<R: Relation>(
    list: &mut Vec<Box<dyn JoinNode<R::Source>>>,
) -> &mut JoinHop<R> {
    let pos = match list.iter().position(|n| n.id() == TypeId::of::<R>()) {
        Some(pos) => pos,
        None => {
            list.push(Box::new(JoinHop::<R>::new()));
            list.len() - 1
        }
    };
    list[pos]
        .as_any_mut()
        .downcast_mut::<JoinHop<R>>()
        .expect("a join node's id matches its type")
}

/// Add `nodes` to `list`: a relation already joined there takes in the
/// hops below the new node (one JOIN per relation, as `hop_mut` keeps it).
pub(crate) fn merge_nodes<P>(
    list: &mut Vec<Box<dyn JoinNode<P>>>,
    nodes: Vec<Box<dyn JoinNode<P>>>,
) {
    for node in nodes {
        match list.iter_mut().find(|n| n.id() == node.id()) {
            Some(existing) => existing.absorb(node),
            None => list.push(node),
        }
    }
}

/// Find the hop for `R` in `list` without adding it.
pub(crate) fn find_hop<R: Relation>(list: &[Box<dyn JoinNode<R::Source>>]) -> Option<&JoinHop<R>> {
    list.iter()
        .find(|n| n.id() == TypeId::of::<R>())
        .and_then(|n| n.as_any().downcast_ref::<JoinHop<R>>())
}

pub(crate) fn clone_nodes<P>(nodes: &[Box<dyn JoinNode<P>>]) -> Vec<Box<dyn JoinNode<P>>> {
    // A loop, not `map(..).collect()`: compiled once per model, the
    // iterator adapters would add a dozen functions to each.
    let mut out = Vec::with_capacity(nodes.len());
    for n in nodes {
        out.push(n.clone_box());
    }
    out
}

impl<R: Relation> JoinHop<R> {
    /// The hop's row and the joins below it.
    fn decode_target(
        &self,
        row: &dyn RawRow,
        slot: Slot,
        slots: &[Slot],
        pos: &mut usize,
        share: &mut JoinShare,
    ) -> Result<R::Target, FieldErrorAt> {
        let mut target =
            <R::Target as Model>::decode(row, slot.offset).map_err(|error| FieldErrorAt {
                model: <R::Target as Model>::info().name,
                error,
            })?;
        for child in &self.children {
            child.decode(row, &mut target, slots, pos, share)?;
        }
        Ok(target)
    }
}

impl<R: Relation> JoinNode<R::Source> for JoinHop<R> {
    fn id(&self) -> TypeId {
        TypeId::of::<R>()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
    fn clone_box(&self) -> Box<dyn JoinNode<R::Source>> {
        Box::new(JoinHop::<R> {
            children: clone_nodes(&self.children),
            _marker: PhantomData,
        })
    }

    fn absorb(&mut self, mut other: Box<dyn JoinNode<R::Source>>) {
        // Same id, same type: the downcast finds it.
        if let Some(other) = other.as_any_mut().downcast_mut::<JoinHop<R>>() {
            merge_nodes(&mut self.children, std::mem::take(&mut other.children));
        }
    }

    fn plan(
        &self,
        parent_alias: &str,
        parent_left: bool,
        parent_path: &[TypeId],
        out: &mut JoinOut,
    ) {
        let info = R::info();
        let target = <R::Target as Model>::info();
        let source = <R::Source as Model>::info();
        let mut path = parent_path.to_vec();
        path.push(TypeId::of::<R>());
        // Once a hop may find no row, every hop below it must too, or the
        // INNER JOIN below would drop the base row; unless the filter needs
        // this hop's row (Django's demotion to INNER).
        let left = out
            .scope
            .left(&path, parent_left, info.kind.join_is_nullable());
        let alias = out.aliases.take(target.table);
        out.scope.joined.push(Joined {
            path: path.clone(),
            alias: alias.clone(),
            left,
        });
        let me = out.slots.len();
        out.slots.push(Slot {
            offset: out.columns.len(),
            left,
            span: 1,
        });
        for c in target.columns {
            out.columns
                .push((alias.clone(), c.name, target.is_text_key(c)));
        }
        write_join(out.w, info.kind, source, target, parent_alias, &alias, left);
        for child in &self.children {
            child.plan(&alias, left, &path, out);
        }
        out.slots[me].span = out.slots.len() - me;
    }

    fn decode(
        &self,
        row: &dyn RawRow,
        parent: &mut R::Source,
        slots: &[Slot],
        pos: &mut usize,
        share: &mut JoinShare,
    ) -> Result<(), FieldErrorAt> {
        let me = *pos;
        let slot = slots[me];
        *pos += 1;
        let target_info = <R::Target as Model>::info();
        let err = |error| FieldErrorAt {
            model: target_info.name,
            error,
        };
        let pk_col = target_info.pk_column();
        if slot.left {
            let null = row
                .is_null(slot.offset + target_info.pk)
                .map_err(|e| err(FieldError::new(pk_col.field, pk_col.name, e)))?;
            if null {
                R::attach_one(parent, None);
                *pos += slot.span - 1;
                return Ok(());
            }
        }
        if !share.on {
            let target = self.decode_target(row, slot, slots, pos, share)?;
            R::attach_one(parent, Some(Arc::new(target)));
            return Ok(());
        }
        let pk = <<R::Target as Model>::Pk as Column>::decode(row, slot.offset + target_info.pk)
            .map_err(|e| err(FieldError::new(pk_col.field, pk_col.name, e)))?;
        if let Some(seen) = share.seen::<R::Target>(me).get(&pk) {
            let seen = Arc::clone(seen);
            R::attach_one(parent, Some(seen));
            *pos += slot.span - 1;
            return Ok(());
        }
        let target = Arc::new(self.decode_target(row, slot, slots, pos, share)?);
        share.seen::<R::Target>(me).insert(pk, Arc::clone(&target));
        R::attach_one(parent, Some(target));
        Ok(())
    }
}
