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

// Models named like the generic parameters of the expansion and of the
// runtime's impls (`A`, `B`, `M`, `N`, `L`, `R`, `T`, `X`): none may be
// captured by a parameter of the same name.
mod letters {
    use related::{ForeignKey, ManyToMany, Reverse};

    #[derive(Clone, Debug, related::Model)]
    pub struct A { pub id: i64, pub b: ForeignKey<B>, pub xs: ManyToMany<X> }
    #[derive(Clone, Debug, related::Model)]
    pub struct B { pub id: i64, pub m: Option<ForeignKey<M>>, #[related(reverse = A::b)] pub a_set: Reverse<A> }
    #[derive(Clone, Debug, related::Model)]
    pub struct M { pub id: i64, pub n: ForeignKey<N> }
    #[derive(Clone, Debug, related::Model)]
    pub struct N { pub id: i64, pub l: ForeignKey<L> }
    #[derive(Clone, Debug, related::Model)]
    pub struct L { pub id: i64, pub r: ForeignKey<R> }
    #[derive(Clone, Debug, related::Model)]
    pub struct R { pub id: i64, pub t: ForeignKey<T> }
    // Fields named like the Django, SeaORM and Diesel methods that are one
    // error each (`objects`, `get`, `distinct`, `find`, `load`, ...): their
    // handles are the model's own.
    #[derive(Clone, Debug, related::Model)]
    pub struct T { pub id: i64, pub objects: i32, pub get: String, pub distinct: bool, pub find: i32, pub find_by_id: i64, pub load: f64, pub fetch_all: bool }
    #[derive(Clone, Debug, related::Model)]
    pub struct X { pub id: i64, #[related(reverse = A::xs)] pub a_set: Reverse<A> }
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

    use letters::{A, B, L, M, N, R, T, X};
    let _ = T::query()
        .filter(T::objects().gt(1))
        .filter(T::get().eq("x"))
        .order_by(T::distinct().asc())
        .filter(T::find().lt(3))
        .filter(T::find_by_id().eq(4))
        .filter(T::fetch_all().eq(true))
        .order_by(T::load().desc());
    let _ = A::query()
        .select_related(A::b().then(B::m()).then(M::n()).then(N::l()).then(L::r()).then(R::t()))
        .prefetch_related(A::xs().then(X::a_set()))
        .prefetch(Prefetch::new(A::xs()).prefetch_related(X::a_set().then(A::b())))
        .prefetch_below(A::b(), Prefetch::new(B::a_set()));

    assert_eq!(Node::info().columns[1].name, "type");
    assert_eq!(Node::r#type().name(), "type");
    assert_eq!(Local::info().table, "local");
}
