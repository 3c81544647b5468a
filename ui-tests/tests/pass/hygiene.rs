// The expansion holds up against a hostile scope (items named like the
// std prelude, constants named like its parameters), raw identifiers, `Self`
// in relation targets, models declared in a function and in a module with
// restricted visibility, and a crate that denies warnings.
#![deny(warnings)]
#![allow(non_upper_case_globals)]

mod hostile {
    pub struct Option;
    pub struct Some;
    pub struct None;
    pub struct Ok;
    pub struct Result;
    pub struct Vec;
    pub struct Column;
    pub struct Relation;
    pub const row: i32 = 0;
    pub const offset: i32 = 0;
    pub const source: i32 = 0;
    pub const target: i32 = 0;
    pub const error: i32 = 0;
    pub const key: i32 = 0;
    pub const next: i32 = 0;
}

mod models {
    #[allow(unused_imports)]
    use crate::hostile::*;
    use related::{ForeignKey, ManyToMany, Reverse};

    #[derive(Clone, Debug, related::Model)]
    #[related(table = "node")]
    pub(crate) struct Node {
        pub(crate) id: i64,
        pub(crate) r#type: String,
        pub(crate) label: std::option::Option<String>,
        pub(crate) parent: std::option::Option<ForeignKey<Self>>,
        #[related(reverse = Self::parent)]
        pub(crate) children: Reverse<Self>,
        pub(crate) links: ManyToMany<Node>,
        // Private: its handle is private too.
        secret: ForeignKey<Node>,
    }

    pub(crate) fn private_handles() {
        let _ = Node::query().select_related(Node::secret());
    }
}

use models::Node;
use related::prelude::*;

fn main() {
    #[derive(Clone, Debug, related::Model)]
    struct Local {
        id: i64,
        node: ForeignKey<Node>,
    }

    let _ = Node::query()
        .select_related(Node::parent().then(Node::parent()))
        .prefetch_related(Node::children().then(Node::links()))
        .filter(Node::r#type().eq("leaf".to_owned()));
    let _ = Local::query().select_related(Local::node().then(Node::parent()));
    models::private_handles();

    assert_eq!(Node::info().columns[1].name, "type");
    assert_eq!(Node::r#type().name(), "type");
    assert_eq!(Local::info().table, "local");
}
