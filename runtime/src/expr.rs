//! Typed column handles, filters and ordering for a model's own table.

use std::marker::PhantomData;
use std::ops::{BitAnd, BitOr, Not};

use crate::column::{Column, Ordered};
use crate::model::Model;
use crate::operand::{Bound, Operand};
use crate::value::Value;

/// A column of model `M` holding a `T`. The derive generates one associated
/// function per stored column, e.g. `Post::title()`.
pub struct Col<M, T> {
    name: &'static str,
    _marker: PhantomData<fn() -> (M, T)>,
}

impl<M, T> Clone for Col<M, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<M, T> Copy for Col<M, T> {}

/// A boolean condition over the rows of `M`'s table. Every value in it is a
/// bind parameter.
pub struct Filter<M> {
    pub(crate) expr: Expr,
    _marker: PhantomData<fn() -> M>,
}

impl<M> Clone for Filter<M> {
    fn clone(&self) -> Self {
        Filter::new(self.expr.clone())
    }
}

impl<M> std::fmt::Debug for Filter<M> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.expr.fmt(f)
    }
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

/// The untyped condition tree the renderer walks.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Expr {
    Cmp {
        column: &'static str,
        op: CmpOp,
        value: Value,
    },
    In {
        column: &'static str,
        values: Vec<Value>,
    },
    IsNull {
        column: &'static str,
        negated: bool,
    },
    And(Vec<Expr>),
    Or(Vec<Expr>),
    Not(Box<Expr>),
}

impl<M> Filter<M> {
    pub(crate) fn new(expr: Expr) -> Self {
        Filter {
            expr,
            _marker: PhantomData,
        }
    }

    /// Both conditions (also `a & b`).
    pub fn and(self, other: Filter<M>) -> Filter<M> {
        let expr = match (self.expr, other.expr) {
            (Expr::And(mut a), Expr::And(b)) => {
                a.extend(b);
                Expr::And(a)
            }
            (Expr::And(mut a), b) => {
                a.push(b);
                Expr::And(a)
            }
            (a, b) => Expr::And(vec![a, b]),
        };
        Filter::new(expr)
    }

    /// Either condition (also `a | b`).
    pub fn or(self, other: Filter<M>) -> Filter<M> {
        let expr = match (self.expr, other.expr) {
            (Expr::Or(mut a), Expr::Or(b)) => {
                a.extend(b);
                Expr::Or(a)
            }
            (Expr::Or(mut a), b) => {
                a.push(b);
                Expr::Or(a)
            }
            (a, b) => Expr::Or(vec![a, b]),
        };
        Filter::new(expr)
    }
}

impl<M> BitAnd for Filter<M> {
    type Output = Filter<M>;
    fn bitand(self, rhs: Self) -> Self {
        self.and(rhs)
    }
}

impl<M> BitOr for Filter<M> {
    type Output = Filter<M>;
    fn bitor(self, rhs: Self) -> Self {
        self.or(rhs)
    }
}

impl<M> Not for Filter<M> {
    type Output = Filter<M>;
    fn not(self) -> Self {
        Filter::new(Expr::Not(Box::new(self.expr)))
    }
}

/// One ORDER BY term.
pub struct Order<M> {
    pub(crate) column: &'static str,
    pub(crate) desc: bool,
    _marker: PhantomData<fn() -> M>,
}

impl<M> Clone for Order<M> {
    fn clone(&self) -> Self {
        Order {
            column: self.column,
            desc: self.desc,
            _marker: PhantomData,
        }
    }
}

impl<M: Model, T: Column> Col<M, T> {
    /// Used by the derive.
    #[doc(hidden)]
    pub const fn __new(name: &'static str) -> Self {
        Col {
            name,
            _marker: PhantomData,
        }
    }

