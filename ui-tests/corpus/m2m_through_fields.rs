// Mistake: Django's through_fields on a relation field.
// expect: through_fields
// fix: source_column
#[allow(unused_imports)]
use related::prelude::*;
#[derive(Clone, Debug, related::Model)]
pub struct Person {
    pub id: i64,
    #[related(through_fields = ("a", "b"))]
    pub friends: ManyToMany<Person>,
}
fn main() {}
