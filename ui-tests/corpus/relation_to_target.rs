// Mistake: Django's to on a relation field.
// expect: to
// fix: ManyToMany<Tag>
#[allow(unused_imports)]
use related::prelude::*;
#[derive(Clone, Debug, related::Model)]
pub struct Person {
    pub id: i64,
    #[related(to = "Person")]
    pub friends: ManyToMany<Person>,
}
fn main() {}