    /// The column name.
    pub fn name(&self) -> &'static str {
        self.name
    }

    fn cmp(self, op: CmpOp, value: Value) -> Filter<M> {
        if value.is_null() {
            // `= NULL` is never true in SQL; Django reads `field=None` as IS
            // NULL and `exclude(field=None)` as IS NOT NULL.
            return Filter::new(Expr::IsNull {
                column: self.name,
                negated: op != CmpOp::Eq,
            });
        }
        Filter::new(Expr::Cmp {
            column: self.name,
            op,
            value,
        })
    }

    /// `column = value`; `eq(None)` on a nullable column is `IS NULL`.
    pub fn eq(self, value: impl Operand<T>) -> Filter<M> {
        self.cmp(CmpOp::Eq, value.__into_column().to_value())
    }
    /// `column <> value`; `ne(None)` on a nullable column is `IS NOT NULL`.
    pub fn ne(self, value: impl Operand<T>) -> Filter<M> {
        self.cmp(CmpOp::Ne, value.__into_column().to_value())
    }
    // Ordering comparisons take the column type without its NULL: in SQL
    // `column < NULL` matches no row, so a `None` here is a mistake the
    // compiler reports.
    /// `column < value` (rows where the column is NULL never match).
    pub fn lt(self, value: impl Bound<T::NotNull>) -> Filter<M>
    where
        T: Ordered,
    {
        self.cmp(CmpOp::Lt, value.__into_bound().to_value())
    }
    /// `column <= value` (rows where the column is NULL never match).
    pub fn le(self, value: impl Bound<T::NotNull>) -> Filter<M>
    where
        T: Ordered,
    {
        self.cmp(CmpOp::Le, value.__into_bound().to_value())
    }
    /// `column > value` (rows where the column is NULL never match).
    pub fn gt(self, value: impl Bound<T::NotNull>) -> Filter<M>
    where
        T: Ordered,
    {
        self.cmp(CmpOp::Gt, value.__into_bound().to_value())
    }
    /// `column >= value` (rows where the column is NULL never match).
    pub fn ge(self, value: impl Bound<T::NotNull>) -> Filter<M>
    where
        T: Ordered,
    {
        self.cmp(CmpOp::Ge, value.__into_bound().to_value())
    }

    /// `column IN (...)`; an empty list matches no row.
    pub fn is_in<V: Operand<T>>(self, values: impl IntoIterator<Item = V>) -> Filter<M> {
        Filter::new(Expr::In {
            column: self.name,
            values: values
                .into_iter()
                .map(|v| v.__into_column().to_value())
                .collect(),
        })
    }

    /// `column IS NULL`.
    pub fn is_null(self) -> Filter<M> {
        Filter::new(Expr::IsNull {
            column: self.name,
            negated: false,
        })
    }

    /// `column IS NOT NULL`.
    pub fn is_not_null(self) -> Filter<M> {
        Filter::new(Expr::IsNull {
            column: self.name,
            negated: true,
        })
    }

    pub fn asc(self) -> Order<M> {
        Order {
            column: self.name,
            desc: false,
            _marker: PhantomData,
        }
    }

    pub fn desc(self) -> Order<M> {
        Order {
            column: self.name,
            desc: true,
            _marker: PhantomData,
        }
    }
}

/// Text columns: SQL `LIKE` with `%` and `_` wildcards (the pattern is bound).
pub trait Like<M> {
    fn like(self, pattern: &str) -> Filter<M>;
}

impl<M: Model> Like<M> for Col<M, String> {
    fn like(self, pattern: &str) -> Filter<M> {
        Filter::new(Expr::Cmp {
            column: self.name,
            op: CmpOp::Like,
            value: Value::Text(pattern.to_owned()),
        })
    }
}

impl<M: Model> Like<M> for Col<M, Option<String>> {
    fn like(self, pattern: &str) -> Filter<M> {
        Filter::new(Expr::Cmp {
            column: self.name,
            op: CmpOp::Like,
            value: Value::Text(pattern.to_owned()),
        })
    }
}
