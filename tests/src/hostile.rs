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
