//! A schema whose names are hostile to SQL text: a reserved word, quote
//! characters of every dialect and non-ASCII letters in table and column
//! names. Every name must reach the database quoted for its dialect.

use related::prelude::*;

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "group")]
pub struct Group {
    pub id: i64,
    #[related(column = "select")]
    pub name: String,
    #[related(reverse = Order::group)]
    pub orders: Reverse<Order>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "order \"by\" `tick` 'q'")]
pub struct Order {
    pub id: i64,
    #[related(column = "we\"ird `col` 'x'")]
    pub note: String,
    pub group: ForeignKey<Group>,
    pub labels: ManyToMany<Label>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "étiquette")]
pub struct Label {
    pub id: i64,
    #[related(column = "nom complet")]
    pub name: String,
}

/// A tree whose self-join needs a generated alias (`T2`), next to a table
/// named `t2`: SQLite compares identifiers without case, so the alias must
/// not be any table's name in any case.
#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "branch")]
pub struct Branch {
    pub id: i64,
    pub parent: Option<ForeignKey<Branch>>,
    pub leaf: ForeignKey<Leaf>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "t2")]
pub struct Leaf {
    pub id: i64,
    pub name: String,
}

/// Names as long as the databases take (a 55-character table, key columns
/// that share their first 9 characters): the constraint and index names
/// `create_tables` derives from them are longer than PostgreSQL's 63
/// bytes and MySQL's 64 characters, and must stay distinct there.
#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "a_table_whose_name_is_long_enough_to_push_derived_names")]
pub struct Lengthy {
    pub id: i64,
    #[related(column = "leaf_ref_one_id")]
    pub one: ForeignKey<Leaf>,
    #[related(column = "leaf_ref_two_id")]
    pub two: ForeignKey<Leaf>,
}

/// Floating-point columns, for the values at their edges (NaN, the
/// infinities, -0.0, subnormals).
#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "reading")]
pub struct Reading {
    pub id: i64,
    pub value: f64,
    pub ratio: Option<f32>,
}

/// Tables named as a key list's alias (`__k`) and its next choice
/// (`__k2`), with columns named as its key column (`value`, `column1`),
/// and text keys (a prefetch then joins its key list as a table): the
/// key list's alias must step aside for them.
#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "__k")]
pub struct Keyed {
    #[related(primary_key)]
    pub code: String,
    #[related(column = "value")]
    pub name: String,
    #[related(reverse = Holder::keyed)]
    pub holders: Reverse<Holder>,
    pub holder_count: Counted<Holder>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "__k2")]
pub struct Holder {
    pub id: i64,
    #[related(column = "column1")]
    pub note: String,
    pub keyed: ForeignKey<Keyed>,
}
