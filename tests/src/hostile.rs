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
