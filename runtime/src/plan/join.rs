//! select_related: the tree of single-valued relations joined into one
//! statement, and the decoding of each joined row into nested models.

use std::any::{Any, TypeId};
use std::marker::PhantomData;

use crate::error::Error;
use crate::model::column::RawRow;
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
    ) -> Result<(), FieldErrorAt>;
}

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
    pub columns: &'a mut Vec<(String, &'static str)>,
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

/// Find the hop for `R` in `list` without adding it.
pub(crate) fn find_hop<R: Relation>(list: &[Box<dyn JoinNode<R::Source>>]) -> Option<&JoinHop<R>> {
    list.iter()
        .find(|n| n.id() == TypeId::of::<R>())
        .and_then(|n| n.as_any().downcast_ref::<JoinHop<R>>())
}

pub(crate) fn clone_nodes<P>(nodes: &[Box<dyn JoinNode<P>>]) -> Vec<Box<dyn JoinNode<P>>> {
    nodes.iter().map(|n| n.clone_box()).collect()
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
            out.columns.push((alias.clone(), c.name));
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
    ) -> Result<(), FieldErrorAt> {
        let slot = slots[*pos];
        *pos += 1;
        let target_info = <R::Target as Model>::info();
        let err = |error| FieldErrorAt {
            model: target_info.name,
            error,
        };
        if slot.left {
            let pk = target_info.pk_column();
            let null = row
                .is_null(slot.offset + target_info.pk)
                .map_err(|e| err(FieldError::new(pk.field, pk.name, e)))?;
            if null {
                R::attach_one(parent, None);
                *pos += slot.span - 1;
                return Ok(());
            }
        }
        let mut target = <R::Target as Model>::decode(row, slot.offset).map_err(err)?;
        for child in &self.children {
            child.decode(row, &mut target, slots, pos)?;
        }
        R::attach_one(parent, Some(target));
        Ok(())
    }
}
