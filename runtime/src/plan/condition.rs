//! The untyped condition tree a typed filter becomes: what `across` renders
//! into JOINs, `WHERE` terms and `EXISTS` subqueries.

use std::any::TypeId;

use crate::model::relation::RelationInfo;
use crate::model::value::Value;

/// One hop of a path inside a condition: the relation's identity (to share
/// the JOIN of a `select_related` of the same hop) and its SQL shape.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hop {
    pub id: TypeId,
    pub info: RelationInfo,
}

impl PartialEq for Hop {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

/// A column in a condition: its table is the base table (empty path) or
/// the one the path reaches, resolved to a JOIN alias when rendered.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ColumnRef {
    pub path: Vec<Hop>,
    pub name: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Like,
}

impl CmpOp {
    pub(crate) fn sql(self) -> &'static str {
        match self {
            CmpOp::Eq => " = ",
            CmpOp::Ne => " <> ",
            CmpOp::Lt => " < ",
            CmpOp::Le => " <= ",
            CmpOp::Gt => " > ",
            CmpOp::Ge => " >= ",
            CmpOp::Like => " LIKE ",
        }
    }
}

/// Where a text match's needle must stand in the column's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TextAt {
    Anywhere,
    Start,
    End,
    /// The whole value (only with case folded: `iexact`).
    Whole,
}

/// The untyped condition tree the renderer walks.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Expr {
    Cmp {
        column: ColumnRef,
        op: CmpOp,
        value: Value,
    },
    In {
        column: ColumnRef,
        values: Vec<Value>,
    },
    IsNull {
        column: ColumnRef,
        negated: bool,
    },
    /// `contains`, `starts_with`, `ends_with` and their case-folding forms:
    /// `needle` is taken literally (no wildcards); the renderer makes the
    /// dialect's pattern of it.
    Text {
        column: ColumnRef,
        at: TextAt,
        fold: bool,
        needle: String,
    },
    /// Some row reached through `path` (which may fan out) matches `inner`
    /// (a condition over the path's last model): `EXISTS (SELECT 1 ...)`
    /// correlated with the outer row, so base rows never repeat.
    Exists {
        path: Vec<Hop>,
        inner: Box<Expr>,
    },
    And(Vec<Expr>),
    Or(Vec<Expr>),
    /// Django's `~Q(..)` and `exclude`: the rows where `inner` is not
    /// true, those where it is unknown (a NULL compared) included.
    /// `(inner) IS NOT TRUE`. SQL's bare `NOT` would drop the unknown rows,
    /// which neither Django nor Rust's `!` on an `Option` does.
    NotTrue(Box<Expr>),
}

impl Expr {
    /// Whether no row can match, whatever the data: an `is_in` of no value
    /// (or of NULLs only, which `IN` never matches), ANDed with anything,
    /// ORed only with such, or as the condition of an `any`. Django finds
    /// the same before it sends anything (`EmptyResultSet`) and sends
    /// nothing; so does a load. A NOT of it matches every row and is sent.
    pub(crate) fn matches_nothing(&self) -> bool {
        match self {
            Expr::In { values, .. } => values.iter().all(|v| matches!(v, Value::Null)),
            Expr::And(items) => items.iter().any(Expr::matches_nothing),
            Expr::Or(items) => !items.is_empty() && items.iter().all(Expr::matches_nothing),
            Expr::Exists { inner, .. } => inner.matches_nothing(),
            _ => false,
        }
    }
}
