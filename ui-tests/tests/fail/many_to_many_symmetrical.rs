// Django's `symmetrical` on a ManyToMany to its own model: here the link
// table is read one way, and the other way is a `Reverse` field.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Person {
    pub id: i64,
    #[related(symmetrical = false)]
    pub friends: ManyToMany<Person>,
}

fn main() {}
